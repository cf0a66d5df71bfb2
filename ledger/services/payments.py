"""Rows for the finance payment list (拨付清单) and the 公示 list, as plain dicts.

The reports engineer's workbook/PDF builders take these rows as they are; every amount is
integer fen, ``ratio_bp`` basis points, ``explanation`` the stored calculation (计算说明).
Keys (Chinese where they are column captions): 序号, 企业名称, USCC, bank_name, bank_account (masked
unless the user may see full accounts: ``ledger.security.shown_account``),
district_code, district_name, policy_no, 险种, insurers (text: "人保财险 60%（主承）、平安产险 40%"),
insurer_shares ([{name, full_name, share_bp, is_lead}]), premium_paid_fen, ratio_bp,
computed_fen, approved_fen, paid_fen, recovered_fen, explanation, notes, application_no, state,
programme_name, year, publicity_start, publicity_end, approved_at, paid_at, voucher_no,
payment_batch, application_id.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ledger.money import format_ratio_bp
from ledger.security import shown_account
from ledger.services.subsidies import ratio_of
from ledger.store import Store
from ledger.store import payments_sql as sql
from ledger.validation import region_name

PAYMENT_STATES = ("批准", "拨付")
PUBLICITY_STATES = ("公示",)


def _insurers_text(shares: list[Any]) -> str:
    return "、".join(f"{r['name']} {format_ratio_bp(r['share_bp'])}" + ("（主承）" if r["is_lead"] and len(shares) > 1 else "")
                     for r in shares)


def _rows(store: Store, rows: list[Any]) -> list[dict[str, Any]]:
    shares = sql.insurer_shares(store.conn, [r["policy_id"] for r in rows])
    out = []
    for n, r in enumerate(rows, start=1):
        mine = shares.get(r["policy_id"], [])
        out.append({
            "序号": n, "application_id": r["id"], "application_no": r["application_no"], "state": r["state"],
            "programme_name": r["programme_name"], "year": r["year"],
            "企业名称": r["enterprise_name"], "USCC": r["uscc"], "bank_name": r["bank_name"],
            "bank_account": shown_account(store, r["bank_account"]), "district_code": r["district_code"],
            "district_name": region_name(r["district_code"]) or r["district_code"],
            "policy_no": r["policy_no"], "险种": r["product_name"], "insurers": _insurers_text(mine),
            "insurer_shares": [{"name": s["name"], "full_name": s["full_name"], "share_bp": s["share_bp"],
                                "is_lead": bool(s["is_lead"])} for s in mine],
            "premium_paid_fen": r["premium_paid_fen"], "ratio_bp": ratio_of(store, r["id"]),
            "computed_fen": r["computed_fen"], "approved_fen": r["approved_fen"], "paid_fen": r["paid_fen"],
            "recovered_fen": r["recovered_fen"], "explanation": r["explanation"], "notes": r["notes"],
            "publicity_start": r["publicity_start"], "publicity_end": r["publicity_end"],
            "approved_at": r["approved_at"], "paid_at": r["paid_at"], "voucher_no": r["voucher_no"],
            "payment_batch": r["payment_batch"],
        })
    return out


def payment_rows(store: Store, programme_id: int | None = None, year: int | None = None,
                 batch: str | None = None, *, states: Sequence[str] = PAYMENT_STATES) -> list[dict[str, Any]]:
    """Approved (to pay) and paid applications, by programme, district and queue order."""
    return _rows(store, sql.application_rows(store.conn, states=tuple(states), programme_id=programme_id,
                                             year=year, batch=batch))


def publicity_rows(store: Store, programme_id: int, *, states: Sequence[str] = PUBLICITY_STATES) -> list[dict[str, Any]]:
    """The 公示 list of a programme: applications in 公示 with the amount to be granted (computed_fen)."""
    return _rows(store, sql.application_rows(store.conn, states=tuple(states), programme_id=programme_id))
