"""Demo data: counts, determinism, valid identifiers, amount invariants, workflow coverage."""

from __future__ import annotations

from collections import defaultdict

import pytest

from ledger.demo import generate
from ledger.errors import Refused
from ledger.store import open_store
from ledger.validation import validate_ip_number, validate_uscc
from ledger.validation.regions import districts_of, region_info

STATES = ("申报", "初审", "复核", "公示", "批准", "拨付", "退回补正", "不予支持", "追回")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    seen: list[float] = []
    summary = generate(store, scale="local", seed=2022, progress=seen.append)
    yield store, summary, seen
    store.close()


def _snapshot(store):
    return {
        "enterprise": [tuple(r) for r in store.rows(
            "SELECT id, uuid, name, uscc, district_code, tags, bank_account FROM enterprise ORDER BY id")],
        "policy": [tuple(r) for r in store.rows(
            "SELECT policy_no, sum_insured_fen, premium_fen, premium_paid_fen, start_date, status FROM policy ORDER BY id")],
        "subsidy": [tuple(r) for r in store.rows(
            "SELECT application_no, state, computed_fen, approved_fen, paid_fen FROM subsidy_application ORDER BY id")],
        "claim": [tuple(r) for r in store.rows("SELECT claim_no, state, case_number FROM claim ORDER BY id")],
    }


def test_counts_in_range(demo):
    store, summary, seen = demo
    counts = summary.counts
    assert 300 <= counts["enterprise"] <= 320
    assert 600 <= counts["ip_right"] <= 800
    assert 780 <= counts["policy"] <= 840
    assert 0.5 <= counts["subsidy_application"] / counts["policy"] <= 0.7
    assert 0.07 <= counts["claim"] / counts["policy"] <= 0.13
    assert counts["programme"] == 6 and counts["case_study"] == 9 and counts["app_user"] == 7
    for table in ("enterprise", "ip_right", "policy", "subsidy_application", "claim", "case_study"):
        assert store.scalar(f"SELECT count(*) FROM {table}") == counts[table]
    assert store.scalar("SELECT count(DISTINCT ip_type) FROM ip_right") == 10
    assert seen[-1] == 1.0 and seen == sorted(seen)
    assert summary.elapsed_seconds > 0


def test_database_is_sound(demo):
    store = demo[0]
    assert store.rows("PRAGMA foreign_key_check") == []
    assert store.scalar("PRAGMA integrity_check") == "ok"
    # Wuxi districts (current codes only) for the local scale, apart from the case enterprises
    wuxi = {r.code for r in districts_of("3202")}
    local = store.rows("SELECT DISTINCT district_code FROM enterprise WHERE notes = ''")
    assert {r[0] for r in local} <= wuxi
    for (code,) in store.rows("SELECT DISTINCT district_code FROM enterprise"):
        assert region_info(code) is not None and not region_info(code).abolished


def test_identifiers_are_valid(demo):
    store = demo[0]
    for (uscc, district) in store.rows("SELECT uscc, district_code FROM enterprise"):
        assert validate_uscc(uscc) == [], uscc  # no errors and no checksum warnings
        assert uscc[2:8] == district
    for (ip_type, number) in store.rows("SELECT ip_type, number FROM ip_right"):
        issues = validate_ip_number(ip_type, number)
        assert issues == [], (ip_type, number, issues)
    rows = store.rows("SELECT ip_type, filing_date, expiry_date FROM ip_right "
                      "WHERE ip_type IN ('发明专利', '实用新型', '外观设计') AND expiry_date IS NOT NULL")
    for ip_type, filing, expiry in rows:
        years = {"发明专利": 20, "实用新型": 10}.get(ip_type, 15 if filing >= "2021-06-01" else 10)
        assert int(expiry[:4]) - int(filing[:4]) == years or expiry[5:] == "12-31" and filing[5:] == "01-01"


def test_deterministic(demo, tmp_path):
    store = open_store(tmp_path / "again.sqlite")
    try:
        generate(store, scale="local", seed=2022)
        assert _snapshot(store) == _snapshot(demo[0])
    finally:
        store.close()


def test_coinsurance_and_policy_amounts(demo):
    store = demo[0]
    for pid, total, leads, _n in store.rows(
            "SELECT policy_id, sum(share_bp), sum(is_lead), count(*) FROM policy_insurer GROUP BY policy_id"):
        assert total == 10000 and leads == 1, pid
    pools = store.scalar("SELECT count(*) FROM (SELECT policy_id FROM policy_insurer GROUP BY policy_id "
                         "HAVING count(*) > 1)")
    assert 0.02 <= pools / demo[1].counts["policy"] <= 0.1
    # insurers of a policy issue its product
    assert store.scalar("SELECT count(*) FROM policy_insurer pi JOIN policy p ON p.id = pi.policy_id "
                        "LEFT JOIN product_insurer x ON x.product_id = p.product_id AND x.insurer_id = pi.insurer_id "
                        "WHERE x.product_id IS NULL") == 0
    # covered rights belong to the policy's enterprise; every policy covers 1..5
    assert store.scalar("SELECT count(*) FROM policy_ip_right l JOIN policy p ON p.id = l.policy_id "
                        "JOIN ip_right r ON r.id = l.ip_right_id WHERE r.enterprise_id != p.enterprise_id") == 0
    low, high = store.one("SELECT min(c), max(c) FROM (SELECT count(*) c FROM policy_ip_right GROUP BY policy_id)")
    assert low >= 1 and high <= 5
    assert store.scalar("SELECT count(*) FROM policy WHERE id NOT IN (SELECT policy_id FROM policy_ip_right)") == 0
    assert store.scalar("SELECT count(*) FROM policy WHERE premium_paid_fen > premium_fen") == 0
    bad_status = store.scalar("SELECT count(*) FROM policy WHERE status IN ('生效', '到期') AND "
                              "((end_date < '2025-12-31') != (status = '到期'))")
    assert bad_status == 0


def test_subsidy_invariants_and_states(demo):
    store = demo[0]
    rows = store.rows("SELECT s.*, p.premium_paid_fen AS policy_paid FROM subsidy_application s "
                      "JOIN policy p ON p.id = s.policy_id")
    assert {r["state"] for r in rows} == set(STATES)
    for r in rows:
        assert r["recovered_fen"] <= r["paid_fen"] <= r["approved_fen"] <= r["premium_paid_fen"]
        assert r["premium_paid_fen"] == r["policy_paid"]
        expected = min((r["premium_paid_fen"] + 1) // 2, 30_000_000)  # 50 % half-up, cap 300,000 yuan
        assert r["computed_fen"] == expected
        if r["state"] == "不予支持":
            assert r["approved_fen"] == 0
        if r["state"] in ("拨付", "追回"):
            assert r["paid_fen"] == r["approved_fen"] == r["computed_fen"]
            assert r["voucher_no"] and r["payment_batch"][:4] == r["paid_at"][:4]
        people = [p for p in (r["recorded_by"], r["first_reviewed_by"], r["approved_by"]) if p]
        assert len(people) == len(set(people)), r["application_no"]
        if r["state"] in ("批准", "拨付", "追回"):
            assert r["approved_by"] and r["first_reviewed_by"] and r["publicity_end"] > r["publicity_start"]
    events: dict[int, list] = defaultdict(list)
    for e in store.rows("SELECT * FROM subsidy_event ORDER BY id"):
        events[e["application_id"]].append(e)
    for r in rows:
        chain = events[r["id"]]
        assert chain[0]["from_state"] == "" and chain[-1]["to_state"] == r["state"]
        assert all(a["to_state"] == b["from_state"] and a["at"] <= b["at"] for a, b in zip(chain, chain[1:], strict=False))


def test_claim_invariants(demo):
    store = demo[0]
    assert store.scalar("SELECT count(*) FROM claim_cost_item WHERE NOT (claimed_fen >= approved_fen "
                        "AND approved_fen >= paid_fen)") == 0
    over = store.scalar("SELECT count(*) FROM policy p JOIN (SELECT c.policy_id, sum(i.paid_fen) paid FROM claim c "
                        "JOIN claim_cost_item i ON i.claim_id = c.id GROUP BY c.policy_id) x ON x.policy_id = p.id "
                        "WHERE x.paid > p.sum_insured_fen")
    assert over == 0
    mismatch = store.scalar(
        "SELECT count(*) FROM claim c WHERE coalesce((SELECT sum(paid_fen) FROM claim_cost_item WHERE claim_id = c.id), 0)"
        " != coalesce((SELECT sum(amount_fen) FROM claim_payment WHERE claim_id = c.id), 0)")
    assert mismatch == 0
    assert store.scalar("SELECT count(*) FROM claim_payment WHERE kind = '先行赔付'") > 0
    assert store.scalar("SELECT count(*) FROM claim WHERE state = '结案' AND outcome IS NULL") == 0
    assert store.scalar("SELECT count(*) FROM claim WHERE overseas = 1 AND court LIKE '美国%'") > 0


def test_typical_cases(demo):
    store = demo[0]
    cases = {r["number"]: r for r in store.rows("SELECT * FROM case_study")}
    assert sorted(cases) == list(range(1, 10))
    assert all(r["enterprise_id"] and r["policy_id"] and r["product_id"] for r in cases.values())
    c4 = cases[4]
    pol = store.one("SELECT * FROM policy WHERE id = ?", (c4["policy_id"],))
    assert pol["sum_insured_fen"] == 30_000_000
    assert store.scalar("SELECT name FROM enterprise WHERE id = ?", (c4["enterprise_id"],)) == "阳山水蜜桃桃农协会"
    sub = store.one("SELECT * FROM subsidy_application WHERE policy_id = ?", (pol["id"],))
    assert sub["state"] == "拨付" and sub["paid_fen"] * 2 == pol["premium_paid_fen"]
    claim = store.one("SELECT * FROM claim WHERE id = ?", (c4["claim_id"],))
    assert claim["judgement_fen"] == 12_000_000 and claim["court"] == "无锡市中级人民法院"
    assert store.scalar("SELECT sum(paid_fen) FROM claim_cost_item WHERE claim_id = ?", (claim["id"],)) == 6_400_000
    c3 = store.one("SELECT * FROM claim_payment WHERE claim_id = ?", (cases[3]["claim_id"],))
    assert c3["kind"] == "先行赔付" and 9_000_000 <= c3["amount_fen"] <= 10_000_000
    c9 = store.one("SELECT * FROM claim WHERE id = ?", (cases[9]["claim_id"],))
    assert c9["overseas"] == 1 and c9["outcome"] == "和解" and c9["settlement_fen"] > 0
    varieties = {r[0] for r in store.rows("SELECT r.title FROM policy_ip_right l JOIN ip_right r "
                                          "ON r.id = l.ip_right_id WHERE l.policy_id = ?", (cases[5]["policy_id"],))}
    assert varieties == {"川种3A", "荃优607", "中种R1607"}
    # every case enterprise says its identifiers are invented (real names, generated USCCs)
    notes = [store.scalar("SELECT notes FROM enterprise WHERE id = ?", (r["enterprise_id"],)) for r in cases.values()]
    assert all("均为虚构" in n for n in notes)


def test_refuses_non_empty_database(demo):
    store = demo[0]
    n = store.scalar("SELECT count(*) FROM enterprise")
    with pytest.raises(Refused, match=f"已有 {n} 家企业"):
        generate(store, scale="local")


def test_cancel_rolls_back(tmp_path):
    store = open_store(tmp_path / "cancel.sqlite")
    try:
        calls = []

        def cancel() -> bool:
            calls.append(1)
            return len(calls) > 3

        with pytest.raises(Refused, match="已取消"):
            generate(store, scale="local", cancel=cancel)
        assert store.scalar("SELECT count(*) FROM enterprise") == 0
        assert store.scalar("SELECT count(*) FROM policy") == 0
    finally:
        store.close()
