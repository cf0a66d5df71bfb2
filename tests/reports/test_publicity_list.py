"""公示 list: PDF (landscape A4) and xlsx read back — rows, totals, title, 公示期, footer."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from ledger.money import chinese_capital, format_yuan
from ledger.services.subsidies import SubsidyInput, create_application
from ledger.services.subsidy_workflow import publish_many, review_many
from reports.publicity_list import (
    PublicityData,
    PublicityRow,
    build_publicity_pdf,
    build_publicity_xlsx,
    export_publicity,
)
from tests.desktop.subsidy_data import as_user, enterprises_and_policies, programme, with_users

ROWS = [PublicityRow(f"无锡测试科技有限公司{n}", "91320214MA1XXXXX0" + str(n), f"PZIP2025{n:06d}", "专利执行保险",
                     1_000_000 + n * 12_345, 5000, (1_000_000 + n * 12_345) // 2) for n in range(1, 41)]
DATA = PublicityData("无锡市知识产权保险保费补贴试点（2025年度）", 2025, ROWS, "2025-05-06", "2025-05-12",
                     "无锡市知识产权局", "2025年5月6日")


def _pdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages).replace(" ", "")


def test_pdf_has_title_period_rows_totals_and_footer(tmp_path):
    path = build_publicity_pdf(DATA, tmp_path / "公示.pdf")
    reader = PdfReader(str(path))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    text = _pdf_text(path)
    assert "《无锡市知识产权保险保费补贴试点（2025年度）拟资助名单公示》" in text
    assert "公示期：2025年5月6日至2025年5月12日" in text
    for r in ROWS:
        assert r.enterprise_name in text and r.policy_no in text and format_yuan(r.amount_fen) in text
    total = sum(r.amount_fen for r in ROWS)
    assert format_yuan(total) in text and format_yuan(sum(r.premium_paid_fen for r in ROWS)) in text
    assert "合计" in text and "40户" in text and chinese_capital(total) in text
    assert "异议" in text and "无锡市知识产权局" in text
    assert "共2页" in text or "共3页" in text


def test_xlsx_rows_and_totals(tmp_path):
    path = build_publicity_xlsx(DATA, tmp_path / "公示.xlsx")
    ws = load_workbook(path).active
    assert ws["A1"].value == DATA.title and "2025年5月6日" in ws["A2"].value
    assert [c.value for c in ws[3]] == ["序号", "企业名称", "统一社会信用代码", "保单号", "险种", "实缴保费（元）",
                                        "补贴比例", "拟补贴金额（元）"]
    body = [[c.value for c in row] for row in ws.iter_rows(min_row=4, max_row=3 + len(ROWS))]
    assert [r[1] for r in body] == [r.enterprise_name for r in ROWS]
    assert [Decimal(str(r[7])) for r in body] == [Decimal(r.amount_fen) / 100 for r in ROWS]
    assert all(r[6] == 0.5 for r in body)
    total_row = 4 + len(ROWS)
    assert ws.cell(total_row, 1).value == "合计" and ws.cell(total_row, 8).value == f"=SUM(H4:H{total_row - 1})"
    assert chinese_capital(sum(r.amount_fen for r in ROWS)) in ws.cell(total_row + 1, 1).value


@pytest.fixture
def published(ledger_store):
    s = ledger_store
    with_users(s)
    g = programme(s)
    pols = enterprises_and_policies(s, [2_000_000, 3_000_000, 1_500_000])
    as_user(s, "jingban")
    ids = [create_application(s, SubsidyInput(g, p, prem, "2025-03-01")).id
           for p, prem in zip(pols, [2_000_000, 3_000_000, 1_500_000], strict=True)]
    as_user(s, "shenhe1")
    review_many(s, ids, "first_review")
    as_user(s, "shenhe2")
    review_many(s, ids, "second_review")
    publish_many(s, ids[:2], start="2025-05-06", end="2025-05-12")  # the third stays in 复核
    return s, g


def test_export_from_ledger_pdf_and_xlsx(published, tmp_path):
    s, g = published
    pdf = export_publicity(s, g, tmp_path / "a.pdf", "pdf")
    text = _pdf_text(pdf)
    assert "测试科技有限公司0" in text and "测试科技有限公司1" in text and "测试科技有限公司2" not in text
    assert "10,000.00" in text and "15,000.00" in text and "25,000.00" in text  # rows and total
    assert "公示期：2025年5月6日至2025年5月12日" in text
    xlsx = export_publicity(s, g, tmp_path / "a.xlsx", "xlsx")
    ws = load_workbook(xlsx).active
    assert [ws.cell(r, 8).value for r in (4, 5)] == [Decimal("10000"), Decimal("15000")] or \
        [ws.cell(r, 8).value for r in (4, 5)] == [10000, 15000]
    assert ws.cell(6, 1).value == "合计"
    kinds = [r[0] for r in s.rows("SELECT new_values FROM audit_log WHERE op = 'EXPORT'")]
    assert any("publicity_pdf" in k for k in kinds) and any("publicity_xlsx" in k for k in kinds)
