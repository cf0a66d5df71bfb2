"""Role checks for the subsidy, programme and claim-workflow services.

Every service calls ``_require(store, action)`` (= ``ledger.security.require``) before writing;
while the ledger has no users (setup mode: scripts, tests, a new database) everything is allowed.
Actions used: ``subsidy.record``, ``subsidy.review``, ``subsidy.approve``, ``subsidy.pay``,
``subsidy.clawback``, ``programme.manage``, ``claim.manage``. The four-eyes rule is separate and
always applies (``ledger.subsidy.workflow.four_eyes_conflict``).
"""

from __future__ import annotations

from ledger.security import require as _require

__all__ = ["_require"]
