"""Subsidy screens on a ledger with users: create an application, its explanation, four-eyes in the
panel, bulk approve (success and a batch over budget), the budget panel and the 待办 list."""

from __future__ import annotations

from datetime import date
from html import escape

import pytest
from PySide6.QtCore import QSettings

from desktop.main_window import MainWindow
from desktop.subsidy.application_panel import allowed_transitions
from desktop.subsidy.bulk_actions import vouchers_for
from desktop.subsidy.new_application import NewApplicationDialog
from ledger.money import format_yuan
from ledger.services import subsidies, subsidy_workflow
from ledger.services.budget import budget_ledger, budget_ledgers
from ledger.services.programmes import ProgrammeInput, get_programme, update_programme
from ledger.services.reminders import reminders
from ledger.services.subsidies import SubsidyInput, create_application
from tests.desktop.subsidy_data import as_user, enterprises_and_policies, programme, with_users

TODAY = date.today().isoformat()


@pytest.fixture
def ledger(ledger_store):
    with_users(ledger_store)
    return ledger_store


@pytest.fixture
def window(qtbot, ledger, tmp_path):
    win = MainWindow(ledger, QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.ops.wait()
    yield win
    win.ops.wait()


def _state(store, app_id):
    return subsidies.get_application(store, app_id)["state"]


def _to_publicity(store, ids, start="2025-03-01", end="2025-03-07"):
    as_user(store, "shenhe1")
    subsidy_workflow.review_many(store, ids, "first_review")
    as_user(store, "shenhe2")
    subsidy_workflow.review_many(store, ids, "second_review")
    subsidy_workflow.publish_many(store, ids, start=start, end=end)


def test_create_application_explanation_and_four_eyes(window, ledger, qtbot):
    s = ledger
    g = programme(s)
    (pol,) = enterprises_and_policies(s, [2_000_000])
    as_user(s, "jingban")
    window.subsidy_ui.sync_roles()
    assert not window.subsidy_ui.bar_buttons["approve"].isVisibleTo(window)  # 经办人: no approval
    dialog = NewApplicationDialog(window, programme_id=g)
    qtbot.addWidget(dialog)
    assert any("请选择申请补贴的保单" in m for m in dialog.messages())
    dialog.policy.set_record(pol, "PZIP")
    assert dialog.premium.fen() == (2_000_000, "")  # premium paid defaults from the policy
    dialog.premium.setText("30000")  # above the policy's 20,000.00
    assert any("超过保单" in m and "20,000.00" in m for m in dialog.messages())
    assert not dialog.save()
    dialog.premium.setText("20000")
    dialog.submitted.set_iso("2025-03-01")
    assert dialog.save(), dialog.messages()
    app_id = dialog.created_id

    panel = window.subsidy_ui.panel
    panel.show_application(app_id)
    expected = subsidies.explain(s, app_id)
    assert panel.explanation_text() == expected.text
    assert panel.step_texts() == [f"{n}. {t}" for n, t in enumerate(expected.steps, 1)]
    assert expected.steps[0].startswith("实缴保费 20,000.00") and "10,000.00" in expected.steps[0]
    assert all(escape(t) in panel.steps.text() for t in expected.steps)
    assert panel.history.rowCount() == 1 and panel.history.item(0, 2).text() == "jingban"
    assert set(panel.buttons) == {"recompute"}  # 经办人 cannot review; resubmit only after 退回

    as_user(s, "shenhe1")
    panel.show_application(app_id)
    assert set(panel.buttons) >= {"first_review", "return", "reject"}
    assert panel.run("first_review", reason="材料齐全")
    assert set(panel.buttons) >= {"second_review"}
    assert not panel.run("second_review")  # the same person: four-eyes
    assert "双人复核" in panel.banner.text() and "shenhe1" in panel.banner.text()
    assert _state(s, app_id) == "初审"

    as_user(s, "shenhe2")
    panel.show_application(app_id)
    assert panel.run("second_review")
    assert not panel.run("publish", publicity_start="2025-03-10", publicity_end="2025-03-01")
    assert "早于开始日期" in panel.banner.text()
    assert panel.run("publish", publicity_start="2025-03-10", publicity_end="2025-03-16")
    assert not panel.run("approve", at="2025-03-16")  # not after the 公示 end
    assert "最早可于 2025-03-17 批准" in panel.banner.text()
    as_user(s, "shenhe1")
    panel.show_application(app_id)
    assert not panel.run("approve", at="2025-03-20")  # first reviewer may not approve
    assert "双人复核" in panel.banner.text()
    as_user(s, "shenhe2")
    panel.show_application(app_id)
    assert panel.run("approve", at="2025-03-20")
    assert _state(s, app_id) == "批准"
    as_user(s, "caiwu")
    panel.show_application(app_id)
    assert [t.action for t in allowed_transitions(s, "批准")] == ["pay"] == list(panel.buttons)
    assert panel.run("pay", voucher_no="PZ-001", paid_at="2025-04-01", amount_fen=None, payment_batch="第1批")
    assert subsidies.get_application(s, app_id)["paid_fen"] == 1_000_000
    history = [panel.history.item(r, 1).text() for r in range(panel.history.rowCount())]
    events = subsidies.explain(s, app_id).events  # ordered by the date each step was done
    assert history == [f"{e['from_state']} → {e['to_state']}" if e["from_state"] else e["to_state"] for e in events]
    assert sorted(history) == sorted(["申报", "申报 → 初审", "初审 → 复核", "复核 → 公示", "公示 → 批准", "批准 → 拨付"])


def test_bulk_approve_and_batch_over_budget(window, ledger, qtbot):
    s = ledger
    g = programme(s, budget_fen=4_500_000)
    pols = enterprises_and_policies(s, [2_000_000, 2_000_000, 2_000_000, 2_000_000])
    as_user(s, "jingban")
    ids = [create_application(s, SubsidyInput(g, p, 2_000_000, "2025-03-01")).id for p in pols]
    _to_publicity(s, ids)  # 4 × 10,000.00 in 公示
    as_user(s, "admin")
    row = get_programme(s, g)
    update_programme(s, g, ProgrammeInput(row["name"], row["year"], None, row["region_code"], 2_500_000,
                                          row["call_start"], row["call_end"], row["status"], row["notes"]))
    as_user(s, "shenhe2")
    bulk = window.subsidy_ui.bulk
    bulk.quiet = True
    with qtbot.waitSignal(bulk.finished, timeout=10000) as done:
        bulk.run("approve", ids[:2], {"at": TODAY})
    assert done.args[1] is True and "批量批准 2 件" in done.args[2]
    assert [_state(s, a) for a in ids] == ["批准", "批准", "公示", "公示"]

    before = budget_ledger(s, g)
    assert before.remaining_fen == 500_000
    with qtbot.waitSignal(bulk.finished, timeout=10000) as refused:
        bulk.run("approve", ids[2:], {"at": TODAY})
    ok, message = refused.args[1], refused.args[2]
    assert ok is False
    number = subsidies.get_application(s, ids[2])["application_no"]
    assert "第 1 项" in message and number in message and "本批次未做任何更改" in message
    assert "剩余 5,000.00 元" in message  # the budget figures
    assert [_state(s, a) for a in ids] == ["批准", "批准", "公示", "公示"]
    assert budget_ledger(s, g) == before

    as_user(s, "caiwu")
    with qtbot.waitSignal(bulk.finished, timeout=10000) as paid:
        bulk.run("pay", ids[:2], {"voucher_prefix": "PZ-", "payment_batch": "2025-第1批", "paid_at": TODAY})
    assert paid.args[1] is True
    vouchers = [subsidies.get_application(s, a)["voucher_no"] for a in ids[:2]]
    assert vouchers == ["PZ-2025-第1批-001", "PZ-2025-第1批-002"] == list(vouchers_for(ids[:2], "PZ-", "2025-第1批").values())


def test_budget_panel_and_reminders_equal_services(window, ledger, qtbot):
    s = ledger
    g = programme(s, budget_fen=2_400_000)
    pols = enterprises_and_policies(s, [2_000_000, 2_000_000, 800_000])
    as_user(s, "jingban")
    ids = [create_application(s, SubsidyInput(g, p, prem, "2025-03-01")).id
           for p, prem in zip(pols, [2_000_000, 2_000_000, 800_000], strict=True)]
    _to_publicity(s, ids)
    as_user(s, "shenhe2")
    subsidy_workflow.approve_many(s, ids[:2], at=TODAY)  # 20,000.00 of 24,000.00: above 80 %
    ui = window.subsidy_ui
    window.pages["dashboard"].refresh()
    qtbot.waitUntil(lambda: len(ui.budget.rows) == 1 and bool(ui.reminders.items), timeout=10000)
    b = budget_ledger(s, g)
    assert [r.ledger for r in ui.budget.rows] == budget_ledgers(s)
    assert ui.budget.rows[0].figures() == {
        "allocated_fen": format_yuan(b.allocated_fen), "committed_fen": format_yuan(b.committed_fen),
        "paid_fen": format_yuan(b.paid_fen), "recovered_fen": format_yuan(b.recovered_fen),
        "remaining_fen": format_yuan(b.remaining_fen)}
    assert "超过 80%" in ui.budget.rows[0].used.text() and "83.33%" in ui.budget.rows[0].used.text()
    expected = reminders(s, as_of=TODAY)
    assert ui.reminders.shown() == expected
    table = ui.reminders.table
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == [r.title for r in expected]
    kinds = {r.kind for r in expected}
    assert {"budget_high", "awaiting_approval"} <= kinds
    row = next(i for i, r in enumerate(expected) if r.kind == "awaiting_approval")
    ui.reminders.open_row(row)
    page = window.pages["subsidy"]
    qtbot.waitUntil(lambda: page.selected_ids() == [expected[row].record_id], timeout=10000)
    assert window.current_key() == "subsidy"
    qtbot.waitUntil(lambda: ui.panel.application_id == expected[row].record_id, timeout=5000)
