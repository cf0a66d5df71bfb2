"""Figures recomputed in plain Python from raw table rows — independent of ledger/stats SQL."""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal


def _bp(part: int, whole: int) -> int | None:
    if whole == 0:
        return None
    return int((Decimal(part) * 10000 / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def expected(store, year: int | None = None) -> dict:
    rows = lambda sql: [dict(r) for r in store.conn.execute(sql)]  # noqa: E731
    policies = [p for p in rows("SELECT * FROM policy") if year is None or p["start_date"][:4] == str(year)]
    pids = {p["id"] for p in policies}
    links = [x for x in rows("SELECT * FROM policy_ip_right") if x["policy_id"] in pids]
    ip_types = {r["id"]: r["ip_type"] for r in rows("SELECT id, ip_type FROM ip_right")}
    claims = [c for c in rows("SELECT * FROM claim") if c["policy_id"] in pids]
    claim_ids = {c["id"] for c in claims}
    paid = sum(i["paid_fen"] for i in rows("SELECT * FROM claim_cost_item") if i["claim_id"] in claim_ids)
    premium = sum(p["premium_fen"] for p in policies)
    years = {g["id"]: g["year"] for g in rows("SELECT id, year FROM programme")}
    subs = [s for s in rows("SELECT * FROM subsidy_application") if year is None or years[s["programme_id"]] == year]
    by_type: dict[str, set] = defaultdict(set)
    for link in links:
        by_type[ip_types[link["ip_right_id"]]].add(link["ip_right_id"])
    shares = rows("SELECT * FROM policy_insurer")
    premium_by_insurer: dict[int, Decimal] = defaultdict(Decimal)
    prem = {p["id"]: p["premium_fen"] for p in policies}
    for s in shares:
        if s["policy_id"] in pids:
            premium_by_insurer[s["insurer_id"]] += Decimal(prem[s["policy_id"]] * s["share_bp"]) / 10000
    return {
        "enterprises": len({p["enterprise_id"] for p in policies}),
        "policies": len(policies),
        "ip_rights": len({x["ip_right_id"] for x in links}),
        "ip_rights_by_type": {t: len(ids) for t, ids in by_type.items()},
        "sum_insured_fen": sum(p["sum_insured_fen"] for p in policies),
        "premium_fen": premium,
        "claims": len(claims),
        "claims_paid_fen": paid,
        "loss_ratio_bp": _bp(paid, premium),
        "subsidy_approved_fen": sum(s["approved_fen"] for s in subs if s["state"] in ("批准", "拨付", "追回")),
        "subsidy_paid_fen": sum(s["paid_fen"] for s in subs),
        "insurer_premium_fen": {k: int(v.quantize(Decimal(1), rounding=ROUND_HALF_UP))
                                for k, v in premium_by_insurer.items()},
    }


def assert_matches(store, figures: dict, year: int | None = None) -> None:
    want = expected(store, year)
    for key in ("enterprises", "policies", "ip_rights", "sum_insured_fen", "premium_fen", "claims",
                "claims_paid_fen", "loss_ratio_bp", "subsidy_approved_fen", "subsidy_paid_fen"):
        assert figures[key] == want[key], (key, year, figures[key], want[key])
    assert figures["ip_rights_by_type"] == want["ip_rights_by_type"]
    codes = {r["code"]: r["id"] for r in store.conn.execute("SELECT id, code FROM insurer")}
    got = {codes[r["insurer_code"]]: r["premium_fen"] for r in figures["by_insurer"]}
    assert got == want["insurer_premium_fen"]
    assert sum(r["policies"] for r in figures["by_product"]) == want["policies"]
    assert sum(r["sum_insured_fen"] for r in figures["by_district"]) == want["sum_insured_fen"]
