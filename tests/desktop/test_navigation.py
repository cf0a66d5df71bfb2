"""Linked navigation from detail panes and back/forward across page + filter + selection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from desktop.navigation import link_target
from ledger.services import lookups, policies
from tests.desktop.form_helpers import make_window


@pytest.fixture
def win(qtbot, filled_store, tmp_path):
    w = make_window(qtbot, filled_store, tmp_path)
    yield w
    w.ops.wait()


def _select_first(qtbot, page, where=lambda _row: True) -> int:
    qtbot.waitUntil(lambda: page.model.total is not None and page.model.rowCount() > 0, timeout=5000)
    for row in range(page.model.rowCount()):
        if where(page.model.row_id(row)):
            page.table.selectRow(row)
            return page.model.row_id(row)
    raise AssertionError("no matching row")


def test_enterprise_links_open_filtered_registers_and_back_forward_restore(win, qtbot, filled_store):
    win.show_page(1)
    ent_page = win.pages["enterprise"]
    eid = _select_first(qtbot, ent_page, lambda i: len(lookups.enterprise_ip_rights(filled_store, i)) > 0)
    qtbot.waitUntil(lambda: "nav:ip_right" in ent_page.detail.toHtml(), timeout=5000)
    ent_page.detail.anchorClicked.emit(QUrl("nav:ip_right"))  # the user clicks “知识产权”
    ip_page = win.pages["ip_right"]
    assert win.current_key() == "ip_right"
    assert ip_page.filter_bar.values() == {"enterprise": eid}
    expected = len(lookups.enterprise_ip_rights(filled_store, eid))
    qtbot.waitUntil(lambda: ip_page.model.total == expected, timeout=5000)
    assert "企业：" in ip_page.filter_bar.extra_button.text()

    win.records.nav.act_back.trigger()  # Alt+Left
    assert win.current_key() == "enterprise"
    qtbot.waitUntil(lambda: ent_page.selected_ids() == [eid], timeout=5000)
    assert win.records.nav.act_forward.isEnabled()
    win.records.nav.act_forward.trigger()
    assert win.current_key() == "ip_right" and ip_page.filter_bar.values() == {"enterprise": eid}
    qtbot.waitUntil(lambda: ip_page.model.total == expected, timeout=5000)
    for target in ("policy", "claim", "subsidy"):
        state = link_target(filled_store, "enterprise", eid, target)
        assert state.page == target and state.filters == {"enterprise": eid}


def test_policy_links_to_its_enterprise_and_claims(win, qtbot, filled_store):
    win.show_page(3)
    pol_page = win.pages["policy"]
    with_claims = {r[0] for r in filled_store.rows("SELECT DISTINCT policy_id FROM claim")}
    pid = _select_first(qtbot, pol_page, lambda i: i in with_claims)
    qtbot.waitUntil(lambda: "nav:claim" in pol_page.detail.toHtml(), timeout=5000)
    pol_page.detail.anchorClicked.emit(QUrl("nav:claim"))
    claim_page = win.pages["claim"]
    n_claims = filled_store.scalar("SELECT count(*) FROM claim WHERE policy_id = ?", (pid,))
    qtbot.waitUntil(lambda: claim_page.model.total == n_claims, timeout=5000)
    assert win.current_key() == "claim" and claim_page.filter_bar.values() == {"policy": pid}
    win.records.nav.back()
    assert win.current_key() == "policy"
    qtbot.waitUntil(lambda: pol_page.selected_ids() == [pid], timeout=5000)
    pol_page.detail.anchorClicked.emit(QUrl("nav:enterprise"))  # 投保企业 ›
    ent_page = win.pages["enterprise"]
    eid = policies.get_policy(filled_store, pid)["enterprise_id"]
    assert win.current_key() == "enterprise"
    qtbot.waitUntil(lambda: ent_page.selected_ids() == [eid], timeout=5000)
    win.records.nav.back()
    assert win.current_key() == "policy"


def test_page_changes_are_history_entries(win, qtbot):
    nav = win.records.nav
    win.show_page(1)
    win.show_page(3)
    page = win.pages["policy"]
    qtbot.waitUntil(lambda: page.model.total is not None, timeout=5000)
    page.filter_bar.set_values({}, search="P2022")
    win.show_page(5)
    nav.back()
    assert win.current_key() == "policy" and page.filter_bar.text() == "P2022"
    nav.back()
    assert win.current_key() == "enterprise"
    nav.forward()
    nav.forward()
    assert win.current_key() == "claim"
    assert not nav.act_forward.isEnabled()
