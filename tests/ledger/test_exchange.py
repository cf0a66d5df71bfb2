"""Three-office simulation: two district databases → the city bureau, then edits on both sides."""

from __future__ import annotations

import pytest

from ledger import exchange, stats
from ledger.store import exchange_sql, records
from tests.ledger.exchange_helpers import city, district, link_pairs, uuids

FIGURES = ("enterprises", "ip_rights", "ip_rights_by_type", "policies", "sum_insured_fen", "premium_fen",
           "subsidy_applications", "subsidy_approved_fen", "subsidy_paid_fen", "subsidy_recovered_fen",
           "subsidy_by_state", "claims", "claims_paid_fen", "loss_ratio_bp", "by_year", "by_district",
           "by_product", "by_insurer", "by_ip_type")


@pytest.fixture(scope="module")
def offices(tmp_path_factory):
    folder = tmp_path_factory.mktemp("offices")
    a = district(folder, "LX", "梁溪区办公室", seed=11)
    b = district(folder, "XS", "锡山区办公室", seed=22, renumber="XS")
    c = city(folder, (("LX", "梁溪区办公室"), ("XS", "锡山区办公室")))
    before = {t: uuids(a, t) | uuids(b, t) for t in exchange_sql.TABLES}
    pa = exchange.export_package(a, folder / "lx-1.ipx")
    pb = exchange.export_package(b, folder / "xs-1.ipx")
    ra = exchange.import_package(c, pa.path)
    rb = exchange.import_package(c, pb.path)
    yield {"a": a, "b": b, "c": c, "folder": folder, "before": before, "ra": ra, "rb": rb, "pa": pa}
    for s in (a, b, c):
        s.close()


def test_first_packages_lose_and_duplicate_nothing(offices):
    a, b, c = offices["a"], offices["b"], offices["c"]
    aliases = exchange_sql.aliases(c.conn)
    for table in exchange_sql.TABLES:
        sent = uuids(a, table) | uuids(b, table)
        here = uuids(c, table)
        aliased = {remote for (t, remote) in aliases if t == table}
        assert sent <= here | aliased, table  # 0 lost: every record is here or mapped onto a local one
        assert all(aliases[(table, r)] in here for r in aliased)
        if table in exchange_sql.REFERENCE - {"programme"}:
            assert aliased == sent and len(here) == len(uuids(a, table)), table  # catalogue matched by code
        else:  # 0 duplicated: one row per uuid received, none twice
            assert len(here) == len(sent) - len(aliased & sent), table
    for link, other in (("policy_insurer", "insurer"), ("policy_ip_right", "ip_right")):
        sent_pairs = {(p, aliases.get((other, o), o)) for p, o in link_pairs(a, link) | link_pairs(b, link)}
        assert link_pairs(c, link) == sent_pairs
    # the demo's programmes (same name and year) and the nine typical cases exist in both districts
    assert offices["rb"].counts["programme"] == {"aliased": 6}
    assert offices["rb"].counts["case_study"] == {"aliased": 9, "conflicts": 9}
    assert offices["ra"].conflicts == []


def test_origin_office_kept(offices):
    a, b, c = offices["a"], offices["b"], offices["c"]
    for table in ("enterprise", "policy", "subsidy_application", "claim"):
        got = {r[0]: r[1] for r in c.rows(f"SELECT uuid, origin_office FROM {table}")}
        assert {got[u] for u in uuids(a, table)} == {a.office_id}
        assert {got[u] for u in uuids(b, table)} == {b.office_id}


def test_stats_by_office_equal_each_district(offices):
    a, b, c = offices["a"], offices["b"], offices["c"]
    by_office = {r["office_code"]: r for r in stats.compute(c)["by_office"]}
    for store, code, name in ((a, "LX", "梁溪区办公室"), (b, "XS", "锡山区办公室")):
        own = stats.compute(store)
        there = stats.compute(c, office=store.office_id)
        assert {k: there[k] for k in FIGURES} == {k: own[k] for k in FIGURES}
        row = by_office[code]
        assert row["office_name"] == name
        for key in ("enterprises", "policies", "sum_insured_fen", "premium_fen", "subsidy_approved_fen"):
            assert row[key] == own[key], key
    total = stats.compute(c)
    assert total["policies"] == sum(r["policies"] for r in by_office.values())
    assert total["premium_fen"] == by_office["LX"]["premium_fen"] + by_office["XS"]["premium_fen"]


def test_natural_key_conflicts_listed_and_resolved(offices):
    c = offices["c"]
    open_ = exchange.list_conflicts(c)
    assert [(x.table, x.kind, x.office_code) for x in open_] == [("case_study", "natural_key", "XS")] * 9
    assert all("enterprise_uuid" in {d[0] for d in x.differences} for x in open_)
    first, *rest = open_
    exchange.resolve_conflict(c, first.id, "incoming")
    row = c.one("SELECT c.title, e.uuid FROM case_study c JOIN enterprise e ON e.id = c.enterprise_id "
                "WHERE c.uuid = ?", (first.uuid,))
    assert row[1] == first.incoming["record"]["enterprise_uuid"]
    for x in rest:
        exchange.resolve_conflict(c, x.id, "local")
    assert exchange.list_conflicts(c) == []
    with pytest.raises(exchange.conflicts.Refused, match="已于 .* 处理"):
        exchange.resolve_conflict(c, first.id, "local")


def _enterprise_ids(store, n: int) -> list[int]:
    return [r[0] for r in store.rows("SELECT id FROM enterprise ORDER BY id LIMIT ?", (n,))]


def _id_of(store, table: str, uuid: str) -> int:
    return store.scalar(f"SELECT id FROM {table} WHERE uuid = ?", (uuid,))


def test_second_round_updates_conflicts_and_deletions(offices):
    a, c, folder = offices["a"], offices["c"], offices["folder"]
    both_id, only_id = _enterprise_ids(a, 2)
    both = a.scalar("SELECT uuid FROM enterprise WHERE id = ?", (both_id,))
    only = a.scalar("SELECT uuid FROM enterprise WHERE id = ?", (only_id,))
    loose = a.one("SELECT id, uuid FROM ip_right WHERE id NOT IN (SELECT ip_right_id FROM policy_ip_right) "
                  "ORDER BY id LIMIT 1")
    with a.write() as conn:
        records.update(conn, "enterprise", both_id, {"contact_phone": "13800000001"})
        records.update(conn, "enterprise", only_id, {"address": "无锡市梁溪区中山路 1 号"})
        records.delete(conn, "ip_right", loose[0])
    with c.write() as conn:
        records.update(conn, "enterprise", _id_of(c, "enterprise", both), {"contact_person": "市局核实人"})
    package = exchange.export_package(a, folder / "lx-2.ipx")
    assert package.package_seq == 2 and package.counts["enterprise"] == 2 and package.deleted == 1
    result = exchange.import_package(c, package.path)
    assert result.counts["enterprise"] == {"updated": 1, "conflicts": 1}
    assert result.counts["ip_right"] == {"deleted": 1}
    assert c.scalar("SELECT address FROM enterprise WHERE uuid = ?", (only,)) == "无锡市梁溪区中山路 1 号"
    assert c.scalar("SELECT count(*) FROM ip_right WHERE uuid = ?", (loose[1],)) == 0
    [conflict] = exchange.list_conflicts(c)
    assert (conflict.table, conflict.uuid, conflict.kind) == ("enterprise", both, "both_changed")
    assert {d[0] for d in conflict.differences} == {"contact_phone", "contact_person"}
    # the city's own edit is still there until somebody decides
    assert c.scalar("SELECT contact_person FROM enterprise WHERE uuid = ?", (both,)) == "市局核实人"
    exchange.resolve_conflict(c, conflict.id, "incoming")
    row = c.one("SELECT contact_phone, contact_person FROM enterprise WHERE uuid = ?", (both,))
    assert tuple(row) == ("13800000001", a.scalar("SELECT contact_person FROM enterprise WHERE uuid = ?", (both,)))
    # the city re-exports only what changed here (the resolved record), never what it merely received
    mine = exchange.export_package(c, folder / "city-1.ipx")
    assert mine.counts.get("enterprise") == 1 and mine.counts.get("policy", 0) == 0
    assert sum(mine.counts.get(t, 0) for t in ("ip_right", "subsidy_application", "claim")) == 0


def test_unchanged_district_record_updates_again_after_resolution(offices):
    a, c, folder = offices["a"], offices["c"], offices["folder"]
    both = exchange.list_conflicts(c, open_only=False)[-1].uuid
    with a.write() as conn:
        records.update(conn, "enterprise", _id_of(a, "enterprise", both), {"notes": "第三次修改"})
    package = exchange.export_package(a, folder / "lx-3.ipx")
    result = exchange.import_package(c, package.path)
    assert result.counts == {"enterprise": {"updated": 1}} and result.conflicts == []
    assert c.scalar("SELECT notes FROM enterprise WHERE uuid = ?", (both,)) == "第三次修改"
    log = exchange.received_packages(c)
    assert [(r["office_code"], r["package_seq"]) for r in log] == [("LX", 1), ("XS", 1), ("LX", 2), ("LX", 3)]
