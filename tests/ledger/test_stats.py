"""Statistics service against figures computed by hand and by independent Python aggregation."""

from __future__ import annotations

import json
import subprocess
import sys

from ledger import stats
from ledger.services.claims import ClaimInput, CostItem, create_claim
from ledger.store import records

from factories import enterprise, patent, policy
from independent_stats import assert_matches


def _ledger(store):
    a, b = enterprise(store, 0), enterprise(store, 1, district_code="320281")
    ip1, ip2 = patent(store, a), patent(store, a, "201310699744.2")
    ip3 = patent(store, b, "201080063196.9")
    p1 = policy(store, a, "P-2022-1", ip_ids=[ip1, ip2], sum_insured=500_000_00, premium=10_000_00,
                start="2022-03-01", end="2023-03-01")
    p2 = policy(store, b, "P-2023-1", ip_ids=[ip3], sum_insured=300_000_00, premium=6_000_00,
                start="2023-01-01", end="2024-01-01", shares=((0, 6000), (1, 4000)))
    policy(store, a, "P-2023-2", ip_ids=[ip1], sum_insured=200_000_00, premium=3_333_33,
           start="2023-06-01", end="2024-06-01", shares=((1, 3333), (2, 3333), (3, 3334)))
    create_claim(store, ClaimInput("C-1", p2, "2023-05-05", cost_items=(
        CostItem("调查费", 20_000_00, 15_000_00, 15_000_00), CostItem("律师代理费", 30_000_00, 30_000_00, 25_000_00))))
    with store.write() as conn:
        g22, _ = records.insert(conn, "programme", {"name": "试点", "year": 2022, "budget_fen": 1_000_000_00})
        g23, _ = records.insert(conn, "programme", {"name": "试点", "year": 2023, "budget_fen": 2_000_000_00})
        for no, (prog, pol, state, approved, paid) in enumerate(
                [(g22, p1, "拨付", 5_000_00, 5_000_00), (g23, p2, "批准", 3_000_00, 0), (g23, p2, "申报", 0, 0)]):
            records.insert(conn, "subsidy_application", {
                "application_no": f"S-{no}", "programme_id": prog, "policy_id": pol, "premium_paid_fen": 6_000_00,
                "approved_fen": approved, "paid_fen": paid, "state": state, "submitted_at": "2023-02-01"})
    return p1, p2


def test_hand_computed_figures(ledger_store):
    _ledger(ledger_store)
    all_years = stats.compute(ledger_store)
    assert all_years["enterprises"] == 2 and all_years["policies"] == 3 and all_years["ip_rights"] == 3
    assert all_years["sum_insured_fen"] == 1_000_000_00
    assert all_years["premium_fen"] == 10_000_00 + 6_000_00 + 3_333_33
    assert all_years["claims_paid_fen"] == 40_000_00
    # 40,000 / 19,333.33 = 2.06897… → 20690 bp half-up
    assert all_years["loss_ratio_bp"] == 20690 and all_years["loss_ratio"] == "2.0690"
    y23 = stats.compute(ledger_store, year=2023)
    assert (y23["policies"], y23["enterprises"], y23["premium_fen"]) == (2, 2, 9_333_33)
    assert y23["subsidy_approved_fen"] == 3_000_00 and y23["subsidy_paid_fen"] == 0
    assert y23["budget"] == {"allocated_fen": 2_000_000_00, "committed_fen": 3_000_00, "paid_fen": 0,
                             "recovered_fen": 0, "remaining_fen": 1_997_000_00, "used_bp": 15}
    # co-insurance: 3,333.33 split 33.33/33.33/33.34 % → 1,111.00 (1,110.999…) / 1,111.00 / 1,111.33
    shares = {r["short_name"]: r["premium_fen"] for r in y23["by_insurer"]}
    assert sum(shares.values()) in (9_333_33, 9_333_34)
    assert [r["year"] for r in all_years["by_year"]] == [2022, 2023]


def test_matches_independent_aggregation(ledger_store):
    _ledger(ledger_store)
    for year in (None, 2022, 2023, 2024):
        assert_matches(ledger_store, stats.compute(ledger_store, year=year), year)


def test_cli_json_equals_service(ledger_store, db_path):
    _ledger(ledger_store)
    out = subprocess.run([sys.executable, "-m", "desktop.cli", "--db", str(db_path), "stats", "--year", "2023",
                          "--json"], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == json.loads(json.dumps(stats.compute(ledger_store, year=2023)))


def test_empty_year_has_zero_figures_and_no_ratio(ledger_store):
    figures = stats.compute(ledger_store, year=2019)
    assert figures["policies"] == 0 and figures["loss_ratio_bp"] is None and figures["by_year"] == []


def test_compute_years_equals_compute_per_year_and_trend(ledger_store):
    _ledger(ledger_store)
    got = stats.compute_years(ledger_store, years=(2024, 2022, 2023, 2023))
    assert sorted(got["years"]) == [2022, 2023, 2024]
    for year, figures in got["years"].items():
        assert figures == stats.compute(ledger_store, year=year)
        assert_matches(ledger_store, figures, year)
    assert got["by_year"] == stats.compute(ledger_store)["by_year"]


def test_cached_figures_equal_compute_and_go_stale_on_any_write(ledger_store):
    _ledger(ledger_store)
    fresh = json.loads(json.dumps(stats.compute(ledger_store, year=2023)))
    assert stats.compute_cached(ledger_store, year=2023) == fresh
    assert ledger_store.scalar("SELECT count(*) FROM stats_cache") == 1
    assert stats.compute_cached(ledger_store, year=2023) == fresh  # served from the cache
    eid = enterprise(ledger_store, 2)
    policy(ledger_store, eid, "P-2023-9", premium=1_000_00, start="2023-08-01", end="2024-08-01")
    after = stats.compute_cached(ledger_store, year=2023)
    assert after["policies"] == fresh["policies"] + 1
    assert after == json.loads(json.dumps(stats.compute(ledger_store, year=2023)))
