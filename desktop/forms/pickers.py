"""Record pickers of the forms: enterprise, policy and claim by a part of their name or number."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.forms.widgets import RecordPicker
from desktop.i18n import translate
from ledger.errors import LedgerError
from ledger.store import registers


def _enterprise_label(row: tuple) -> str:  # (id, name, uscc, …)
    return f"{row[1]}（{row[2]}）"


def _policy_label(row: tuple) -> str:  # (id, policy_no, enterprise, product, …)
    return f"{row[1]}　{row[2]}　{row[3]}"


def _claim_label(row: tuple) -> str:  # (id, claim_no, enterprise, product, …)
    return f"{row[1]}　{row[2]}"


def enterprise_picker(store: Any, ops: Any, parent: QWidget | None = None, *, optional: bool = False) -> RecordPicker:
    return RecordPicker(registers.ENTERPRISES, _enterprise_label, ops, store, parent, optional=optional)


def policy_picker(store: Any, ops: Any, parent: QWidget | None = None, *, optional: bool = False) -> RecordPicker:
    return RecordPicker(registers.POLICIES, _policy_label, ops, store, parent, optional=optional)


def claim_picker(store: Any, ops: Any, parent: QWidget | None = None, *, optional: bool = False) -> RecordPicker:
    return RecordPicker(registers.CLAIMS, _claim_label, ops, store, parent, optional=optional)


def enterprise_text(store: Any, enterprise_id: int | None) -> str:
    from ledger.services.enterprises import get_enterprise

    if not enterprise_id:
        return ""
    try:
        row = get_enterprise(store, enterprise_id)
    except LedgerError:
        return translate("forms.pickers", "（企业 #{id} 不存在）").format(id=enterprise_id)
    return f"{row['name']}（{row['uscc']}）"


def policy_text(store: Any, policy_id: int | None) -> str:
    from ledger.services.policies import get_policy

    if not policy_id:
        return ""
    try:
        row = get_policy(store, policy_id)
    except LedgerError:
        return translate("forms.pickers", "（保单 #{id} 不存在）").format(id=policy_id)
    return f"{row['policy_no']}　{enterprise_text(store, row['enterprise_id']).split('（')[0]}"


def claim_text(store: Any, claim_id: int | None) -> str:
    from ledger.services.claims import get_claim

    if not claim_id:
        return ""
    try:
        row = get_claim(store, claim_id)
    except LedgerError:
        return translate("forms.pickers", "（理赔 #{id} 不存在）").format(id=claim_id)
    return str(row["claim_no"])
