"""Claims workflow panel: allowed transitions only, required outcome/reason, advance payments and
the reconciliation refused with the figures, then accepted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop.main_window import MainWindow
from ledger.services import claim_workflow as cw
from ledger.services.claims import ClaimInput, CostItem, create_claim, get_claim
from tests.desktop.subsidy_data import as_user, enterprises_and_policies, with_users


@pytest.fixture
def setup(qtbot, ledger_store, tmp_path):
    with_users(ledger_store)
    (pol,) = enterprises_and_policies(ledger_store, [2_000_000])
    as_user(ledger_store, "jingban")
    claim = create_claim(ledger_store, ClaimInput(
        claim_no="LP-2025-0001", policy_id=pol, reported_date="2025-03-01", counterparty="深圳某某公司",
        cost_items=(CostItem("律师代理费", 5_000_000, 4_000_000, 3_000_000),))).id
    win = MainWindow(ledger_store, QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.ops.wait()
    yield win, ledger_store, claim
    win.ops.wait()


def test_transitions_payments_and_reconciliation(setup):
    win, store, claim = setup
    panel = win.subsidy_ui.claim_panel
    panel.show_claim(claim)
    assert set(panel.buttons) == set(cw.allowed("报案")) == {"受理", "拒赔", "撤案"}
    assert not panel.advance_button.isVisibleTo(panel)  # advances only once accepted
    assert not panel.advance("撤案")  # a reason is required
    assert "撤案必须填写理由" in panel.banner.text()
    assert panel.advance("受理", on="2025-03-05")
    assert get_claim(store, claim)["state"] == "受理"
    assert set(panel.buttons) == set(cw.allowed("受理"))
    assert panel.add_payment("先行赔付", 1_000_000, "2025-03-10", "律师费先行赔付")
    assert panel.reconcile_button.isVisibleTo(panel)
    assert panel.payments.item(0, 0).text() == "先行赔付" and panel.payments.item(0, 3).text() == "待核对"
    assert not panel.reconcile()
    text = panel.banner.text()
    assert "先行赔付 10,000.00 元 + 最终赔付 0.00 元 = 10,000.00 元" in text
    assert "费用明细已赔合计 30,000.00 元" in text and "尚差 20,000.00 元" in text
    assert panel.advance("诉讼中", on="2025-04-01")
    assert not panel.advance("结案", on="2025-06-01")  # no outcome
    assert "结案须填写案件结果" in panel.banner.text()
    assert get_claim(store, claim)["state"] == "诉讼中"
    assert panel.add_payment("赔付", 2_000_000, "2025-06-01")
    assert panel.reconcile()
    assert cw.advance_status(store, claim).unreconciled_fen == 0
    assert panel.payments.item(0, 3).text() == "已核对"
    assert panel.advance("结案", on="2025-06-02", outcome="和解", settlement_fen=3_000_000, reason="双方和解")
    row = get_claim(store, claim)
    assert (row["state"], row["outcome"], row["closed_date"]) == ("结案", "和解", "2025-06-02")
    assert panel.buttons == {}


def test_roles_without_claim_manage_see_no_buttons(setup):
    win, store, claim = setup
    as_user(store, "caiwu")
    panel = win.subsidy_ui.claim_panel
    panel.show_claim(claim)
    assert panel.buttons == {}
    assert not panel.advance_button.isVisibleTo(panel)
    assert not panel.advance("受理")  # and the service refuses anyway
    assert "无权执行：管理理赔记录" in panel.banner.text()
