"""Record forms (QDialog): one per kind of record, all built on :class:`RecordForm`.

``FORMS[kind](store, record_id=None, undo=…, ops=…, parent=…)``; kinds are the register keys.
The subsidy register has its own workflow (issue 5) and no form here.
"""

from __future__ import annotations

from desktop.forms.base import RecordForm
from desktop.forms.case_form import CaseForm
from desktop.forms.claim_form import ClaimForm
from desktop.forms.enterprise_form import EnterpriseForm
from desktop.forms.ip_right_form import IpRightForm
from desktop.forms.policy_form import PolicyForm

FORMS: dict[str, type[RecordForm]] = {
    "enterprise": EnterpriseForm,
    "ip_right": IpRightForm,
    "policy": PolicyForm,
    "claim": ClaimForm,
    "case": CaseForm,
}

__all__ = ["FORMS", "CaseForm", "ClaimForm", "EnterpriseForm", "IpRightForm", "PolicyForm", "RecordForm"]
