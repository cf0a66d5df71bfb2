import os
import re
import sys

import pytest
from pypdf import PdfReader

import reports
from ledger.errors import LedgerError
from ledger.money import format_wan, format_yuan, prose_amount
from reports.annual_report import AnnualReportData, build_annual_pdf
from reports.case_report import CaseData, build_case_pdf
from reports.typography import check_lines
from tests.reports.sample_data import sample_data, sample_stats
from tests.reports.seed_cases import load_seed_cases


def _assert_embedded(pdffonts, path):
    rows = pdffonts(path)
    assert rows
    for r in rows:
        assert r[-5] == "yes", r  # emb column
        assert "STSong" not in r[0] and "Helvetica" not in r[0]


def test_seed_cases_fixture():
    cases = load_seed_cases()
    assert [c.number for c in cases] == list(range(1, 10))
    assert cases[0].region == "北京市" and cases[1].clause_type == "保证保险"


def test_case_pdf_format(tmp_path, pdftext, pdffonts):
    cases = load_seed_cases()
    cases.append(CaseData(number=10, title="空白案例"))
    out = tmp_path / "cases.pdf"
    build_case_pdf(cases, out)
    text = pdftext(out)
    _assert_embedded(pdffonts, out)
    flat = re.sub(r"\s+", "", text)
    for c in cases:
        start = flat.index(f"案例{c.number}：")
        order = ["一、案例信息", "（一）相关地区", "（二）相关主体", "（三）保险产品", "（四）条款归属",
                 "（五）知识产权类型", "（六）相关保险机构", "二、基本情况", "三、创新点", "四、实施效果"]
        pos = [flat.index(s, start) for s in order]
        assert pos == sorted(pos)
    tail = flat[flat.index("案例10：空白案例"):]
    assert tail.count("未填写") == 9
    assert "437家冠军及中小企业的4521件专利" in flat
    lines = [ln for ln in text.splitlines() if "第" not in ln or "页" not in ln]
    assert check_lines(lines, numbers=False) == []


def test_annual_report_numbers_sections_fonts(tmp_path, pdftext, pdffonts):
    data = sample_data(load_seed_cases()[:2])
    out = tmp_path / "annual.pdf"
    fractions = []
    build_annual_pdf(data, out, progress=fractions.append)
    assert fractions[-1] == 1.0 and fractions == sorted(fractions)
    _assert_embedded(pdffonts, out)
    text = pdftext(out)
    flat = re.sub(r"\s+", "", text)
    assert "《常州市知识产权保险试点工作年度报告（2025）》" in flat
    assert "2026年11月25日" in flat
    heads = ["一、总体情况", "二、分险种情况", "三、分区域情况", "四、保险机构情况",
             "五、保费补贴资金使用情况", "六、理赔情况", "七、典型案例", "附录一企业名单", "附录二保单清单"]
    body = flat[flat.index("第2页共"):]
    pos = [body.index(h) for h in heads]
    assert pos == sorted(pos)
    assert prose_amount(data.sum_insured_fen).replace(" ", "") in flat
    assert f"累计为{data.enterprises}家企业的{data.ip_rights}件" in flat
    assert format_yuan(data.subsidy_approved_fen) in flat
    for r in data.by_district:
        assert format_wan(r["sum_insured_fen"], grouping=True) in flat
    for r in data.policy_list[:5] + data.policy_list[-5:]:
        assert r["policy_no"] in flat and format_yuan(r["sum_insured_fen"]) in flat
    assert "较上年增长" in flat
    assert re.search(r"第\d+页共(\d+)页", flat).group(1) == str(len(PdfReader(out).pages))
    lines = [ln for ln in text.splitlines()]
    assert check_lines(lines, numbers=False) == []


def test_empty_year(tmp_path, pdftext):
    out = tmp_path / "empty.pdf"
    build_annual_pdf(AnnualReportData(year=2030, bureau_name="某市知识产权局"), out)
    flat = re.sub(r"\s+", "", pdftext(out))
    assert "本年度暂无试点数据" in flat and "图1" not in flat


def test_cancel_removes_partial(tmp_path):
    out = tmp_path / "c.pdf"
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 30

    with pytest.raises(reports.Cancelled):
        build_annual_pdf(sample_data(), out, cancel=cancel)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores permissions")
def test_unwritable(tmp_path):
    d = tmp_path / "ro"
    d.mkdir()
    d.chmod(0o500)
    with pytest.raises(LedgerError, match="无法写入报告文件.*权限不足"):
        build_case_pdf(load_seed_cases()[:1], d / "x.pdf")


def test_missing_folder(tmp_path):
    with pytest.raises(LedgerError, match="无法写入报告文件"):
        build_case_pdf(load_seed_cases()[:1], tmp_path / "nope" / "x.pdf")


def test_from_stats_ignores_unknown_keys():
    d = AnnualReportData.from_stats({**sample_stats(), "extra": 1})
    assert d.year == 2025 and d.cases == []


def test_total_row_prints_its_label(tmp_path, pdftext):
    from reportlab.platypus import SimpleDocTemplate

    from reports.fonts import register_fonts
    from reports.tables import make_table

    register_fonts()
    out = tmp_path / "total.pdf"
    rows = [["新吴区", 3, "1,200.00"], ["梁溪区", 2, "300.00"]]
    SimpleDocTemplate(str(out)).build([
        make_table(["区域", "企业（家）", "保险金额（万元）"], rows, ["text", "num", "num"], width=400,
                   total=["", 5, "1,500.00"]),
        make_table(["企业", "金额"], [r[:2] for r in rows], ["text", "num"], width=400, seq=False,
                   total=["共计", "5"])])
    lines = [re.sub(r"\s+", "", ln) for ln in pdftext(out).splitlines()]
    assert "合计51,500.00" in lines  # label in the 序号 span, then the figures
    assert "共计5" in lines


def test_total_row_fits_its_columns_in_bold():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from reports.fonts import HEI_BOLD, register_fonts
    from reports.tables import make_table

    register_fonts()
    rows = [[f"区{i}", "1", "80.00"] for i in range(900)]  # the total row is past the rows sampled
    total = ["", "13820", "7,011,400.00"]
    t = make_table(["区域", "企业（家）", "保险金额（万元）"], rows, ["text", "num", "num"], width=400, total=total)
    for col, text in ((2, total[1]), (3, total[2])):
        assert t._colWidths[col] >= stringWidth(text, HEI_BOLD, 9) + 8


def test_policy_appendix_on_landscape_pages(tmp_path, pdftext):
    data = sample_data([])
    out = tmp_path / "annual.pdf"
    build_annual_pdf(data, out)
    reader = PdfReader(out)
    start = next(i for i, p in enumerate(reader.pages) if "试点保单清单" in (p.extract_text() or ""))
    for i, page in enumerate(reader.pages):
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert (w > h) == (i >= start), (i, w, h)
    text = re.sub(r"\s+", "", pdftext(out))
    assert all(r["policy_no"] in text for r in data.policy_list)
