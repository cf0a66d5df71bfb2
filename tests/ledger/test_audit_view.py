"""Audit viewer service and settings service: filters equal a Python filter over all rows."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from ledger.errors import InvalidInput
from ledger.services import audit_view, settings
from ledger.services.enterprises import EnterpriseInput, get_enterprise, update_enterprise
from tests.ledger import factories


@pytest.fixture
def audited(ledger_store):
    store = ledger_store
    store.actor = "张经办"
    e0 = factories.enterprise(store, 0)
    e1 = factories.enterprise(store, 1)
    store.actor = "李审核"
    old = get_enterprise(store, e0)
    update_enterprise(store, e0, EnterpriseInput(
        name="无锡新名称科技有限公司", uscc=old["uscc"], district_code=old["district_code"],
        industry="半导体", contact_phone="13912345678", bank_account="6222021234567891234"))
    settings.set_setting(store, "bureau_name", "无锡市知识产权局")
    return store, e0, e1


def _all(store) -> list[audit_view.AuditEntry]:
    return audit_view.page(store, audit_view.AuditFilter(), 0, 1_000_000)


def test_filters_equal_python_filter(audited):
    store, _e0, _e1 = audited
    everything = _all(store)
    assert len(everything) == audit_view.count(store, audit_view.AuditFilter())
    assert [e.seq for e in everything] == sorted((e.seq for e in everything), reverse=True)
    today = date.today().isoformat()
    cases = [
        (audit_view.AuditFilter(actor="李审核"), lambda e: e.actor == "李审核"),
        (audit_view.AuditFilter(table="enterprise"), lambda e: e.table == "enterprise"),
        (audit_view.AuditFilter(op="UPDATE"), lambda e: e.op == "UPDATE"),
        (audit_view.AuditFilter(actor="张经办", table="enterprise", date_from=today, date_to=today),
         lambda e: e.actor == "张经办" and e.table == "enterprise" and e.at[:10] == today),
        (audit_view.AuditFilter(date_to=(date.today() - timedelta(days=1)).isoformat()), lambda e: False),
    ]
    for flt, keep in cases:
        expected = [e.seq for e in everything if keep(e)]
        got = [e.seq for e in audit_view.page(store, flt, 0, 10_000)]
        assert got == expected, flt
        assert audit_view.count(store, flt) == len(expected)
    assert any(e.actor == "李审核" for e in everything) and any(e.actor == "张经办" for e in everything)


def test_record_filter_paging_and_summary(audited):
    store, e0, _e1 = audited
    table, uuids = audit_view.record_uuids(store, "enterprise", [e0])
    assert table == "enterprise" and len(uuids) == 1
    rows = audit_view.page(store, audit_view.AuditFilter(record_uuids=tuple(uuids)), 0, 100)
    assert [e.op for e in rows] == ["UPDATE", "INSERT"]
    prefix = audit_view.page(store, audit_view.AuditFilter(record=uuids[0][:8]), 0, 100)
    assert {e.record_uuid for e in prefix} >= {uuids[0]}
    update = rows[0]
    assert update.op_label == "修改" and update.table_label == "企业"
    summary = update.summary()
    assert "名称：无锡燊堃科技有限公司0 → 无锡新名称科技有限公司" in summary
    assert "revision" not in summary and "版本" not in summary
    changed = {label: (a, b) for label, a, b, diff in update.changes() if diff}
    assert changed["名称"] == ("无锡燊堃科技有限公司0", "无锡新名称科技有限公司")
    # paging: two pages of one row each equal the first two rows
    first = audit_view.page(store, audit_view.AuditFilter(), 0, 1) + audit_view.page(store, audit_view.AuditFilter(), 1, 1)
    assert [e.seq for e in first] == [e.seq for e in _all(store)[:2]]
    assert audit_view.entry(store, update.seq) == update


def test_setting_change_is_audited_and_read_back(audited):
    store, *_ = audited
    assert settings.get_setting(store, "bureau_name") == "无锡市知识产权局"
    changed = settings.set_settings(store, {"bureau_name": "无锡市知识产权局", "amount_unit": "元",
                                            "office_code": "WX-01", "date_format": "YYYY年M月D日"})
    assert changed == ["amount_unit", "office_code", "date_format"]
    assert settings.all_settings(store)["amount_unit"] == "元"
    rows = audit_view.page(store, audit_view.AuditFilter(table="app_setting"), 0, 100)
    keys = [(e.new or e.old)["key"] for e in rows]
    assert {"bureau_name", "amount_unit", "office_code", "date_format"} <= set(keys)
    assert rows[0].table_label == "系统设置"
    with pytest.raises(InvalidInput) as err:
        settings.set_settings(store, {"amount_unit": "美元", "office_code": "无锡 01"})
    assert {i.field for i in err.value.issues} == {"amount_unit", "office_code"}
    assert settings.get_setting(store, "amount_unit") == "元"  # nothing written
    with pytest.raises(InvalidInput):
        settings.set_settings(store, {"default_programme_id": "99999"})


def test_bad_dates_refused_and_chain_check(audited):
    store, *_ = audited
    with pytest.raises(InvalidInput):
        audit_view.count(store, audit_view.AuditFilter(date_from="2024-13-01"))
    with pytest.raises(InvalidInput):
        audit_view.count(store, audit_view.AuditFilter(date_from="2024-02-01", date_to="2024-01-01"))
    ok, lines = audit_view.check_chain(store)
    assert ok and any("哈希链" in line for line in lines)


def test_export_audit_workbook(audited, tmp_path):
    from openpyxl import load_workbook

    from reports.audit_workbook import build_audit_workbook

    store, *_ = audited
    flt = audit_view.AuditFilter(table="enterprise")
    expected = audit_view.page(store, flt, 0, 1000)
    path, n = build_audit_workbook(audit_view.export_sheet(store, flt), tmp_path / "审计.xlsx",
                                   total_rows=len(expected))
    assert n == len(expected)
    ws = load_workbook(path, read_only=True)["审计日志"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:6] == ("序号", "时间", "用户", "数据表", "记录 UUID", "操作")
    assert [r[0] for r in rows[1:]] == [e.seq for e in expected]
    assert {r[3] for r in rows[1:]} == {"企业"}
    update = next(r for r in rows[1:] if r[5] == "修改")
    assert json.loads(update[8])["name"] == "无锡新名称科技有限公司"
    audit_view.record_export(store, str(path), flt, n)
    last = audit_view.page(store, audit_view.AuditFilter(op="EXPORT"), 0, 1)[0]
    assert last.new["kind"] == "audit_log" and last.new["rows"] == n
