"""Programme editor: live rule validation with figures, refused saves, round trip of every shipped
rule file through the grouped editor, TOML export/import, year-end close, role-dependent buttons."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings

from desktop.main_window import MainWindow
from desktop.subsidy.programme_editor import ProgrammeEditor
from desktop.subsidy.rules_editor import RulesEditor
from ledger.services import programmes as svc
from ledger.subsidy import list_programmes, load_programme
from tests.desktop.subsidy_data import as_user, with_users


@pytest.fixture
def window(qtbot, ledger_store, tmp_path):
    with_users(ledger_store)
    win = MainWindow(ledger_store, QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.ops.wait()
    yield win
    win.ops.wait()


def _editor(window, qtbot, programme_id=None) -> ProgrammeEditor:
    editor = ProgrammeEditor(window, programme_id)
    qtbot.addWidget(editor)
    return editor


@pytest.mark.parametrize("slug", list_programmes())
def test_every_shipped_rule_file_round_trips_through_the_editor(qtbot, slug):
    rules = load_programme(slug)
    editor = RulesEditor()
    qtbot.addWidget(editor)
    editor.set_rules(rules)
    back, issues = editor.rules(rules.name, rules.year, rules.budget_fen)
    assert back == rules
    assert [i for i in issues if i.is_error] == []


def test_contradictory_rules_show_the_figures_and_save_is_refused(window, qtbot):
    store = window.store
    editor = _editor(window, qtbot)
    editor.name.setText("测试市保费补贴（2025年度）")
    editor.year.setValue(2025)
    editor.budget.setText("500万")
    w = editor.rules.widgets
    w["ratio_bp"].setText("120%")
    assert "基础补贴比例 120% 超过 100%" in editor.issue_texts()
    assert not editor.save()
    assert "规则自相矛盾" in editor.banner.text() and "120%" in editor.banner.text()
    assert svc.list_programmes(store) == []

    w["ratio_bp"].setText("50%")
    w["min_premium_fen"].setText("10000")
    w["cap_per_enterprise_year_fen"].setText("1000")
    expected = "单户年度上限 1,000.00 元低于最低保费 10,000.00 元 × 最低补贴比例 50% = 5,000.00 元，规则矛盾"
    assert expected in editor.issue_texts()
    assert not editor.save() and expected in editor.banner.text()
    w["ratio_bp"].setText("abc")
    assert any("基础补贴比例“abc”不是百分比" in t for t in editor.issue_texts())
    assert not editor.save()
    assert svc.list_programmes(store) == []

    w["ratio_bp"].setText("60%")
    w["cap_per_enterprise_year_fen"].setText("200000")
    editor.call_start.set_iso("2025-01-01")
    editor.call_end.set_iso("2025-06-30")
    assert editor.save(), editor.banner.text()
    (row,) = svc.list_programmes(store)
    rules = svc.programme_rules(store, row["id"])
    assert (rules.ratio_bp, rules.min_premium_fen, rules.cap_per_enterprise_year_fen) == (6000, 1_000_000, 20_000_000)
    assert (row["budget_fen"], row["call_start"], row["call_end"]) == (500_000_000, "2025-01-01", "2025-06-30")
    assert editor.budget_panel.isVisibleTo(editor)


def test_import_export_and_close(window, qtbot, tmp_path):
    store = window.store
    editor = _editor(window, qtbot)
    source = next(p for p in __import__("pathlib").Path("resources/programmes").glob("shandong-2024.toml"))
    assert editor.import_file(source)
    (row,) = svc.list_programmes(store)
    assert editor.record_id == row["id"]
    assert len(editor.rules.widgets["insurance_type_caps"].rows()) == 3
    assert len(editor.rules.widgets["uplifts"].rows()) == 1
    rules, _ = editor.rules.rules(row["name"], row["year"], row["budget_fen"])
    assert rules == svc.programme_rules(store, row["id"])
    out = tmp_path / "out.toml"
    assert editor.export_file(out)
    assert out.read_text(encoding="utf-8") == svc.export_programme_toml(store, row["id"])

    bad = tmp_path / "bad.toml"
    bad.write_text(source.read_text(encoding="utf-8").replace('default = "60%"', 'default = "160%"'), encoding="utf-8")
    assert not editor.import_file(bad)
    assert "160%" in editor.banner.text()

    editor.rules.widgets["rounding"].setCurrentIndex(editor.rules.widgets["rounding"].findData("down"))
    assert editor.save()
    assert svc.programme_rules(store, row["id"]).rounding == "down"
    assert not editor.close_year("")  # a reason is required
    assert "年度结转必须填写说明" in editor.banner.text()
    assert editor.close_year("2024 年度补贴已全部拨付")
    assert svc.get_programme(store, row["id"])["status"] == "已结转"
    assert not editor.save_button.isEnabled() and not editor.rules.isEnabled()


def test_buttons_follow_the_role(window, qtbot):
    store = window.store
    as_user(store, "admin")
    rules = replace(load_programme("wuxi-2020"), year=2025)
    svc.create_programme(store, svc.ProgrammeInput(rules.name, 2025, rules, budget_fen=100_000_00))
    as_user(store, "jingban")
    editor = _editor(window, qtbot)
    assert not editor.save_button.isVisibleTo(editor)
    assert not editor.close_year_button.isVisibleTo(editor)
    assert editor.export_button.isVisibleTo(editor)
    assert not editor.save()  # the service refuses anyway
    assert "无权执行：管理补贴项目" in editor.banner.text()
