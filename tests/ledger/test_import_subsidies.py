"""Importing subsidy applications (补贴申报): a bureau's messy spreadsheet of this year's applications.

Exact error lists (unknown policy, unknown / ambiguous / missing programme, premium above the
policy's, a workflow state, a closed programme), nothing written on errors, accept-valid,
idempotence, a corrected 实缴保费 recomputed (checked against the programme's ratio and cap
independently) with audit rows, parity with ``create_application``, permission, the CLI."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest

from ledger import security
from ledger.errors import InvalidInput, PermissionDenied
from ledger.importing.writer import apply_import, plan_import
from ledger.services.opening import open_ledger
from ledger.services.programmes import close_programme, programme_rules, set_status
from ledger.services.subsidies import SubsidyInput, create_application, explain
from ledger.services.subsidy_workflow import first_review
from ledger.store.audit import now_text

from subsidy_setup import FIRST, ent, pat, pol, programme

TABLES = ("subsidy_application", "subsidy_event", "audit_log")
CURRENT = "2023 年无锡市知识产权保险保费资助"
CLOSED = "2022 年无锡市知识产权保险保费资助"
PASSWORD = "Ipdesk-2024!"
HEADER = ["序号", "申报编号", "保单号", "投保企业", "实缴保费（万元）", "试点项目", "申报日期", "状态"]


def counts(store) -> dict[str, int]:
    return {t: store.scalar(f"SELECT count(*) FROM {t}") for t in TABLES}


def messages(plan) -> list[str]:
    return [str(e) for e in plan.errors]


def setup_ledger(store) -> dict[str, int]:
    """Programmes: 2023 open (the current one), 2022 closed, two 2024 drafts; policies WX2023001…008."""
    ids = {"current": programme(store, "wuxi-2020", year=2023, name=CURRENT,
                                call_start="2023-01-01", call_end="2023-12-31")}
    ids["closed"] = programme(store, "wuxi-2020", year=2022, name=CLOSED)
    close_programme(store, ids["closed"], "2022 年度结转")
    for key, name in (("draft1", "新吴区专利保险试点"), ("draft2", "江阴市知识产权保险补贴")):
        ids[key] = programme(store, "wuxi-2020", year=2024, name=name)
        set_status(store, ids[key], "草稿")
    a, b = ent(store, 0), ent(store, 1)
    premiums = {"WX2023001": 2_000_000, "WX2023002": 3_000_000, "WX2023003": 1_000_000,
                "WX2023004": 1_000_000, "WX2023005": 1_000_000, "WX2023006": 3_000_000,
                "WX2023007": 1_000_000, "WX2023008": 1_000_000, "WX2023009": 80_000_000}
    for n, (no, premium) in enumerate(premiums.items()):
        ids[no] = pol(store, a if n % 2 == 0 else b, no, premium=premium)
    return ids


def workbook(path: Path, rows: list[list[object]], *, sheet: str = "补贴申报") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(["2023 年度知识产权保险保费补贴申报汇总表"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append(["填报单位：无锡市知识产权局", None, None, None, None, None, "单位：万元"])
    ws.append(HEADER)
    ws.append(["示例", "2023-0001", "PICC2023320200000001", "无锡某某科技有限公司", "1.5", CURRENT, "2023-03-15", "申报"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


VALID = [
    [1, None, "wx 2023 001", "甲公司", "２", None, "2023.3.1", "申报"],  # empty programme: the one open
    [2, "sb-2023-000100", "WX2023002", "乙公司", 1.5, CURRENT, dt.date(2023, 3, 5), None],
    [3, None, "ＷＸ２０２３００３", "甲公司", "8000元", "２０２３", 45000, "已申报"],  # serial 45000 = 2023-03-15
]
BAD = [
    [4, None, "WX9999999", "丙公司", 1, "2023", "2023-03-09", None],
    [5, None, "WX2023004", "乙公司", 1, "2025 年试点", "2023-03-10", None],
    [6, None, "WX2023005", "甲公司", 1, "2024", "2023/3/10", None],
    [7, None, "WX2023006", "乙公司", 5, "2023 年度", "2023-03-11", None],
    [8, None, "WX2023007", "甲公司", 1, None, "2023-03-12", "初审"],
    [9, None, "WX2023008", "乙公司", 1, CLOSED, "2022-05-01", None],
]


def expected_errors() -> list[str]:
    listed = ("“新吴区专利保险试点”（2024 年度，草稿）、“江阴市知识产权保险补贴”（2024 年度，草稿）、"
              f"“{CURRENT}”（2023 年度，开放）、“{CLOSED}”（2022 年度，已结转）")
    s = "工作表「补贴申报」"
    return [
        f"{s}第 8 行 C 列「保单号」：保单号 WX9999999 尚未登记：请先导入保单",
        f"{s}第 9 行 F 列「试点项目」：试点项目“2025 年试点”不存在（可选：{listed}）",
        f"{s}第 10 行 F 列「试点项目」：2024 年度有 2 个试点项目（“新吴区专利保险试点”（2024 年度，草稿）、"
        "“江阴市知识产权保险补贴”（2024 年度，草稿））：请在“试点项目”列填写项目名称",
        f"{s}第 11 行 E 列「实缴保费（万元）」：申报实缴保费 50,000.00 元超过保单 WX2023006 的保费 30,000.00 元",
        f"{s}第 12 行 H 列「状态」：状态“初审”不能导入：新导入的补贴申请一律为“申报”；初审、复核、公示、批准、拨付"
        "须在本系统“补贴”页面按流程办理（双人复核），不能通过导入完成",
        f"{s}第 13 行 F 列「试点项目」：试点项目“{CLOSED}”已于 {now_text()[:10]} 年度结转（已结转），"
        "不能再修改该项目及其补贴申请",
    ]


def expected_amount(store, programme_id: int, paid_fen: int) -> int:
    """The programme's ratio and per-policy cap applied by hand (half-up to the fen)."""
    rules = programme_rules(store, programme_id)
    raw = (Decimal(paid_fen) * rules.ratio_bp / 10000).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return min(int(raw), rules.cap_per_policy_fen)


def apps(store) -> dict[str, dict]:
    return {r["policy_no"]: dict(r) for r in store.rows(
        "SELECT s.*, p.policy_no FROM subsidy_application s JOIN policy p ON p.id = s.policy_id ORDER BY s.id")}


# ---------------------------------------------------------------------------------------------


def test_messy_workbook_exact_errors_nothing_written_then_accept_valid(ledger_store, tmp_path):
    s = ledger_store
    ids = setup_ledger(s)
    path = workbook(tmp_path / "补贴申报.xlsx", VALID + BAD)
    before = counts(s)
    plan = plan_import(s, "subsidies", path)
    assert plan.sheets[0].header_row == 3 and plan.sheets[0].examples_skipped == 1
    assert plan.counts == {"insert": 3, "update": 0, "unchanged": 0, "error": 6}
    assert messages(plan) == expected_errors()
    with pytest.raises(InvalidInput) as exc:
        apply_import(s, plan)
    assert "有 6 行数据有误，未写入任何数据" in exc.value.message
    assert counts(s) == before

    result = apply_import(s, plan, accept_valid=True)
    assert (result.inserted, result.skipped_invalid) == (3, 6)
    got = apps(s)
    assert set(got) == {"WX2023001", "WX2023002", "WX2023003"}
    one, two, three = got["WX2023001"], got["WX2023002"], got["WX2023003"]
    assert {r["programme_id"] for r in got.values()} == {ids["current"]}
    assert (one["premium_paid_fen"], one["submitted_at"]) == (2_000_000, "2023-03-01")
    assert (two["premium_paid_fen"], two["submitted_at"]) == (1_500_000, "2023-03-05")
    assert (three["premium_paid_fen"], three["submitted_at"]) == (800_000, "2023-03-15")
    # numbers: the given one kept, the others generated as the service does, in queue order
    assert (one["application_no"], two["application_no"], three["application_no"]) == (
        "SB-2023-000001", "SB-2023-000100", "SB-2023-000101")
    for r in got.values():
        assert r["state"] == "申报" and r["recorded_by"] == "测试员"
        assert r["computed_fen"] == expected_amount(s, ids["current"], r["premium_paid_fen"])
        assert r["explanation"].startswith(f"实缴保费 {r['premium_paid_fen'] // 100:,}.00 × 补贴比例 50%")
    events = s.rows("SELECT application_id, from_state, to_state, actor, at, amount_fen FROM subsidy_event ORDER BY id")
    assert [(e["from_state"], e["to_state"], e["actor"]) for e in events] == [("", "申报", "测试员")] * 3
    assert [e["amount_fen"] for e in events] == [one["computed_fen"], two["computed_fen"], three["computed_fen"]]
    after = counts(s)
    assert after["audit_log"] - before["audit_log"] >= 3 * 3  # insert + computed amount + event, each audited

    # importing the same file again changes nothing (errors stay errors)
    again = plan_import(s, "subsidies", path)
    assert again.counts == {"insert": 0, "update": 0, "unchanged": 3, "error": 6}
    assert apply_import(s, again, accept_valid=True).unchanged == 3
    assert counts(s) == after


def test_valid_file_imports_whole_and_twice_changes_nothing(ledger_store, tmp_path):
    s = ledger_store
    setup_ledger(s)
    path = workbook(tmp_path / "ok.xlsx", VALID)
    plan = plan_import(s, "subsidies", path)
    assert plan.ok and plan.counts["insert"] == 3
    assert apply_import(s, plan).inserted == 3
    after = counts(s)
    again = plan_import(s, "subsidies", path)
    assert again.counts == {"insert": 0, "update": 0, "unchanged": 3, "error": 0}
    result = apply_import(s, again)
    assert (result.inserted, result.updated, result.unchanged) == (0, 0, 3)
    assert counts(s) == after


def test_amounts_equal_the_service(ledger_store, tmp_path):
    """Same inputs through create_application on a twin ledger (in queue order): same numbers,
    amounts and explanations; a cap, a shared enterprise cap order and the budget queue included."""
    s = ledger_store
    setup_ledger(s)
    rows = VALID + [[10, None, "WX2023009", "甲公司", 70, CURRENT, "2023-03-02", None]]  # 70 万: above the cap
    plan = plan_import(s, "subsidies", workbook(tmp_path / "s.xlsx", rows))
    apply_import(s, plan)
    imported = apps(s)
    twin = open_ledger(tmp_path / "twin.sqlite", actor="测试员")
    try:
        tids = setup_ledger(twin)
        for no, paid, day, given in (("WX2023001", 2_000_000, "2023-03-01", None),
                                     ("WX2023009", 70_000_000, "2023-03-02", None),
                                     ("WX2023002", 1_500_000, "2023-03-05", "SB-2023-000100"),
                                     ("WX2023003", 800_000, "2023-03-15", None)):
            create_application(twin, SubsidyInput(tids["current"], tids[no], paid, day, given))
        serviced = apps(twin)
    finally:
        twin.close()
    keys = ("application_no", "premium_paid_fen", "submitted_at", "computed_fen", "explanation", "state")
    assert {k: {c: v[c] for c in keys} for k, v in imported.items()} == \
           {k: {c: v[c] for c in keys} for k, v in serviced.items()}
    assert imported["WX2023009"]["computed_fen"] == 30_000_000  # 350,000 capped at 300,000 yuan


def test_changed_premium_updates_and_recomputes_with_audit(ledger_store, tmp_path):
    s = ledger_store
    ids = setup_ledger(s)
    rows = [[1, None, "WX2023009", "甲公司", 70, CURRENT, "2023-03-02", None],
            [2, None, "WX2023002", "乙公司", 1.5, CURRENT, "2023-03-05", None]]
    apply_import(s, plan_import(s, "subsidies", workbook(tmp_path / "a.xlsx", rows)))
    app = apps(s)["WX2023009"]
    assert app["computed_fen"] == 30_000_000
    before = counts(s)
    head = s.scalar("SELECT max(seq) FROM audit_log")
    rows[0][4] = "４５"  # corrected: 45 万元
    rows[1][6] = "2023年3月6日"  # and a later 申报日期 of the other one
    plan = plan_import(s, "subsidies", workbook(tmp_path / "b.xlsx", rows))
    assert plan.counts == {"insert": 0, "update": 2, "unchanged": 0, "error": 0}
    first, second = plan.rows
    assert first.changes == {"premium_paid_fen": (70_000_000, 45_000_000)}
    assert second.changes == {"submitted_at": ("2023-03-05", "2023-03-06")}
    assert apply_import(s, plan).updated == 2
    now = apps(s)
    assert now["WX2023009"]["premium_paid_fen"] == 45_000_000
    assert now["WX2023009"]["computed_fen"] == expected_amount(s, ids["current"], 45_000_000) == 22_500_000
    assert now["WX2023002"]["submitted_at"] == "2023-03-06"
    assert explain(s, app["id"]).steps[0] == "实缴保费 450,000.00 × 补贴比例 50% = 225,000.00"
    audit = s.rows("SELECT op, actor, old_values, new_values FROM audit_log WHERE seq > ? AND table_name = "
                   "'subsidy_application' AND record_uuid = ? ORDER BY seq", (head, app["uuid"]))
    assert audit and all(a["op"] == "UPDATE" and a["actor"] == "测试员" for a in audit)
    assert any("70000000" in (a["old_values"] or "") and "45000000" in (a["new_values"] or "") for a in audit)
    assert any("22500000" in (a["new_values"] or "") for a in audit)
    assert counts(s)["subsidy_event"] == before["subsidy_event"]  # a correction is no workflow step
    # once in review, a different premium is a row error; the same file again is unchanged
    s.actor = FIRST
    first_review(s, app["id"])
    s.actor = "测试员"
    assert plan_import(s, "subsidies", workbook(tmp_path / "b.xlsx", rows)).counts["unchanged"] == 2
    rows[0][4] = 40
    plan = plan_import(s, "subsidies", workbook(tmp_path / "c.xlsx", rows))
    assert messages(plan) == [
        "工作表「补贴申报」第 5 行 E 列「实缴保费（万元）」：申请 SB-2023-000001 已进入审核流程（状态 初审），"
        "导入不能修改（实缴保费 450,000.00 → 400,000.00 元）；如需更正，请在“补贴”页面退回补正后重新申报"]
    # its own state (re-importing an export) or 申报 (the original sheet) is accepted; another one is not
    rows[0][4] = 45
    for given in ("初审", "申报"):
        rows[0][7] = given
        assert plan_import(s, "subsidies", workbook(tmp_path / "d.xlsx", rows)).counts["unchanged"] == 2
    rows[0][7] = "批准"
    assert messages(plan_import(s, "subsidies", workbook(tmp_path / "e.xlsx", rows))) == [
        "工作表「补贴申报」第 5 行 H 列「状态」：申请 SB-2023-000001 当前状态为“初审”，导入不能改为“批准”："
        "初审、复核、公示、批准、拨付须在本系统“补贴”页面按流程办理（双人复核），不能通过导入完成"]


def test_more_row_errors(ledger_store, tmp_path):
    s = ledger_store
    ids = setup_ledger(s)
    create_application(s, SubsidyInput(ids["current"], ids["WX2023004"], 1_000_000, "2023-02-01", "SB-OLD-1"))
    rows = [
        [1, "SB-OLD-1", "WX2023001", "甲公司", 1, CURRENT, "2023-03-01", None],  # number taken
        [2, "X-7", "WX2023002", "乙公司", 1, CURRENT, None, None],  # no 申报日期
        [3, "X-7", "WX2023003", "甲公司", 1, CURRENT, "2024-01-05", None],  # number twice, outside 申报期
        [4, None, "WX2023001", "甲公司", 1, "2023", "2023-03-02", None],  # same policy + programme as row 5
        [5, "SB-NEW", "WX2023004", "乙公司", 1, CURRENT, "2023-02-01", None],  # its application is SB-OLD-1
        [6, None, "WX2023005", "甲公司", 1, CURRENT, "2023-03-01", "待批准"],
    ]
    plan = plan_import(s, "subsidies", workbook(tmp_path / "x.xlsx", rows))
    sh = "工作表「补贴申报」"
    assert messages(plan) == [
        f"{sh}第 5 行 B 列「申报编号」：申请编号 SB-OLD-1 已存在",
        f"{sh}第 6 行 G 列「申报日期」：新增补贴申报须填写申报日期（决定排队先后和是否在申报期内）",
        f"{sh}第 7 行 B 列「申报编号」：申报编号 X-7 在文件中已出现过",
        f"{sh}第 7 行 G 列「申报日期」：申报日期 2024-01-05 不在申报期（2023-01-01 至 2023-12-31）内",
        f"{sh}第 8 行 C 列「保单号」：补贴申报 WX2023001（{CURRENT}） 与第 5 行重复",
        f"{sh}第 9 行 B 列「申报编号」：该保单在本项目已有申请 SB-OLD-1，与申报编号 SB-NEW 不一致"
        "（同一保单在同一试点项目只申报一次）",
        f"{sh}第 10 行 H 列「状态」：状态“待批准”不是补贴申请的状态（申报、初审、复核、公示、批准、拨付、退回补正、"
        "不予支持、追回）；导入只能新增“申报”状态的申请",
    ]


def test_empty_programme_with_several_open_ones(ledger_store, tmp_path):
    s = ledger_store
    ids = setup_ledger(s)
    set_status(s, ids["draft1"], "开放")
    plan = plan_import(s, "subsidies", workbook(tmp_path / "x.xlsx", [VALID[0]]))
    assert messages(plan) == [
        "工作表「补贴申报」第 5 行 F 列「试点项目」：未填写试点项目，而开放申报的试点项目有 2 个（“新吴区专利保险试点”（2024 年度，开放）、"
        f"“{CURRENT}”（2023 年度，开放））：请在“试点项目”列填写项目名称或年度"]


def test_conflict_between_rows_of_the_file_rolls_back(ledger_store, tmp_path):
    """Two policies of the file covering the same patent with the same insurance type in one year:
    the second is refused when written (the plan cannot see the first), and nothing is written."""
    s = ledger_store
    ids = setup_ledger(s)
    e = ent(s, 2)
    right = pat(s, e, 1)
    pol(s, e, "WX-P1", premium=1_000_000, ip_ids=(right,))
    pol(s, e, "WX-P2", premium=1_000_000, ip_ids=(right,))
    from dataclasses import replace

    from ledger.services.programmes import ProgrammeInput, update_programme
    from ledger.subsidy import load_programme

    rules = replace(load_programme("wuxi-2020"), unique_ip_type_scope="year")
    update_programme(s, ids["current"], ProgrammeInput(CURRENT, 2023, rules, call_start="2023-01-01",
                                                       call_end="2023-12-31"))
    rows = [[1, None, "WX-P1", "丁公司", 1, CURRENT, "2023-03-01", None],
            [2, None, "WX-P2", "丁公司", 1, CURRENT, "2023-03-02", None]]
    plan = plan_import(s, "subsidies", workbook(tmp_path / "x.xlsx", rows))
    assert plan.ok and plan.counts["insert"] == 2
    before = counts(s)
    with pytest.raises(InvalidInput) as exc:
        apply_import(s, plan)
    assert exc.value.message.startswith("工作表「补贴申报」第 6 行与本文件中排在它前面的申报冲突，未写入任何数据：")
    assert "同一知识产权同一险种只补贴一次" in exc.value.message
    assert counts(s) == before


def test_permission_is_the_services(ledger_store, tmp_path):
    s = ledger_store
    setup_ledger(s)
    security.setup_administrator(s, "admin", "系统管理员", PASSWORD)
    security.login(s, "admin", PASSWORD)
    security.create_user(s, "审核甲", "审核甲", "审核人", PASSWORD)
    security.create_user(s, "经办乙", "经办乙", "经办人", PASSWORD)
    security.login(s, "审核甲", PASSWORD)
    plan = plan_import(s, "subsidies", workbook(tmp_path / "x.xlsx", VALID))
    before = counts(s)
    with pytest.raises(PermissionDenied, match="登记补贴申请"):
        apply_import(s, plan)
    assert counts(s) == before
    security.login(s, "经办乙", PASSWORD)  # (a login is audited: check again)
    assert apply_import(s, plan_import(s, "subsidies", plan.path)).inserted == 3
    assert {r["recorded_by"] for r in apps(s).values()} == {"经办乙"}


def test_cli_dry_run_report_and_real_run(ledger_store, db_path, tmp_path, capsys):
    from desktop.cli import main

    setup_ledger(ledger_store)
    ledger_store.close()
    path = workbook(tmp_path / "补贴申报.xlsx", VALID + BAD[:1])

    def table_counts():
        store = open_ledger(db_path)
        try:
            return counts(store)
        finally:
            store.close()

    before = table_counts()
    report = tmp_path / "错误报告.xlsx"
    assert main(["--db", str(db_path), "import", "subsidies", str(path), "--dry-run", "--report", str(report)]) == 2
    out = capsys.readouterr().out
    assert "新增 3、更新 0、未变 0、错误 1" in out and "仅检查（--dry-run），未写入。" in out
    assert "工作表「补贴申报」第 8 行 C 列「保单号」：保单号 WX9999999 尚未登记：请先导入保单" in out
    assert "工作表「补贴申报」：已跳过示例行 1 行" in out
    ws = openpyxl.load_workbook(report).active
    cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
    assert any("保单号 WX9999999 尚未登记" in c for c in cells)
    assert main(["--db", str(db_path), "import", "subsidies", str(path)]) == 2
    assert "未写入任何数据" in capsys.readouterr().out
    assert table_counts() == before
    assert main(["--db", str(db_path), "import", "subsidies", str(path), "--accept-valid"]) == 0
    assert "已新增 3、更新 0、未变 0，跳过有误的 1 行" in capsys.readouterr().out
    after = table_counts()
    assert after["subsidy_application"] == before["subsidy_application"] + 3
    ok = workbook(tmp_path / "ok.xlsx", VALID)
    assert main(["--db", str(db_path), "import", "subsidies", str(ok), "--dry-run"]) == 0
    assert "新增 0、更新 0、未变 3、错误 0" in capsys.readouterr().out
    assert main(["--db", str(db_path), "import", "subsidies", str(ok)]) == 0
    assert "已新增 0、更新 0、未变 3" in capsys.readouterr().out
    assert table_counts() == after


def test_cli_logs_in_and_needs_subsidy_record(ledger_store, db_path, tmp_path, capsys, monkeypatch):
    from desktop.cli import main

    s = ledger_store
    setup_ledger(s)
    security.setup_administrator(s, "admin", "系统管理员", PASSWORD)
    security.login(s, "admin", PASSWORD)
    security.create_user(s, "审核甲", "审核甲", "审核人", PASSWORD)
    security.create_user(s, "经办乙", "经办乙", "经办人", PASSWORD)
    s.close()
    path = workbook(tmp_path / "补贴申报.xlsx", VALID)
    monkeypatch.setenv("IPDESK_PASSWORD", PASSWORD)
    assert main(["--db", str(db_path), "import", "subsidies", str(path)]) == 3  # system: not logged in
    assert "需要登录" in capsys.readouterr().err
    assert main(["--db", str(db_path), "--user", "审核甲", "import", "subsidies", str(path)]) == 3
    assert "无权执行：导入数据" in capsys.readouterr().err
    assert main(["--db", str(db_path), "--user", "经办乙", "import", "subsidies", str(path)]) == 0
    assert "已新增 3" in capsys.readouterr().out
    store = open_ledger(db_path)
    try:
        assert {r["recorded_by"] for r in apps(store).values()} == {"经办乙"}
    finally:
        store.close()
