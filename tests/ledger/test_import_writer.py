"""Import writer: exact error lists, nothing written on errors, accept-valid, idempotence,
updates with audit, cancel, stale plans, GBK CSV, a 50,000-row file with one bad row, and
parity of the bulk paths with normalise_row / check_policy."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import openpyxl
import pytest

from ledger.errors import InvalidInput, Refused
from ledger.importing import normalise_row, read_table
from ledger.importing.fastrows import RowNormaliser
from ledger.importing.kinds import policy_issues
from ledger.importing.naturalkeys import NaturalKeys
from ledger.importing.writer import apply_import, is_example_row, plan_import
from ledger.services.policies import InsurerShare, PolicyInput, check_policy

from factories import VALID_USCC, enterprise, patent

TABLES = ("enterprise", "ip_right", "policy", "policy_insurer", "policy_ip_right", "claim", "audit_log")


def counts(store) -> dict[str, int]:
    return {t: store.scalar(f"SELECT count(*) FROM {t}") for t in TABLES}


def workbook(path: Path, sheet: str, rows: list[list[object]], *, title: str | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
        ws.append([])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def messages(plan) -> list[str]:
    return [str(e) for e in plan.errors]


# ----------------------------------------------------------------- enterprises


def test_enterprises_exact_errors_and_nothing_written(ledger_store, tmp_path):
    path = workbook(tmp_path / "企业.xlsx", "企业", [
        ["企业名称", "统一社会信用代码", "所属区县代码", "联系电话", "企业标签"],
        ["甲科技有限公司", "91110000600037341L", "320214", "１３９１２３４５６７８", "专精特新"],
        ["乙科技有限公司", "91110000600037341M", "320214", None, None],
        ["丙公司", "９１１１００００６０００３７３４１Ｌ", "320214", None, None],
        [None, "91350100M000100Y43", "999999", None, None],
    ], title="2023 年试点企业名单")
    before = counts(ledger_store)
    plan = plan_import(ledger_store, "enterprises", path)
    assert plan.sheets[0].header_row == 3
    assert plan.counts == {"insert": 1, "update": 0, "unchanged": 0, "error": 3}
    assert messages(plan) == [
        "工作表「企业」第 5 行 B 列「统一社会信用代码」：统一社会信用代码校验位错误：应为 L，实为 M"
        "（早期试点地区的部分真实代码不符合国标，请核对营业执照）（如确认无误，导入时须填写忽略警告的理由）",
        "工作表「企业」第 6 行 B 列「统一社会信用代码」：统一社会信用代码 91110000600037341L 与第 4 行重复",
        "工作表「企业」第 7 行 A 列「企业名称」：必填项为空",
        "工作表「企业」第 7 行 C 列「所属区县代码」：行政区划代码 999999 不在 GB/T 2260 代码表中",
    ]
    with pytest.raises(InvalidInput) as exc:
        apply_import(ledger_store, plan)
    assert "有 3 行数据有误，未写入任何数据" in exc.value.message
    assert counts(ledger_store) == before


def test_accept_valid_and_warning_reason(ledger_store, tmp_path):
    path = workbook(tmp_path / "e.xlsx", "企业", [
        ["企业名称", "统一社会信用代码", "所属区县代码"],
        ["甲科技有限公司", "91110000600037341L", "320214"],
        ["乙科技有限公司", "91110000600037341M", "320214"],
        ["丙公司", "91350100M000100Y43", "999999"],
    ])
    before = counts(ledger_store)
    result = apply_import(ledger_store, plan_import(ledger_store, "enterprises", path), accept_valid=True)
    assert (result.inserted, result.skipped_invalid) == (1, 2)
    assert counts(ledger_store)["enterprise"] == before["enterprise"] + 1
    # the USCC warning accepted with a reason: stored like the form stores it
    plan = plan_import(ledger_store, "enterprises", path, accept_warnings_reason="营业执照核对无误")
    assert plan.counts == {"insert": 1, "update": 0, "unchanged": 1, "error": 1}
    apply_import(ledger_store, plan, accept_valid=True)
    row = ledger_store.one("SELECT uscc_override_reason FROM enterprise WHERE uscc = '91110000600037341M'")
    assert row[0] == "营业执照核对无误"
    # re-import without a reason: the stored acceptance stands, nothing changes
    again = plan_import(ledger_store, "enterprises", path)
    assert again.counts == {"insert": 0, "update": 0, "unchanged": 2, "error": 1}


# ----------------------------------------------------------------- IP rights


def test_ip_rights_bad_patent_check_digit(ledger_store, tmp_path):
    eid = enterprise(ledger_store, 0)
    path = workbook(tmp_path / "ip.xlsx", "专利", [
        ["权利人统一社会信用代码", "知识产权类型", "专利号", "专利名称", "申请日"],
        [VALID_USCC[0], "发明", "ZL 2017 1 0601862.3", "一种芯片封装结构", "2017.7.20"],
        [VALID_USCC[0], "发明专利", "201710601862.4", "错位", "2017-07-20"],
        [VALID_USCC[1], "实用新型", "201320000001.7", "", ""],
    ])
    before = counts(ledger_store)
    plan = plan_import(ledger_store, "ip_rights", path)
    assert messages(plan) == [
        "工作表「专利」第 3 行 C 列「专利号」：专利号校验位错误：应为 3，实为 4",
        f"工作表「专利」第 4 行 A 列「权利人统一社会信用代码」：统一社会信用代码 {VALID_USCC[1]} "
        "的企业尚未登记：请先导入或登记该企业",
    ]
    assert plan.rows[0].action == "insert" and plan.rows[0].write["enterprise_id"] == eid
    assert plan.rows[0].write["number"] == "201710601862.3"
    assert plan.rows[0].write["filing_date"] == "2017-07-20"
    with pytest.raises(InvalidInput):
        apply_import(ledger_store, plan)
    assert counts(ledger_store) == before


# ----------------------------------------------------------------- policies


def _policy_ledger(store) -> int:
    eid = enterprise(store, 0)
    enterprise(store, 1, name="闽光新材料有限公司")
    patent(store, eid)
    return eid


POLICY_HEADER = ["序号", "保单号", "投保人", "统一社会信用代码", "险种", "承保公司", "保险金额（万元）",
                 "保费（元）", "起保日期", "保险止期", "承保专利"]


def _messy_policies(tmp_path: Path) -> Path:
    return workbook(tmp_path / "保单.xlsx", "保单", [
        POLICY_HEADER,
        [1, "picc 2023 001", "无锡燊堃科技有限公司0", VALID_USCC[0], "专利执行保险",
         "人保财险60%、平安产险40%", "５０", "¥15,000.00", "2023.1.1", "2023年12月31日", "ZL201710601862.3"],
        [2, "PICC2023002", "闽光新材料有限公司", None, "专利执行保险", "太保产险", 30,
         "１２０００", dt.date(2023, 3, 1), 45351, None],
        [3, "PICC2023003", "无锡燊堃科技有限公司0", "91110000600037341M", "专利执行保险", "人保", 30,
         "abc", "2023/2/30", "2024-02-28", None],
        [4, "PICC2023002", "无锡燊堃科技有限公司0", VALID_USCC[0], "不存在的险种", "人保财险", 30,
         9000, "2023-01-01", "2022-12-31", "201310699744.2"],
    ], title="2023 年保单台账")


def test_policies_messy_exact_errors(ledger_store, tmp_path):
    _policy_ledger(ledger_store)
    before = counts(ledger_store)
    plan = plan_import(ledger_store, "policies", _messy_policies(tmp_path))
    assert plan.counts == {"insert": 2, "update": 0, "unchanged": 0, "error": 2}
    assert messages(plan) == [
        "工作表「保单」第 6 行 D 列「统一社会信用代码」：统一社会信用代码 91110000600037341M 的企业尚未登记：请先导入或登记该企业",
        "工作表「保单」第 6 行 F 列「承保公司」：保险机构“人保”不在机构目录中",
        "工作表「保单」第 6 行 H 列「保费（元）」：无法识别的金额“abc”",
        "工作表「保单」第 6 行 I 列「起保日期」：日期不存在：“2023/2/30”",
        "工作表「保单」第 7 行 B 列「保单号」：保单号 PICC2023002 与第 5 行重复",
        "工作表「保单」第 7 行 E 列「险种」：险种“不存在的险种”不在险种目录中",
        "工作表「保单」第 7 行 J 列「保险止期」：保险期间终止日（2022-12-31）应晚于起始日（2023-01-01）",
        "工作表「保单」第 7 行 K 列「承保专利」：承保知识产权 201310699744.2 未登记在该企业名下：请先导入知识产权",
    ]
    with pytest.raises(InvalidInput):
        apply_import(ledger_store, plan)
    assert counts(ledger_store) == before
    result = apply_import(ledger_store, plan, accept_valid=True)
    assert (result.inserted, result.skipped_invalid) == (2, 2)
    rows = {r["policy_no"]: dict(r) for r in ledger_store.rows("SELECT * FROM policy")}
    first, second = rows["PICC2023001"], rows["PICC2023002"]
    assert (first["sum_insured_fen"], first["premium_fen"], first["premium_paid_fen"]) == (50_000_000, 15_000_00, 15_000_00)
    assert (first["start_date"], first["end_date"]) == ("2023-01-01", "2023-12-31")
    assert (second["sum_insured_fen"], second["premium_fen"]) == (30_000_000, 12_000_00)
    assert (second["start_date"], second["end_date"]) == ("2023-03-01", "2024-02-29")
    shares = ledger_store.rows("SELECT insurer_id, share_bp, is_lead FROM policy_insurer WHERE policy_id = ? "
                               "ORDER BY share_bp DESC", (first["id"],))
    assert [tuple(r) for r in shares] == [(1, 6000, 1), (2, 4000, 0)]
    assert ledger_store.scalar("SELECT count(*) FROM policy_ip_right WHERE policy_id = ?", (first["id"],)) == 1


def test_idempotent_and_update_with_audit(ledger_store, tmp_path):
    _policy_ledger(ledger_store)
    path = _messy_policies(tmp_path)
    apply_import(ledger_store, plan_import(ledger_store, "policies", path), accept_valid=True)
    before = counts(ledger_store)
    again = plan_import(ledger_store, "policies", path)
    assert again.counts == {"insert": 0, "update": 0, "unchanged": 2, "error": 2}
    apply_import(ledger_store, again, accept_valid=True)
    assert counts(ledger_store) == before
    # change one premium: one update with old and new values in the audit log
    wb = openpyxl.load_workbook(path)
    wb["保单"]["H4"] = 16000
    wb.save(path)
    plan = plan_import(ledger_store, "policies", path)
    assert plan.counts == {"insert": 0, "update": 1, "unchanged": 1, "error": 2}
    changed = next(r for r in plan.rows if r.action == "update")
    assert changed.changes == {"premium_fen": (15_000_00, 16_000_00)}
    apply_import(ledger_store, plan, accept_valid=True)
    after = counts(ledger_store)
    assert after["audit_log"] == before["audit_log"] + 1 and after["policy"] == before["policy"]
    entry = ledger_store.one("SELECT op, table_name, old_values, new_values FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert (entry["op"], entry["table_name"]) == ("UPDATE", "policy")
    assert json.loads(entry["old_values"])["premium_fen"] == 15_000_00
    assert json.loads(entry["new_values"])["premium_fen"] == 16_000_00
    assert json.loads(entry["new_values"])["revision"] == 2


def test_stale_plan_and_cancel(ledger_store, tmp_path):
    _policy_ledger(ledger_store)
    path = _messy_policies(tmp_path)
    plan = plan_import(ledger_store, "policies", path)
    enterprise(ledger_store, 2)  # the ledger changes after the check
    with pytest.raises(Refused, match="重新检查"):
        apply_import(ledger_store, plan, accept_valid=True)
    before = counts(ledger_store)
    seen: list[float] = []
    plan = plan_import(ledger_store, "policies", path, progress=seen.append)
    assert seen[-1] == 1.0
    with pytest.raises(Refused, match="已取消"):
        apply_import(ledger_store, plan, accept_valid=True, cancel=lambda: True)
    with pytest.raises(Refused, match="已取消"):
        plan_import(ledger_store, "policies", path, cancel=lambda: True)
    assert counts(ledger_store) == before


def test_gbk_csv(ledger_store, tmp_path):
    path = tmp_path / "企业.csv"
    path.write_bytes("单位名称,信用代码,区县代码\r\n甲科技有限公司,91110000600037341L,320214\r\n".encode("gbk"))
    result = apply_import(ledger_store, plan_import(ledger_store, "enterprises", path))
    assert result.inserted == 1
    assert ledger_store.scalar("SELECT name FROM enterprise") == "甲科技有限公司"


def test_example_rows_are_skipped():
    assert is_example_row(["示例", "无锡某某科技有限公司"])
    assert is_example_row([None, "  【示例】 ", 1])
    assert not is_example_row(["示例科技有限公司", "x"])


def test_subsidies_import_through_the_service(ledger_store, tmp_path):
    """Subsidy applications are importable (tests/ledger/test_import_subsidies.py has the rest)."""
    path = workbook(tmp_path / "s.xlsx", "补贴", [["保单号", "实缴保费"], ["P1", 100]])
    plan = plan_import(ledger_store, "subsidies", path)
    assert messages(plan) == [
        "工作表「补贴」第 2 行 A 列「保单号」：保单号 P1 尚未登记：请先导入保单",
        "工作表「补贴」第 2 行：台账中尚无试点项目：请先在“补贴”中设置试点项目（规则、申报期），再导入补贴申报",
        "工作表「补贴」第 2 行：新增补贴申报须填写申报日期（决定排队先后和是否在申报期内）",
    ]


# ----------------------------------------------------------------- parity of the bulk paths


def test_fast_normaliser_matches_normalise_row(tmp_path):
    sheet = read_table(_messy_policies(tmp_path), "policies")
    fast = RowNormaliser(sheet.header_map.kind, sheet.header_map, sheet.sheet)
    for excel_row, values in sheet.rows:
        for _ in range(2):  # second pass answers from the memo
            assert fast(values, excel_row) == normalise_row("policies", sheet.header_map, values,
                                                             sheet=sheet.sheet, excel_row=excel_row)


@pytest.mark.parametrize("change", [
    {}, {"premium_fen": 200_000_001}, {"premium_paid_fen": 3_000_000}, {"end_date": "2022-01-01"},
    {"signed_date": "2023-02-30"}, {"status": "作废"}, {"policy_no": "DUP-1"}, {"sum_insured_fen": -1},
    {"insurers": (InsurerShare(1, 5000, True), InsurerShare(2, 4000))},
    {"insurers": (InsurerShare(1, 5000, True), InsurerShare(1, 5000))},
])
def test_policy_issues_match_check_policy(ledger_store, change):
    from factories import policy

    eid = enterprise(ledger_store, 0)
    policy(ledger_store, eid, "DUP-1")
    base = PolicyInput(policy_no="NEW-1", enterprise_id=eid, product_id=1, sum_insured_fen=100_000_000,
                       premium_fen=2_000_000, premium_paid_fen=2_000_000, start_date="2023-01-01",
                       end_date="2024-01-01", insurers=(InsurerShare(1, 10000, True),))
    inp = PolicyInput(**{**base.__dict__, **change})
    values = {k: getattr(inp, k) for k in ("policy_no", "sum_insured_fen", "premium_fen", "premium_paid_fen",
                                           "start_date", "end_date", "signed_date", "status")}
    shares = tuple((s.insurer_id, s.share_bp, s.is_lead, s.branch) for s in inp.insurers)
    fast = policy_issues(NaturalKeys(ledger_store), values, shares, None)
    assert [(i.field, i.code, i.message) for i in fast] == \
        [(i.field, i.code, i.message) for i in check_policy(ledger_store, inp)]


# ----------------------------------------------------------------- scale


@pytest.mark.slow
def test_50k_rows_one_bad_nothing_written(ledger_store, tmp_path):
    enterprise(ledger_store, 0)
    path = tmp_path / "big.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("保单")
    ws.append(["保单号", "统一社会信用代码", "投保人", "险种", "保险机构", "保险金额", "保费", "保险起期", "保险止期"])
    for i in range(50_000):
        premium = "12,3OO" if i == 31_337 else 1000 + i % 500
        ws.append([f"BIG{i:06d}", VALID_USCC[0], "无锡燊堃科技有限公司0", "专利执行保险", "人保财险",
                   100_000, premium, "2023-01-01", "2024-01-01"])
    wb.save(path)
    before = counts(ledger_store)
    started = time.perf_counter()
    plan = plan_import(ledger_store, "policies", path)
    with pytest.raises(InvalidInput):
        apply_import(ledger_store, plan)
    elapsed = time.perf_counter() - started
    assert messages(plan) == ["工作表「保单」第 31339 行 G 列「保费」：无法识别的金额“12,3OO”"]
    assert plan.counts["insert"] == 49_999
    assert counts(ledger_store) == before
    assert elapsed < 30, f"50,000 行检查用时 {elapsed:.1f} 秒"


def test_bulk_cache_is_restored_after_the_write(ledger_store):
    from ledger.store import import_sql

    conn = ledger_store.conn
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == import_sql.SQLITE_DEFAULT_CACHE
    with pytest.raises(RuntimeError), import_sql.bulk_cache(conn):
        assert conn.execute("PRAGMA cache_size").fetchone()[0] == import_sql.BULK_CACHE
        raise RuntimeError
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == import_sql.SQLITE_DEFAULT_CACHE


def test_fast_normaliser_matches_normalise_row_after_dropping_unique_memos(tmp_path):
    """Beyond MEMO_PROBE distinct values a unique column converts directly; same results."""
    from ledger.importing import fastrows

    n = fastrows.MEMO_PROBE * 2 + 10
    rows = [["保单号", "投保人", "保费", "保险起期", "保险止期", "保单状态", "保险机构"]]
    for i in range(n):
        bad = i % 997 == 3
        rows.append([f"P{i:06d}" if i % 50 else f" p  {i:06d}\u3000", "甲公司",
                     "12,3OO" if bad else (1000 + i if i % 3 else f"{1000 + i}.5"),
                     "2023-01-01" if i % 7 else dt.date(2023, 1, 2), "2024.1.1",
                     "有效" if i % 2 else "生效", "人保财险60%、平安产险40%" if i % 5 else "太保"])
    sheet = read_table(workbook(tmp_path / "多.xlsx", "保单", rows), "policies")
    fast = RowNormaliser(sheet.header_map.kind, sheet.header_map, sheet.sheet)
    for excel_row, values in sheet.rows:
        assert fast(values, excel_row) == normalise_row("policies", sheet.header_map, values,
                                                         sheet=sheet.sheet, excel_row=excel_row)
    memos = {c[1]: c[6] for c in fast.columns}
    assert memos["policy_no"] is None and memos["premium_fen"] is None  # unique: memo dropped
    assert len(memos["start_date"]) == 2 and len(memos["status"]) == 2  # repeating: kept
