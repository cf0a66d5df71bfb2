import itertools

from openpyxl import load_workbook

from ledger.money import chinese_capital
from reports.finance_workbook import HEADERS, SHEET, PaymentRow, build_finance_workbook
from reports.register_workbook import build_register_workbook
from reports.xlsx_style import MONEY_FORMAT, display_width


def _rows(n):
    return [PaymentRow(f"常州市鑫焱科技有限公司{i}", f"91320400MA{i:08d}", "中国银行常州分行",
                       f"6216{i:012d}", f"PZHX{i:06d}", "专利执行保险", "人保财险常州市分公司",
                       premium_fen=100_000 + i * 137, ratio_bp=5000, subsidy_fen=50_000 + i * 68,
                       explanation="实缴保费×50%", remark="") for i in range(n)]


def test_finance_workbook(tmp_path):
    rows = _rows(25)
    out = tmp_path / "f.xlsx"
    build_finance_workbook(rows, out, title="保费补贴资金拨付明细表", year=2025, batch="一",
                           summary_by_district=[{"name": "天宁区", "count": 25, "premium_fen": 1, "subsidy_fen": 2}],
                           summary_by_product=[{"name": "专利执行保险", "count": 25, "premium_fen": 1, "subsidy_fen": 2}])
    wb = load_workbook(out)
    ws = wb[SHEET]
    assert [c.value for c in ws[2]] == HEADERS
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:N27"
    assert ws.cell(3, 9).number_format == MONEY_FORMAT and ws.cell(3, 11).number_format == MONEY_FORMAT
    assert ws.cell(28, 11).value == "=SUM(K3:K27)" and ws.cell(28, 9).value == "=SUM(I3:I27)"
    for i, r in enumerate(rows):
        assert ws.cell(3 + i, 12).value == chinese_capital(r.subsidy_fen)
    assert ws.cell(28, 12).value == chinese_capital(sum(r.subsidy_fen for r in rows))
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$2"
    assert any("经办人" in str(c.value) for c in ws["A"] if c.value)
    assert ws.cell(3, 2).font.name == "宋体"
    assert ws.column_dimensions["B"].width >= display_width(rows[0].enterprise_name)
    assert wb["按区域汇总"].cell(4, 4).value == "=SUM(D3:D3)"


def test_register_workbook_100k(tmp_path):
    out = tmp_path / "r.xlsx"
    n = 100_000
    gen = ((i, f"企业名称{i}", i * 101, "2025-01-01") for i in range(n))
    seen = []
    build_register_workbook([("保单台账", ["序号", "企业", "保费", "日期"], ["int", "text", "money_fen", "text"], gen)],
                            out, progress=seen.append, total_rows=n)
    assert seen[-1] == 1.0
    wb = load_workbook(out, read_only=True)
    ws = wb["保单台账"]
    first = list(itertools.islice(ws.iter_rows(values_only=True), 3))
    assert first[0] == ("序号", "企业", "保费", "日期")
    assert first[2][2] == 1.01
    wb.close()
    wb = load_workbook(out)
    ws = wb["保单台账"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:D{n + 1}"
    assert ws.cell(3, 3).number_format == MONEY_FORMAT
    assert ws.max_row == n + 1
