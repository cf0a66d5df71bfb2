"""Import templates (round trip, dropdowns, formats) and the error workbook read back."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ledger"))
from ledger.importing.columns import KINDS  # noqa: E402
from ledger.importing.writer import apply_import, plan_import  # noqa: E402
from reports.import_workbooks import write_error_workbook, write_template  # noqa: E402

from factories import VALID_USCC, enterprise  # noqa: E402


@pytest.mark.parametrize("kind", ["enterprises", "ip_rights", "policies", "subsidies", "claims"])
def test_template_layout(kind, tmp_path):
    out = write_template(kind, tmp_path / f"{kind}.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb[KINDS[kind].title]
    headers = [c.value for c in ws[1]]
    assert headers[0] == "序号"
    assert [h.lstrip("*").removesuffix("（元）") for h in headers[1:]] == [c.header for c in KINDS[kind].columns]
    assert ws["A2"].value == "示例" and ws.freeze_panes == "B2"
    guide = wb["填写说明"]
    assert [c.value for c in guide[4]] == ["列名", "是否必填", "格式", "可选值", "示例", "说明"]
    assert guide.max_row == 4 + len(KINDS[kind].columns)
    for n, col in enumerate(KINDS[kind].columns, start=2):
        cell = ws.column_dimensions[openpyxl.utils.get_column_letter(n)]
        if col.type == "amount":
            assert cell.number_format == '"¥"#,##0.00'
        elif col.type == "date":
            assert cell.number_format == "yyyy-mm-dd"
        elif col.type == "text":
            assert cell.number_format == "@"


def test_template_dropdowns(tmp_path):
    ws = openpyxl.load_workbook(write_template("ip_rights", tmp_path / "ip.xlsx"))["知识产权"]
    lists = sorted(dv.formula1 for dv in ws.data_validations.dataValidation)
    assert '"发明专利,实用新型,外观设计,商标,著作权,软件著作权,地理标志,植物新品种,集成电路布图设计,商业秘密"' in lists
    assert '"有效,审查中,失效,无效宣告中,已转让"' in lists


def test_template_round_trip(ledger_store, tmp_path):
    path = write_template("enterprises", tmp_path / "企业.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["企业"]
    ws.append([1, "无锡燊堃科技有限公司", VALID_USCC[0], "320214", "半导体", "专精特新、高新技术企业"])
    ws.append([2, "闽光新材料有限公司", VALID_USCC[1], "350102"])
    wb.save(path)
    plan = plan_import(ledger_store, "enterprises", path)
    assert plan.sheets[0].examples_skipped == 1
    assert plan.counts == {"insert": 2, "update": 0, "unchanged": 0, "error": 0}
    apply_import(ledger_store, plan)
    rows = ledger_store.rows("SELECT name, uscc, tags FROM enterprise ORDER BY id")
    assert [tuple(r) for r in rows] == [
        ("无锡燊堃科技有限公司", VALID_USCC[0], '["专精特新", "高新技术企业"]'),
        ("闽光新材料有限公司", VALID_USCC[1], "[]"),
    ]


def test_error_workbook_read_back(ledger_store, tmp_path):
    enterprise(ledger_store, 0)
    src = tmp_path / "保单.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "保单"
    ws.append(["保单台账"])
    ws.append(["保单号", "统一社会信用代码", "投保人", "险种", "保险机构", "保险金额", "保费", "保险起期", "保险止期"])
    ws.append(["P1", VALID_USCC[0], "无锡燊堃科技有限公司0", "专利执行保险", "人保财险", 100000, 1000,
               "2023-01-01", "2024-01-01"])
    ws.append(["P2", VALID_USCC[0], "无锡燊堃科技有限公司0", "专利执行保险", "人保", 100000, "abc",
               "2023-01-01", "2024-01-01"])
    wb.save(src)
    plan = plan_import(ledger_store, "policies", src)
    out = write_error_workbook(plan, tmp_path / "errors.xlsx")
    back = openpyxl.load_workbook(out)["保单"]
    assert back.freeze_panes == "A2"
    assert [c.value for c in back[1]][-2:] == ["原行号", "错误说明"]
    assert back.max_row == 3
    assert [c.value for c in back[2]][-2:] == [3, None]
    row = [c.value for c in back[3]]
    assert row[:2] == ["P2", VALID_USCC[0]] and row[-2] == 4
    assert row[-1] == ("工作表「保单」第 4 行 E 列「保险机构」：保险机构“人保”不在机构目录中；"
                       "工作表「保单」第 4 行 G 列「保费」：无法识别的金额“abc”")
    assert back["E3"].fill.fgColor.rgb.endswith("FFC7CE") and back["G3"].fill.fgColor.rgb.endswith("FFC7CE")
    assert back["F3"].fill.fgColor.rgb in (None, "00000000")
    only = openpyxl.load_workbook(write_error_workbook(plan, tmp_path / "o.xlsx", only_errors=True))["保单"]
    assert only.max_row == 2
