"""The statistics service: the single source of every figure in dashboards, reports and exports.

``compute(store, year=…, programme_id=…)`` returns a JSON-ready dict. Money stays integer fen;
ratios are integer basis points (``*_bp``) with ``loss_ratio`` as a decimal string (e.g.
"0.1234") for readers of the JSON. Loss ratio (赔付率) = claims paid ÷ premium, on the policies'
underwriting year, rounded half-up to the basis point.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ledger.money import ratio_bp_of
from ledger.store import Store
from ledger.store import stats_queries as q
from ledger.validation import region_name

IP_TYPE_ORDER = ("发明专利", "实用新型", "外观设计", "商标", "著作权", "软件著作权", "地理标志",
                 "植物新品种", "集成电路布图设计", "商业秘密")


def _unweight(value_x: int) -> int:
    """fen × 10000 (share-weighted) → fen, half-up."""
    return int((Decimal(value_x) / 10000).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def loss_ratio_text(bp: int | None) -> str | None:
    return None if bp is None else str((Decimal(bp) / 10000).quantize(Decimal("0.0001")))


def _policy_figures(row: Any) -> dict[str, Any]:
    loss_bp = ratio_bp_of(row["claims_paid_fen"], row["premium_fen"])
    return {
        "policies": row["policies"],
        "enterprises": row["enterprises"],
        "sum_insured_fen": row["sum_insured_fen"],
        "premium_fen": row["premium_fen"],
        "claims": row["claims"],
        "claims_paid_fen": row["claims_paid_fen"],
        "loss_ratio_bp": loss_bp,
    }


def _budget(conn: Any, scope: q.Scope, subsidy: Any) -> dict[str, int] | None:
    allocated = q.budget_allocated(conn, scope)
    if allocated is None:
        return None
    committed, paid, recovered = subsidy["committed_fen"], subsidy["paid_fen"], subsidy["recovered_fen"]
    return {
        "allocated_fen": allocated,
        "committed_fen": committed,
        "paid_fen": paid,
        "recovered_fen": recovered,
        "remaining_fen": allocated - committed - paid + recovered,
        "used_bp": ratio_bp_of(committed + paid - recovered, allocated) if allocated else None,
    }


def compute(
    store: Store, *, year: int | None = None, programme_id: int | None = None, office: str | None = None
) -> dict[str, Any]:
    """All figures for one scope (a year, a programme, an office, or everything)."""
    conn = store.conn
    scope = q.Scope(year=year, programme_id=programme_id, office=office)
    totals = q.totals(conn, scope)
    subsidy = q.subsidy_totals(conn, scope)
    by_type = {r["ip_type"]: r for r in q.ip_rights_by_type(conn, scope)}
    insured_by_type = {r["ip_type"]: r["sum_insured_fen"] for r in q.sum_insured_by_ip_type(conn, scope)}
    ip_total = q.ip_rights_total(conn, scope)
    result: dict[str, Any] = {
        "scope": {"year": year, "programme_id": programme_id, "office": office},
        "enterprises": totals["enterprises"],
        "ip_rights": ip_total,
        "ip_rights_by_type": {t: by_type[t]["ip_rights"] for t in IP_TYPE_ORDER if t in by_type},
        "policies": totals["policies"],
        "sum_insured_fen": totals["sum_insured_fen"],
        "premium_fen": totals["premium_fen"],
        "subsidy_applications": subsidy["applications"],
        "subsidy_approved_fen": subsidy["approved_fen"],
        "subsidy_paid_fen": subsidy["paid_fen"],
        "subsidy_recovered_fen": subsidy["recovered_fen"],
        "subsidy_by_state": {r["state"]: r["applications"] for r in q.subsidy_by_state(conn, scope)},
        "claims": totals["claims"],
        "claims_paid_fen": totals["claims_paid_fen"],
    }
    result["loss_ratio_bp"] = ratio_bp_of(totals["claims_paid_fen"], totals["premium_fen"])
    result["loss_ratio"] = loss_ratio_text(result["loss_ratio_bp"])
    result["budget"] = _budget(conn, scope, subsidy)
    result["by_year"] = _by_year(conn, scope)
    subsidy_district = {r["district_code"]: r["approved_fen"] for r in q.subsidy_by_district(conn, scope)}
    result["by_district"] = [
        {"district_code": r["district_code"], "district_name": region_name(r["district_code"]) or r["district_code"],
         **_policy_figures(r), "subsidy_approved_fen": subsidy_district.get(r["district_code"], 0)}
        for r in q.by_district(conn, scope)
    ]
    result["by_office"] = _by_office(conn, scope)
    result["by_product"] = [
        {"product_code": r["product_code"], "product_name": r["product_name"],
         "liability_class": r["liability_class"], "subject": r["subject"],
         "function_class": r["function_class"], "insurance_type": r["insurance_type"], **_policy_figures(r)}
        for r in sorted(q.by_product(conn, scope), key=lambda r: -r["premium_fen"])
    ]
    result["by_insurer"] = [_insurer_row(r) for r in q.by_insurer(conn, scope)]
    result["by_ip_type"] = [
        {"ip_type": t, "ip_rights": by_type[t]["ip_rights"], "enterprises": by_type[t]["enterprises"],
         "sum_insured_fen": insured_by_type.get(t, 0)}
        for t in IP_TYPE_ORDER if t in by_type
    ]
    return result


def _by_office(conn: Any, scope: q.Scope) -> list[dict[str, Any]]:
    """Figures per origin office; names from the exchange registry (unknown ids shown as such)."""
    names = q.office_names(conn)
    subsidy = {r["office_id"]: r["approved_fen"] for r in q.subsidy_by_office(conn, scope)}
    rows = []
    for r in q.by_office(conn, scope):
        code, name = names.get(r["office_id"], ("", ""))
        rows.append({"office_id": r["office_id"], "office_code": code,
                     "office_name": name or (f"未登记办公室 {r['office_id'][:8]}" if r["office_id"] else "未标注来源"),
                     **_policy_figures(r), "subsidy_approved_fen": subsidy.get(r["office_id"], 0)})
    return rows


def _insurer_row(r: Any) -> dict[str, Any]:
    premium = _unweight(r["premium_x"])
    paid = _unweight(r["claims_paid_x"])
    return {
        "insurer_code": r["insurer_code"], "insurer_name": r["insurer_name"], "short_name": r["short_name"],
        "policies": r["policies"], "lead_policies": r["lead_policies"],
        "sum_insured_fen": _unweight(r["sum_insured_x"]), "premium_fen": premium,
        "claims_paid_fen": paid, "loss_ratio_bp": ratio_bp_of(paid, premium),
    }


def _by_year(conn: Any, scope: q.Scope) -> list[dict[str, Any]]:
    ips = {r["year"]: r["ip_rights"] for r in q.ip_rights_by_year(conn, scope)}
    subsidies = {r["year"]: r for r in q.subsidy_by_year(conn, q.Scope(programme_id=scope.programme_id,
                                                                      office=scope.office))}
    rows = []
    for r in q.by_year(conn, scope):
        s = subsidies.get(r["year"])
        rows.append({"year": r["year"], **_policy_figures(r), "ip_rights": ips.get(r["year"], 0),
                     "subsidy_approved_fen": s["approved_fen"] if s else 0,
                     "subsidy_paid_fen": s["paid_fen"] if s else 0})
    return rows
