"""Record forms offscreen: the full journey, live validation, overrides, prompts, bad input."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from desktop.forms import ClaimForm, EnterpriseForm, IpRightForm, PolicyForm
from desktop.forms.base import ERROR_COLOUR, WARNING_COLOUR
from desktop.undo import UndoManager
from ledger import stats
from ledger.services import claims, enterprises, ip_rights, lookups, policies
from ledger.validation import validate_uscc
from tests.desktop.form_helpers import (
    answer,
    bad_check_uscc,
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


def _fill_enterprise(form: EnterpriseForm, name: str, uscc: str) -> None:
    type_text(form.name, name)
    form.uscc.setText(uscc)
    form.district.setCurrentIndex(form.district.findData("320211"))
    form.tags.set_checked({"专精特新"})


def test_full_journey_enterprise_ip_policy_claim_changes_dashboard(win, qtbot, filled_store):
    store = filled_store
    before = stats.compute(store)
    win.show_page(1)
    win.act_new_record.trigger()  # Ctrl+N on the enterprise register opens the enterprise form
    form = win.records.forms[-1]
    assert isinstance(form, EnterpriseForm) and form.isVisible()
    _fill_enterprise(form, "无锡测试精密机械有限公司", valid_uscc())
    assert form.save()
    eid = form.saved_id
    row = enterprises.get_enterprise(store, eid)
    assert row["name"] == "无锡测试精密机械有限公司" and row["district_code"] == "320211"
    assert "专精特新" in row["tags"]

    ip_form = win.records.open_form("ip_right", enterprise_id=eid)
    assert isinstance(ip_form, IpRightForm) and ip_form.enterprise.record_id() == eid
    ip_form.number.setText(valid_patent())
    type_text(ip_form.title, "一种数控机床主轴")
    ip_form.filing_date.set_iso("2020-03-02")
    assert ip_form.save(), ip_form.banner.text()
    ip_id = ip_form.saved_id

    pol = win.records.open_form("policy", enterprise_id=eid)
    assert isinstance(pol, PolicyForm)
    pol.policy_no.setText("PJOURNEY2024001")
    product_id = lookups.products(store)[0]["id"]
    pol.product.setCurrentIndex(pol.product.findData(product_id, Qt.ItemDataRole.UserRole))
    type_text(pol.sum_insured, "500万")
    pol.premium.setText("25,000")
    type_text(pol.premium_paid, "2.5万")
    pol.start_date.set_iso("2024-01-01")
    pol.end_date.set_iso("2024-12-31")
    insurer_ids = [i["id"] for i in lookups.insurers(store)[:2]]
    pol.add_insurer(insurer_ids[0], 60, lead=True, branch="无锡分公司")
    pol.add_insurer(insurer_ids[1], 40)
    assert pol.share_total.text() == "份额合计：100.00%"
    assert [pol.ip_rights.item(i).data(Qt.ItemDataRole.UserRole) for i in range(pol.ip_rights.count())] == [ip_id]
    pol.ip_rights.set_checked({ip_id})
    assert pol.save(), pol.banner.text()
    policy = policies.get_policy(store, pol.saved_id)
    assert policy["sum_insured_fen"] == 500_000_000 and policy["premium_paid_fen"] == 2_500_000
    assert sorted((r["insurer_id"], r["share_bp"], r["is_lead"]) for r in policy["insurers"]) == sorted(
        [(insurer_ids[0], 6000, 1), (insurer_ids[1], 4000, 0)])
    assert policy["ip_right_ids"] == [ip_id]

    claim = win.records.open_form("claim", policy_id=pol.saved_id)
    assert isinstance(claim, ClaimForm)
    claim.claim_no.setText("CJOURNEY001")
    claim.reported_date.set_iso("2024-06-01")
    type_text(claim.counterparty, "某某贸易商行")
    claim.add_cost("律师代理费", "3万", "2万", "2万")
    claim.add_cost("公证费", "5,000", "5,000", "5000")
    claim.add_payment("赔付", "2.5万", "2024-08-01")
    assert claim.save(), claim.banner.text()
    saved = claims.get_claim(store, claim.saved_id)
    assert [(c["category"], c["paid_fen"]) for c in saved["cost_items"]] == [("律师代理费", 2_000_000), ("公证费", 500_000)]

    after = stats.compute(store)
    assert after["enterprises"] >= before["enterprises"] + 1
    assert after["sum_insured_fen"] == before["sum_insured_fen"] + 500_000_000
    assert after["claims_paid_fen"] == before["claims_paid_fen"] + 2_500_000
    win.show_page(0)
    dash = win.pages["dashboard"]
    qtbot.waitUntil(lambda: dash.stats is not None and dash.stats["sum_insured_fen"] == after["sum_insured_fen"],
                    timeout=10000)
    assert dash.tiles["enterprises"].figure() == f"{after['enterprises']:,}"
    assert dash.stats["claims_paid_fen"] == after["claims_paid_fen"]


def test_bad_uscc_shows_chinese_message_next_to_field(qtbot, filled_store):
    form = EnterpriseForm(filled_store, undo=UndoManager(filled_store))
    qtbot.addWidget(form)
    form.uscc.setText("12345")
    qtbot.waitUntil(lambda: form.message_for("uscc") != "", timeout=2000)  # debounced validation
    expected = validate_uscc("12345")[0].message
    assert form.message_for("uscc") == expected and "统一社会信用代码" in expected
    assert ERROR_COLOUR in form.messages["uscc"].styleSheet()
    assert form.message_for("name") == ""  # untouched fields stay quiet until Save
    assert not form.save()
    assert "无法保存" in form.banner.text() and "企业名称不能为空" in form.banner.text()
    assert form.message_for("name") == "企业名称不能为空"
    assert filled_store.scalar("SELECT count(*) FROM enterprise WHERE uscc = '12345'") == 0


def test_uscc_checksum_warning_is_overridden_with_a_reason(qtbot, filled_store, monkeypatch):
    undo = UndoManager(filled_store)
    form = EnterpriseForm(filled_store, undo=undo)
    qtbot.addWidget(form)
    _fill_enterprise(form, "校验位有误有限公司", bad_check_uscc())
    form.validate_now()
    assert "校验位" in form.message_for("uscc") and WARNING_COLOUR in form.messages["uscc"].styleSheet()
    assert not form.save()  # a warning needs a reason
    assert "忽略警告" in form.banner.text() and not form.override_button.isHidden()
    monkeypatch.setattr(form, "ask_reason", lambda: "")
    assert not form.override_and_save()
    monkeypatch.setattr(form, "ask_reason", lambda: "营业执照原件即为此代码")
    assert form.override_and_save()
    row = enterprises.get_enterprise(filled_store, form.saved_id)
    assert row["uscc"] == bad_check_uscc() and row["uscc_override_reason"] == "营业执照原件即为此代码"
    assert undo.stack.count() == 1 and undo.stack.text(0) == "新建企业 校验位有误有限公司"


def test_co_insurer_shares_60_30_show_total_and_are_refused(qtbot, filled_store):
    eid = filled_store.scalar("SELECT id FROM enterprise ORDER BY id LIMIT 1")
    form = PolicyForm(filled_store, enterprise_id=eid)
    qtbot.addWidget(form)
    form.policy_no.setText("PSHARES001")
    form.product.setCurrentIndex(form.product.findData(lookups.products(filled_store)[0]["id"], Qt.ItemDataRole.UserRole))
    form.sum_insured.setText("100万")
    form.premium.setText("1万")
    form.start_date.set_iso("2024-01-01")
    form.end_date.set_iso("2024-12-31")
    ids = [i["id"] for i in lookups.insurers(filled_store)[:2]]
    form.add_insurer(ids[0], 60, lead=True)
    form.add_insurer(ids[1], 30)
    assert form.share_total.text() == "份额合计：90.00%（应为 100%）"
    assert ERROR_COLOUR in form.share_total.styleSheet()
    assert not form.save()
    assert "合计应为 100%" in form.message_for("insurers") and "90" in form.message_for("insurers")
    assert filled_store.scalar("SELECT count(*) FROM policy WHERE policy_no = 'PSHARES001'") == 0
    form.insurers.rows()[1][1].setValue(40)
    assert form.share_total.text() == "份额合计：100.00%"
    form.end_date.set_iso("2023-06-01")  # end before start
    form.validate_now()
    assert form.message_for("end_date")
    form.end_date.set_iso("2024-12-31")
    assert form.save(), form.banner.text()


def test_letters_in_amount_show_a_message_not_a_crash(qtbot, filled_store):
    form = PolicyForm(filled_store)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.premium, "abc")
    qtbot.waitUntil(lambda: form.message_for("premium_fen") != "", timeout=2000)
    assert "无法识别的金额" in form.message_for("premium_fen")
    form.premium.setText("12.345")
    form.validate_now()
    assert "精确到分" in form.message_for("premium_fen")
    claim = ClaimForm(filled_store)
    qtbot.addWidget(claim)
    claim.add_cost("诉讼费", "一万", "", "")
    claim.validate_now()
    claim._show_all = True
    claim.validate_now()
    assert "费用明细第 1 行索赔金额" in claim.message_for("cost_items")


def test_huge_paste_is_refused_and_the_form_stays_responsive(qtbot, filled_store):
    form = EnterpriseForm(filled_store)
    qtbot.addWidget(form)
    form.show()
    huge = "专" * 10_000_000
    QGuiApplication.clipboard().setText(huge)
    form.name.setFocus()
    started = time.perf_counter()
    qtbot.keyClick(form.name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.name.text() == ""
    assert "粘贴的内容过长" in form.message_for("name")
    mime = QMimeData()
    mime.setText(huge)
    form.notes.insertFromMimeData(mime)
    assert form.notes.toPlainText() == "" and "最多 2,000 字" in form.message_for("notes")
    form.validate_now()
    assert time.perf_counter() - started < 2.0
    QGuiApplication.clipboard().setText("")


def test_unsaved_changes_prompt(qtbot, filled_store, monkeypatch):
    form = EnterpriseForm(filled_store, undo=UndoManager(filled_store))
    qtbot.addWidget(form)
    form.show()
    assert not form.is_dirty()
    type_text(form.name, "未保存企业有限公司")
    asked: list[str] = []
    answer(monkeypatch, QMessageBox.StandardButton.Cancel, asked)
    form.reject()
    assert asked and "未保存" in asked[0] and form.isVisible()
    answer(monkeypatch, QMessageBox.StandardButton.Save, asked)
    form.reject()  # Save with errors: stays open, reasons shown
    assert form.isVisible() and "无法保存" in form.banner.text()
    answer(monkeypatch, QMessageBox.StandardButton.Discard, asked)
    form.reject()
    assert not form.isVisible()
    assert filled_store.scalar("SELECT count(*) FROM enterprise WHERE name = '未保存企业有限公司'") == 0


def test_edit_with_stale_revision_is_refused_with_message(qtbot, filled_store):
    eid = filled_store.scalar("SELECT id FROM enterprise WHERE blacklisted = 0 ORDER BY id LIMIT 1")
    form = EnterpriseForm(filled_store, eid, undo=UndoManager(filled_store))
    qtbot.addWidget(form)
    other = enterprises.input_from_row(enterprises.get_enterprise(filled_store, eid))
    from dataclasses import replace
    enterprises.update_enterprise(filled_store, eid, replace(other, industry="别人改过"), override_reason="测试")
    form.address.setText("新地址")
    assert not form.save("样例数据的代码校验位不符")
    assert "已被他人修改" in form.banner.text()
    assert enterprises.get_enterprise(filled_store, eid)["address"] != "新地址"


def test_nice_class_only_for_trademarks_and_dates_may_be_empty(qtbot, filled_store):
    form = IpRightForm(filled_store)
    qtbot.addWidget(form)
    assert not form.nice_class.isEnabled()
    form.ip_type.setCurrentIndex(form.ip_type.findData("商标"))
    assert form.nice_class.isEnabled()
    form.nice_class.setValue(9)
    inp, _ = form.gather()
    assert inp.nice_class == 9 and inp.filing_date is None and inp.expiry_date is None
    form.ip_type.setCurrentIndex(form.ip_type.findData("发明专利"))
    assert not form.nice_class.isEnabled() and form.gather()[0].nice_class is None
    assert form.filing_date.displayFormat() == "yyyy-MM-dd" and form.filing_date.calendarPopup()
    assert ip_rights.IpRightInput.__dataclass_fields__  # the form builds the service's input


def test_edit_form_loads_record_and_double_click_opens_it(win, qtbot, filled_store):
    win.show_page(3)
    page = win.pages["policy"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    index = page.model.index(0, 0)
    page.table.doubleClicked.emit(index)
    form = win.records.forms[-1]
    assert isinstance(form, PolicyForm) and form.record_id == page.model.row_id(0)
    assert form.policy_no.text() == page.model.data(index)
    assert not form.is_dirty() and form.windowTitle() == "编辑保单"
    form.done(0)
