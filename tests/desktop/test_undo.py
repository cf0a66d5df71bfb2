"""Undo/redo of record edits (read back through the services) and delete refusals."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox

from desktop.forms import EnterpriseForm
from desktop.undo import UndoManager
from ledger.errors import NotFound
from ledger.services import enterprises, ip_rights, policies
from tests.desktop.form_helpers import (
    answer,
    capture_warnings,
    make_window,
    type_text,
    valid_patent,
    valid_uscc,
)


@pytest.fixture
def win(qtbot, filled_store, tmp_path):
    w = make_window(qtbot, filled_store, tmp_path)
    yield w
    w.ops.wait()


def _select(page, record_id: int) -> None:
    for row in range(page.model.rowCount()):
        if page.model.row_id(row) == record_id:
            page.table.selectionModel().select(
                page.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            return
    raise AssertionError(f"row {record_id} not loaded")


def test_undo_restores_previous_values_and_redo_reapplies(win, qtbot, filled_store):
    eid = filled_store.scalar("SELECT id FROM enterprise WHERE blacklisted = 0 ORDER BY id LIMIT 1")
    old = enterprises.get_enterprise(filled_store, eid)
    form = win.records.edit_record("enterprise", eid)
    assert isinstance(form, EnterpriseForm)
    form.address.clear()
    type_text(form.address, "无锡市滨湖区新地址 1 号")
    form.tags.set_checked({"单项冠军"})
    assert form.save("样例数据的代码校验位不符"), form.banner.text()
    assert enterprises.get_enterprise(filled_store, eid)["address"] == "无锡市滨湖区新地址 1 号"
    stack = win.records.undo.stack
    assert stack.undoText() == f"修改企业 {old['name']}"
    assert win.records.act_undo.text().startswith("撤销") and old["name"] in win.records.act_undo.text()
    win.records.act_undo.trigger()
    back = enterprises.get_enterprise(filled_store, eid)
    assert back["address"] == old["address"] and back["tags"] == old["tags"]
    win.records.act_redo.trigger()
    again = enterprises.get_enterprise(filled_store, eid)
    assert again["address"] == "无锡市滨湖区新地址 1 号" and "单项冠军" in again["tags"]


def test_delete_from_register_asks_and_undo_recreates(win, qtbot, filled_store, monkeypatch):
    inp = enterprises.EnterpriseInput(name="待删除有限公司", uscc=valid_uscc("MA2B3C4D"), district_code="320211")
    eid = enterprises.create_enterprise(filled_store, inp).id
    win.show_page(1)
    page = win.pages["enterprise"]
    page.filter_bar.set_values({}, search=inp.uscc)
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=5000)
    _select(page, eid)
    asked: list[str] = []
    answer(monkeypatch, QMessageBox.StandardButton.No, asked)
    win.records.act_delete.trigger()
    assert "待删除有限公司" in asked[-1] and enterprises.get_enterprise(filled_store, eid)
    answer(monkeypatch, QMessageBox.StandardButton.Yes, asked)
    assert win.records.delete_selected() == 1
    with pytest.raises(NotFound):
        enterprises.get_enterprise(filled_store, eid)
    undo = win.records.undo
    assert undo.stack.undoText() == "删除企业 待删除有限公司"
    old_uuid = undo.stack.command(0).inp and filled_store.scalar(
        "SELECT record_uuid FROM audit_log WHERE table_name = 'enterprise' AND op = 'DELETE' ORDER BY seq DESC LIMIT 1")
    undo.stack.undo()  # re-created: same values, new uuid (documented)
    new_id = undo.current_id("enterprise", eid)
    row = enterprises.get_enterprise(filled_store, new_id)
    assert row["uuid"] != old_uuid
    assert (row["name"], row["uscc"], row["district_code"]) == ("待删除有限公司", inp.uscc, "320211")
    undo.stack.redo()
    with pytest.raises(NotFound):
        enterprises.get_enterprise(filled_store, new_id)


def test_delete_of_referenced_enterprise_is_refused_and_nothing_changes(win, qtbot, filled_store, monkeypatch):
    eid = filled_store.scalar("SELECT enterprise_id FROM policy ORDER BY id LIMIT 1")
    count = filled_store.scalar("SELECT count(*) FROM enterprise")
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    shown = capture_warnings(monkeypatch)
    assert win.records.delete_records("enterprise", [eid]) == 0
    assert shown and "不能删除该企业" in shown[0] and "保单" in shown[0]
    assert filled_store.scalar("SELECT count(*) FROM enterprise") == count
    assert enterprises.get_enterprise(filled_store, eid)["id"] == eid
    assert win.records.undo.stack.count() == 0


def test_undo_chain_follows_recreated_ids(filled_store):
    """create enterprise → create IP right → create policy; undo all; redo all: references follow."""
    undo = UndoManager(filled_store)
    ent = enterprises.EnterpriseInput(name="链条测试有限公司", uscc=valid_uscc("MA3C4D5E"), district_code="320213")
    eid = enterprises.create_enterprise(filled_store, ent).id
    undo.record_create("enterprise", eid, ent)
    ip = ip_rights.IpRightInput(enterprise_id=eid, ip_type="发明专利", number=valid_patent("202110999888"))
    ip_id = ip_rights.create_ip_right(filled_store, ip).id
    undo.record_create("ip_right", ip_id, ip)
    insurer = filled_store.scalar("SELECT id FROM insurer ORDER BY id LIMIT 1")
    product = filled_store.scalar("SELECT id FROM product ORDER BY id LIMIT 1")
    pol = policies.PolicyInput("PCHAIN001", eid, product, 1_000_000, 10_000, 10_000, "2024-01-01", "2024-12-31",
                               insurers=(policies.InsurerShare(insurer, 10000, True),), ip_right_ids=(ip_id,))
    pid = policies.create_policy(filled_store, pol).id
    undo.record_create("policy", pid, pol)
    edited = replace(pol, premium_fen=20_000, premium_paid_fen=20_000)
    policies.update_policy(filled_store, pid, edited)
    undo.record_update("policy", pid, pol, edited)
    for _ in range(4):
        undo.stack.undo()
    assert filled_store.scalar("SELECT count(*) FROM enterprise WHERE name = '链条测试有限公司'") == 0
    for _ in range(4):
        undo.stack.redo()
    new_pid = undo.current_id("policy", pid)
    got = policies.get_policy(filled_store, new_pid)
    assert got["premium_fen"] == 20_000
    assert got["enterprise_id"] == undo.current_id("enterprise", eid)
    assert enterprises.get_enterprise(filled_store, got["enterprise_id"])["name"] == "链条测试有限公司"
    assert got["ip_right_ids"] == [undo.current_id("ip_right", ip_id)]


def test_failed_undo_is_reported_and_dropped(filled_store):
    undo = UndoManager(filled_store)
    messages: list[str] = []
    undo.failed.connect(messages.append)
    ent = enterprises.EnterpriseInput(name="被引用有限公司", uscc=valid_uscc("MA4D5E6F"), district_code="320211")
    eid = enterprises.create_enterprise(filled_store, ent).id
    undo.record_create("enterprise", eid, ent)
    ip_rights.create_ip_right(filled_store, ip_rights.IpRightInput(eid, "发明专利", valid_patent("202210777666")))
    undo.stack.undo()  # the enterprise now has an IP right: deleting it is refused
    assert messages and "无法撤销" in messages[0] and "知识产权" in messages[0]
    assert enterprises.get_enterprise(filled_store, eid)["name"] == "被引用有限公司"
    assert undo.stack.count() == 0
