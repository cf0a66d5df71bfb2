"""Reports fed from a real (demo) ledger: every printed figure equals ``ipdesk stats``."""

from __future__ import annotations

import itertools
import json
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from ledger.money import chinese_capital, format_ratio_bp, format_wan, format_yuan, prose_amount
from ledger.services import report_data
from ledger.services.cases import CaseInput, create_case
from ledger.services.opening import open_ledger
from ledger.store import records
from reports import ledger_reports
from reports.finance_workbook import SHEET
from reports.typography import check_lines
from tests.ledger import factories
from tests.reports.demo_ledger import CASE_YEAR, demo_db, stats_json

SECTION_ORDER = ["一、案例信息", "（一）相关地区", "（二）相关主体", "（三）保险产品", "（四）条款归属",
                 "（五）知识产权类型", "（六）相关保险机构", "二、基本情况", "三、创新点", "四、实施效果"]


@pytest.fixture
def demo(tmp_path):
    path = demo_db(tmp_path)
    store = open_ledger(path)  # actor 'system', as the CLI: read-only actions incl. export
    yield path, store
    store.close()


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _change(cur: int, prev: int) -> str:
    """Independent year-on-year wording: per-mille half-up, one decimal."""
    tenth = (Decimal(abs(cur - prev)) * 1000 / prev).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    word = "增长" if cur > prev else "下降"
    return f"较上年{word}{int(tenth) // 10}.{int(tenth) % 10}%"


def _assert_embedded(pdffonts, path):
    rows = pdffonts(path)
    assert rows
    for r in rows:
        assert r[-5] == "yes", r  # emb


def _case_sections_in_order(flat: str, numbers: list[int]) -> None:
    starts = [flat.index(f"案例{n}：") for n in numbers]
    assert starts == sorted(starts)
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(flat)
        pos = [flat.index(s, start, end) for s in SECTION_ORDER]
        assert pos == sorted(pos)


def test_annual_pdf_figures_equal_stats(demo, tmp_path, pdftext, pdffonts):
    path, store = demo
    year = CASE_YEAR
    s = stats_json(path, "--year", str(year))
    everything = stats_json(path)
    out = ledger_reports.annual_report(store, year, tmp_path / "annual.pdf")
    text = pdftext(out)
    flat = _flat(text)
    _assert_embedded(pdffonts, out)

    assert "《无锡市知识产权保险试点工作年度报告（2022）》" in flat
    assert "无锡市知识产权局" in flat
    # 一、总体情况 — prose in the white paper's style
    assert f"累计为{s['enterprises']}家企业的{s['ip_rights']}件" in flat
    assert f"提供了{prose_amount(s['sum_insured_fen'])}风险保障".replace(" ", "") in flat
    assert re.search(r"\d+(\.\d+)?亿元", prose_amount(s["sum_insured_fen"]).replace(" ", ""))
    assert f"承保保单{s['policies']}件" in flat
    assert f"保费合计{prose_amount(s['premium_fen'])}".replace(" ", "") in flat
    assert f"核定保费补贴{prose_amount(s['subsidy_approved_fen'])}".replace(" ", "") in flat
    prev = next(r for r in everything["by_year"] if r["year"] == year - 1)
    assert f"保险金额{_change(s['sum_insured_fen'], prev['sum_insured_fen'])}" in flat
    assert f"服务企业数量{_change(s['enterprises'], prev['enterprises'])}" in flat
    total = sum(r["sum_insured_fen"] for r in everything["by_year"] if r["year"] <= year)
    yi, rest = divmod(total, 10_000_000_000)
    assert f"自2020年试点开展以来，累计提供风险保障{'逾' if rest else ''}{yi}亿元" in flat
    for r in s["by_ip_type"]:
        assert format_wan(r["sum_insured_fen"], grouping=True) in flat
    # 三、分区域 — every district's sum insured in 万元 and the table total
    for r in s["by_district"]:
        assert format_wan(r["sum_insured_fen"], grouping=True) in flat
    total_row = (f"{sum(r['enterprises'] for r in s['by_district'])}{s['policies']}"
                 f"{format_wan(s['sum_insured_fen'], grouping=True)}{format_wan(s['premium_fen'], grouping=True)}")
    assert total_row in flat
    # 五、补贴 and 六、理赔
    assert (f"核定保费补贴{format_yuan(s['subsidy_approved_fen'])}元，"
            f"已拨付{format_yuan(s['subsidy_paid_fen'])}元") in flat
    assert (f"共发生理赔{s['claims']}件，已决赔款{prose_amount(s['claims_paid_fen'])}，"
            f"赔付率为{format_ratio_bp(s['loss_ratio_bp'])}").replace(" ", "") in flat
    for r in s["by_insurer"]:
        assert format_wan(r["premium_fen"], grouping=True) in flat
    # 七、典型案例 in the annex format, in order
    numbers = [r[0] for r in store.conn.execute(
        "SELECT number FROM case_study WHERE year = ? ORDER BY number", (year,))]
    assert numbers
    body = flat[flat.index("七、典型案例", flat.index("第2页共")):]
    _case_sections_in_order(body, numbers)
    # appendices: every policy of the year, its sum insured in yuan
    assert "附录一企业名单" in body and "附录二保单清单" in body
    for (no, fen) in store.conn.execute(
            "SELECT policy_no, sum_insured_fen FROM policy WHERE start_date LIKE ? ORDER BY id", (f"{year}-%",)):
        assert no in flat and format_yuan(fen) in flat
    assert re.search(r"第\d+页共(\d+)页", flat).group(1) == str(len(PdfReader(out).pages))
    assert check_lines(text.splitlines(), numbers=False) == []


def test_case_reports_sections_fonts_and_missing_fields(demo, tmp_path, pdftext, pdffonts):
    path, store = demo
    out = ledger_reports.cases_report(store, CASE_YEAR, tmp_path / "cases.pdf")
    text = pdftext(out)
    flat = _flat(text)
    numbers = [r[0] for r in store.conn.execute(
        "SELECT number FROM case_study WHERE year = ? ORDER BY number", (CASE_YEAR,))]
    _case_sections_in_order(flat, numbers)
    assert "未填写" not in flat  # the demo's cases are complete
    _assert_embedded(pdffonts, out)
    assert check_lines(text.splitlines(), numbers=False) == []

    blank = create_case(store, CaseInput(number=20, year=2025, title="空白案例")).id
    single = _flat(pdftext(ledger_reports.case_report(store, blank, tmp_path / "blank.pdf")))
    _case_sections_in_order(single, [20])
    assert single.count("未填写") == 9


def test_case_fields_filled_from_linked_records(demo, tmp_path, pdftext):
    path, store = demo
    pol = store.conn.execute(
        "SELECT p.id, p.enterprise_id, e.name, e.district_code, pd.name FROM policy p "
        "JOIN enterprise e ON e.id = p.enterprise_id JOIN product pd ON pd.id = p.product_id "
        "WHERE (SELECT count(*) FROM policy_insurer WHERE policy_id = p.id) = 2 "
        "AND (SELECT count(*) FROM policy_ip_right WHERE policy_id = p.id) >= 1 ORDER BY p.id LIMIT 1").fetchone()
    assert pol is not None
    insurers = [r[0] for r in store.conn.execute(
        "SELECT i.full_name FROM policy_insurer pi JOIN insurer i ON i.id = pi.insurer_id "
        "WHERE pi.policy_id = ? ORDER BY pi.is_lead DESC, pi.share_bp DESC", (pol[0],))]
    types = {r[0] for r in store.conn.execute(
        "SELECT r.ip_type FROM policy_ip_right pr JOIN ip_right r ON r.id = pr.ip_right_id WHERE pr.policy_id = ?",
        (pol[0],))}
    case_id = create_case(store, CaseInput(number=21, year=2025, title="关联案例", background="背景。",
                                           policy_id=pol[0])).id
    d = report_data.case_inputs(store, case_id)
    from ledger.validation import region_name

    assert d["parties"] == pol[2] and d["product"] == pol[4] and d["region"] == region_name(pol[3])
    assert d["insurers"] == "、".join(insurers)
    assert set(d["ip_types"].split("、")) == types
    assert d["clause_type"] == "" and d["innovation"] == ""
    flat = _flat(pdftext(ledger_reports.case_report(store, case_id, tmp_path / "linked.pdf")))
    assert f"（二）相关主体：{pol[2]}" in flat and f"（六）相关保险机构：{'、'.join(insurers)}" in flat
    assert "（四）条款归属：未填写" in flat and flat.count("未填写") == 3  # clause, 创新点, 实施效果


def test_finance_workbook_totals_equal_ledger(demo, tmp_path):
    path, store = demo
    year = 2024
    s = stats_json(path, "--year", str(year))
    out = ledger_reports.finance_workbook(store, year, tmp_path / "finance.xlsx")
    ws = load_workbook(out)[SHEET]
    rows = [r for r in ws.iter_rows(min_row=3, values_only=True) if isinstance(r[0], int)]
    total_row = next(i for i in range(3, ws.max_row + 1) if ws.cell(i, 1).value == "合计")
    assert total_row == 3 + len(rows)
    assert ws.cell(total_row, 11).value == f"=SUM(K3:K{total_row - 1})"
    # the payment list: applications approved for payment or paid (批准, 拨付) of the programme year
    ledger_sum = store.conn.execute(
        "SELECT sum(s.approved_fen), count(*) FROM subsidy_application s JOIN programme g ON g.id = s.programme_id "
        "WHERE g.year = ? AND s.state IN ('批准', '拨付')", (year,)).fetchone()
    recovered = store.conn.execute(
        "SELECT coalesce(sum(s.approved_fen), 0) FROM subsidy_application s JOIN programme g "
        "ON g.id = s.programme_id WHERE g.year = ? AND s.state = '追回'", (year,)).fetchone()[0]
    assert len(rows) == ledger_sum[1]
    cells_fen = sum(int(Decimal(str(r[10])) * 100) for r in rows)
    assert cells_fen == ledger_sum[0]
    assert cells_fen + recovered == s["subsidy_approved_fen"]  # stats' 核定 also counts clawed-back ones
    assert ws.cell(total_row, 12).value == chinese_capital(ledger_sum[0])
    assert any(chinese_capital(ledger_sum[0]) in str(c.value) for c in ws["A"] if c.value)
    for r in rows:  # each row's 大写 matches its amount; 50 % demo rule
        fen = int(Decimal(str(r[10])) * 100)
        assert r[11] == chinese_capital(fen) and r[9] == 0.5
    # one payment batch only
    batch = store.conn.execute(
        "SELECT payment_batch, count(*), sum(approved_fen) FROM subsidy_application s JOIN programme g "
        "ON g.id = s.programme_id WHERE g.year = ? AND s.state IN ('批准', '拨付') AND payment_batch != '' "
        "GROUP BY 1 ORDER BY 2 DESC LIMIT 1", (year,)).fetchone()
    out = ledger_reports.finance_workbook(store, year, tmp_path / "batch.xlsx", batch=batch[0])
    ws = load_workbook(out)[SHEET]
    assert f"第{batch[0]}批" in ws.cell(1, 1).value
    rows = [r for r in ws.iter_rows(min_row=3, values_only=True) if isinstance(r[0], int)]
    assert len(rows) == batch[1]
    assert sum(int(Decimal(str(r[10])) * 100) for r in rows) == batch[2]


@pytest.mark.parametrize("fen, words", [(5, "伍分"), (1_000, "壹拾元整"), (10_000_000_010, "壹亿元零壹角"),
                                        (100_000_100, "壹佰万零壹元整")])
def test_capital_amount_edge_cases_in_workbook(ledger_store, tmp_path, fen, words):
    store = ledger_store
    assert chinese_capital(fen) == words
    ent = factories.enterprise(store, 0)
    pol = factories.policy(store, ent, "PZIP2030000001", premium=max(fen * 2, 100), start="2030-02-01",
                           sum_insured=max(fen * 20, 100_000_000),
                           end="2031-01-31")
    with store.write() as conn:
        prog, _ = records.insert(conn, "programme", {"name": "无锡市知识产权保险保费补贴试点（2030年度）",
                                                     "year": 2030, "region_code": "320200",
                                                     "budget_fen": 20_000_000_000})
        records.insert(conn, "subsidy_application", {
            "application_no": "BT203000001", "programme_id": prog, "policy_id": pol,
            "premium_paid_fen": max(fen * 2, 100), "computed_fen": fen, "approved_fen": fen, "paid_fen": fen,
            "state": "拨付", "submitted_at": "2030-03-01T09:00:00", "payment_batch": "2030-01",
            "explanation": "实缴保费 × 50%"})
    out = ledger_reports.finance_workbook(store, 2030, tmp_path / "edge.xlsx")
    wb = load_workbook(out)
    values = {str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None}
    assert words in values  # the row's 大写 and the total's
    assert f"核定补贴合计（大写）：{words}" in values
    assert "无锡市知识产权局保费补贴资金拨付明细表（2030年第2030-01批）" not in values  # no batch asked
    summary = wb["按区域汇总"]
    assert summary.cell(3, 2).value == "新吴区" and Decimal(str(summary.cell(3, 5).value)) * 100 == fen


def test_registers_workbook_sheets_and_counts(demo, tmp_path):
    path, store = demo
    out = ledger_reports.register_workbook(store, tmp_path / "registers.xlsx")
    wb = load_workbook(out, read_only=True)
    assert wb.sheetnames == ["企业台账", "知识产权台账", "保单台账", "保费补贴台账", "理赔台账"]
    tables = ["enterprise", "ip_right", "policy", "subsidy_application", "claim"]
    for ws, table in zip(wb.worksheets, tables, strict=True):
        n = sum(1 for _ in ws.iter_rows(values_only=True)) - 1
        assert n == records.count(store.conn, table), table
    head = next(wb["企业台账"].iter_rows(values_only=True))
    assert "银行账号" in head
    policies = wb["保单台账"]
    head, first = list(itertools.islice(policies.iter_rows(values_only=True), 2))
    row = store.conn.execute("SELECT policy_no, sum_insured_fen FROM policy ORDER BY id LIMIT 1").fetchone()
    assert first[0] == row[0] and Decimal(str(first[head.index("保险金额（元）")])) == Decimal(row[1]) / 100
    wb.close()


def test_registers_without_bank_permission(demo, tmp_path, monkeypatch):
    path, store = demo
    monkeypatch.setattr(report_data, "can_view_bank_accounts", lambda store: False)
    out = ledger_reports.register_workbook(store, tmp_path / "nobank.xlsx")
    wb = load_workbook(out, read_only=True)
    head = next(wb["企业台账"].iter_rows(values_only=True))
    assert "银行账号" not in head and "开户银行" not in head and head[-1] == "保单（件）"
    wb.close()


def test_exports_are_audited(demo, tmp_path):
    path, store = demo

    def exports():
        return [json.loads(r[0]) for r in store.conn.execute(
            "SELECT new_values FROM audit_log WHERE op = 'EXPORT' ORDER BY seq")]

    before = len(exports())
    ledger_reports.finance_workbook(store, 2023, tmp_path / "f.xlsx")
    ledger_reports.case_report(store, 1, tmp_path / "c.pdf")
    got = exports()[before:]
    assert [e["kind"] for e in got] == ["finance_workbook", "case_report"]
    assert got[0]["year"] == 2023 and got[0]["path"].endswith("f.xlsx")


def test_empty_year_is_a_short_report(demo, tmp_path, pdftext):
    path, store = demo
    out = ledger_reports.annual_report(store, 2031, tmp_path / "empty.pdf")
    flat = _flat(pdftext(out))
    assert "本年度暂无试点数据" in flat and len(PdfReader(out).pages) <= 2


def test_appendix_cap_keeps_totals(demo):
    path, store = demo
    d = report_data.annual_report_inputs(store, CASE_YEAR, appendix_limit=10)
    s = stats_json(path, "--year", str(CASE_YEAR))
    assert len(d["policy_list"]) == 11 and "从略" in d["policy_list"][-1]["enterprise_name"]
    assert d["policy_list"][-1]["policy_no"] == f"其余 {s['policies'] - 10:,} 件"
    assert sum(r["sum_insured_fen"] for r in d["policy_list"]) == s["sum_insured_fen"]
    assert sum(r["premium_fen"] for r in d["policy_list"]) == s["premium_fen"]
    assert len(d["enterprise_list"]) == 11
    assert sum(r["policies"] for r in d["enterprise_list"]) == s["policies"]
    full = report_data.annual_report_inputs(store, CASE_YEAR)  # a local year is printed in full
    assert len(full["policy_list"]) == s["policies"] and len(full["enterprise_list"]) == s["enterprises"]
    assert s["policies"] <= report_data.APPENDIX_FULL_MAX
