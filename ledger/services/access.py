"""Role checks for the subsidy and programme services, through ``ledger.security.require``.

``ledger.security`` is written separately; until it provides ``require(store, action)`` this shim
lets every action through (the four-eyes and state rules of the services still apply).
Actions used here: ``subsidy.record``, ``subsidy.review``, ``subsidy.approve``, ``subsidy.pay``,
``subsidy.clawback``, ``programme.manage``, ``claim.manage``.
"""

from __future__ import annotations

import importlib
from typing import Any


def _require(store: Any, action: str) -> None:
    """Raise ``PermissionDenied`` (from ledger.security) if ``store.actor`` may not do ``action``."""
    try:
        security = importlib.import_module("ledger.security")
    except ModuleNotFoundError as exc:
        if exc.name in ("ledger.security", "ledger"):
            return
        raise
    check = getattr(security, "require", None)
    if check is not None:
        check(store, action)
