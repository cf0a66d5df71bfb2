"""Reading messy spreadsheets: titles above headers, hidden sheets, formulas, CSV encodings,
broken files.  Workbooks are generated with openpyxl (allowed in tests, not in ledger)."""

from __future__ import annotations

import datetime as dt
import itertools
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest

from ledger.errors import InvalidInput, LedgerError
from ledger.importing import FORMULA_WITHOUT_VALUE, normalise_row, read_table, read_workbook

HEADER = ["序号", "＊保 单 号", "投保人", "统一社会信用代码", "保费（万元）", "保险金额(元)",
          "起保日期", "保险止期\u3000", "承保公司", "是否海外", "经办人备注"]


def _policy_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "填表说明"
    notes["A1"] = "本表用于导入保单台账，请勿修改表头。"
    ws = wb.create_sheet("保单")
    ws["A1"] = "2023 年知识产权保险保单台账"
    ws.merge_cells("A1:K1")
    ws["A2"] = "填报单位：无锡市知识产权局"
    ws.merge_cells("A2:D2")
    ws.append([])  # row 3 blank
    ws.append(HEADER)  # row 4
    ws.append([1, "PICC-001", "甲科技有限公司", "91110000600037341L", 1.5, 500000,
               dt.date(2023, 1, 1), "2023.12.31", "人保财险60%、平安产险40%", "否", "x"])  # 5
    ws.append([2, "PICC-002", "乙科技有限公司", "91350100M000100Y43", "１２.５", "¥1,000,000",
               45292, dt.datetime(2024, 12, 31, 0, 0), "人保财险", "是"])  # 6
    ws.append([])  # 7 blank: skipped
    ws.append([3, "PICC-003", "丙公司", "", "12,3a4", "abc", "2022-02-30", "2023年13月1日",
               "人保财险60%、平安产险30%", "也许"])  # 8
    ws.append([4, "PICC-004", "丁公司", "", 0.8, "=E9*10000*100", "20230301", "2024/2/29",
               "太保产险", "N"])  # 9: formula without cached value
    hidden = wb.create_sheet("旧保单")
    hidden.append(["保单号", "投保人", "保费", "保险起期", "保险止期"])
    hidden.append(["OLD-1", "旧公司", 100, "2020-01-01", "2020-12-31"])
    hidden.sheet_state = "hidden"
    out = path / "保单台账.xlsx"
    wb.save(out)
    return out


def test_messy_workbook_header_below_titles(tmp_path: Path) -> None:
    sheets = read_workbook(_policy_workbook(tmp_path), "policies")
    assert [s.sheet for s in sheets] == ["保单"]  # 填表说明 has no header, 旧保单 is hidden
    sheet = sheets[0]
    assert sheet.header_row == 4
    assert sheet.headers[:3] == ["序号", "＊保 单 号", "投保人"]
    hmap = sheet.header_map
    keys = {i: c.key for i, c in hmap.columns.items()}
    assert keys == {1: "policy_no", 2: "enterprise_name", 3: "enterprise_uscc", 4: "premium_fen",
                    5: "sum_insured_fen", 6: "start_date", 7: "end_date", 8: "insurers",
                    9: "overseas"}
    assert hmap.columns[4].unit_multiplier == 10_000
    assert hmap.columns[5].unit_multiplier == 1
    assert hmap.unmapped == [(0, "序号"), (10, "经办人备注")]
    assert hmap.missing_required == []

    rows = list(sheet.rows)
    assert [r for r, _ in rows] == [5, 6, 8, 9]
    results = {r: normalise_row("policies", hmap, v, sheet=sheet.sheet, excel_row=r)
               for r, v in rows}

    rec, errs = results[5]
    assert errs == []
    assert rec == {"policy_no": "PICC-001", "enterprise_name": "甲科技有限公司",
                   "enterprise_uscc": "91110000600037341L", "premium_fen": 1_500_000,
                   "sum_insured_fen": 50_000_000, "start_date": "2023-01-01",
                   "end_date": "2023-12-31", "insurers": [("人保财险", 6000), ("平安产险", 4000)],
                   "overseas": False}

    rec, errs = results[6]
    assert errs == []
    assert rec["premium_fen"] == 12_500_000  # full-width 12.5 in a 万元 column
    assert rec["sum_insured_fen"] == 100_000_000
    assert rec["start_date"] == "2024-01-01"  # Excel serial typed as a number
    assert rec["end_date"] == "2024-12-31"  # datetime cell
    assert rec["insurers"] == [("人保财险", 10_000)]
    assert rec["overseas"] is True
    assert rec["enterprise_uscc"] == "91350100M000100Y43"

    rec, errs = results[8]
    assert [str(e) for e in errs] == [
        "工作表「保单」第 8 行 E 列「保费（万元）」：无法识别的金额“12,3a4”",
        "工作表「保单」第 8 行 F 列「保险金额(元)」：无法识别的金额“abc”",
        "工作表「保单」第 8 行 G 列「起保日期」：日期不存在：“2022-02-30”",
        "工作表「保单」第 8 行 H 列「保险止期」：日期不存在：“2023年13月1日”",
        "工作表「保单」第 8 行 I 列「承保公司」：份额合计应为 100%，实为 90%：“人保财险60%、平安产险30%”",
        "工作表「保单」第 8 行 J 列「是否海外」：无法识别的是/否值“也许”：请填写“是”或“否”",
    ]
    assert rec["enterprise_uscc"] is None  # blank optional cell
    assert rec["premium_fen"] is None

    rec, errs = results[9]
    assert rec["premium_fen"] == 800_000
    assert rec["start_date"] == "2023-03-01"
    assert rec["end_date"] == "2024-02-29"
    assert [(e.column, e.key) for e in errs] == [("F", "sum_insured_fen")]
    assert "公式但文件中没有计算结果" in errs[0].message


def test_formula_cell_without_cached_value(tmp_path: Path) -> None:
    """openpyxl stores no cached result; calamine reads '' and we mark the cell."""
    import python_calamine

    path = _policy_workbook(tmp_path)
    raw = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("保单")
    assert raw.to_python()[8][5] == ""  # what calamine itself gives
    sheet = read_table(path, "policies")
    values = dict(sheet.rows)[9]
    assert values[5] is FORMULA_WITHOUT_VALUE
    assert values[4] == 0.8


def test_named_sheet_and_hidden_sheet_refused(tmp_path: Path) -> None:
    path = _policy_workbook(tmp_path)
    assert read_table(path, "policies", sheet="保单").header_row == 4
    with pytest.raises(InvalidInput) as info:
        read_table(path, "policies", sheet="旧保单")
    assert info.value.message == "文件「保单台账.xlsx」中没有可见的工作表「旧保单」"


def test_data_starting_at_offset_keeps_absolute_columns(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "企业"
    ws["C3"] = "企业名称"
    ws["D3"] = "信用代码"
    ws["C5"] = "甲公司"
    ws["D5"] = 911100006000373.0  # a number in a text column
    path = tmp_path / "e.xlsx"
    wb.save(path)
    sheet = read_table(path, "enterprises")
    assert sheet.header_row == 3
    assert {i: c.key for i, c in sheet.header_map.columns.items()} == {2: "name", 3: "uscc"}
    rows = list(sheet.rows)
    assert rows == [(5, ["", "", "甲公司", 911100006000373.0])]
    rec, errs = normalise_row("enterprises", sheet.header_map, rows[0][1], sheet="企业",
                              excel_row=5)
    assert errs == []
    assert rec == {"name": "甲公司", "uscc": "911100006000373"}


def test_extra_synonyms_for_insurer_list(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "清单"
    ws.append(["业务号", "客户", "签单保费（元）", "责任起期"])
    ws.append(["A-1", "甲公司", "1,200.50", "2023-01-01"])
    path = tmp_path / "insurer.xlsx"
    wb.save(path)
    with pytest.raises(InvalidInput) as info:
        read_table(path, "insurer_policy_list")
    assert info.value.issues[0].code == "import.no_header"
    sheet = read_table(path, "insurer_policy_list",
                       extra_synonyms={"业务号": "policy_no", "客户": "enterprise_name",
                                       "责任起期": "start_date"})
    rec, errs = normalise_row("insurer_policy_list", sheet.header_map, next(sheet.rows)[1])
    assert errs == []
    assert rec == {"policy_no": "A-1", "enterprise_name": "甲公司", "premium_fen": 120_050,
                   "start_date": "2023-01-01"}


# ------------------------------------------------------------------ CSV


def test_csv_gbk_with_title_row(tmp_path: Path) -> None:
    path = tmp_path / "企业名单.csv"
    text = ("试点企业名单,,\n"
            "企业名称,统一社会信用代码,联系电话\n"
            "甲公司,91110000600037341L,13800138000\n"
            "\n"
            "乙公司（无锡）,91350100M000100Y43,\n")
    path.write_bytes(text.encode("gbk"))
    sheet = read_table(path, "enterprises")
    assert (sheet.sheet, sheet.header_row) == ("企业名单", 2)
    rows = list(sheet.rows)
    assert [r for r, _ in rows] == [3, 5]
    rec, errs = normalise_row("enterprises", sheet.header_map, rows[1][1])
    assert errs == []
    assert rec == {"name": "乙公司(无锡)", "uscc": "91350100M000100Y43", "contact_phone": None}


@pytest.mark.parametrize("delimiter", ["\t", ";", ","])
def test_csv_utf8_bom_and_delimiters(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "claims.csv"
    lines = [["报案号", "保单号", "索赔金额", "结果"],
             ["LP-1", "PICC-001", "80,000.00" if delimiter != "," else "80000", "调解"]]
    text = "\n".join(delimiter.join(line) for line in lines) + "\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    sheet = read_table(path, "claims")
    assert sheet.header_row == 1
    assert sheet.headers[0] == "报案号"  # BOM stripped
    rec, errs = normalise_row("claims", sheet.header_map, next(sheet.rows)[1])
    assert errs == []
    assert rec == {"claim_no": "LP-1", "policy_no": "PICC-001", "claimed_fen": 8_000_000,
                   "outcome": "和解"}


# ------------------------------------------------------------------ broken files


def _message(path: Path, kind: str = "policies") -> tuple[str, str]:
    with pytest.raises(InvalidInput) as info:
        read_table(path, kind)
    return info.value.issues[0].code, info.value.message


def test_encrypted_lookalike(tmp_path: Path) -> None:
    path = tmp_path / "加密.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"junk" * 200)
    assert _message(path) == ("import.encrypted",
                              "无法读取文件「加密.xlsx」：文件已加密或受密码保护。"
                              "请在 Excel 中取消密码后另存为 .xlsx 再导入")


def test_truncated_zip(tmp_path: Path) -> None:
    good = _policy_workbook(tmp_path).read_bytes()
    path = tmp_path / "截断.xlsx"
    path.write_bytes(good[: len(good) // 2])
    assert _message(path) == ("import.corrupt",
                              "文件「截断.xlsx」已损坏，无法读取（压缩包不完整或已损坏）："
                              "请在 Excel 中打开后另存为 .xlsx 再导入")


def test_zero_byte_missing_and_wrong_type(tmp_path: Path) -> None:
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    assert _message(empty) == ("import.empty_file", "文件「空.xlsx」是空文件（0 字节），没有可导入的数据")
    missing = tmp_path / "没有.xlsx"
    assert _message(missing) == ("import.file_missing", f"找不到文件「没有.xlsx」：{missing}")
    doc = tmp_path / "a.docx"
    doc.write_bytes(b"PK\x03\x04")
    assert _message(doc) == ("import.unsupported_type",
                             "不支持的文件类型「a.docx」：请选择 .xlsx、.xlsm、.xls、.ods 或 .csv 文件")
    text = tmp_path / "假的.xlsx"
    text.write_text("保单号,保费\n1,2\n", encoding="utf-8")
    assert _message(text) == ("import.not_spreadsheet",
                              "文件「假的.xlsx」不是有效的电子表格文件（扩展名与内容不符）："
                              "请在 Excel 中另存为 .xlsx 再导入")


def test_empty_workbook_and_no_header(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    path = tmp_path / "空表.xlsx"
    wb.save(path)
    assert _message(path) == ("import.no_data", "文件「空表.xlsx」中没有数据：可见的工作表都是空的")

    wb = openpyxl.Workbook()
    wb.active.title = "Sheet1"
    for i in range(30):
        wb.active.append([f"第{i}行", i])
    wb.active.cell(25, 1, "企业名称")  # header below row 20 is not searched
    wb.active.cell(25, 2, "联系人")
    path = tmp_path / "无表头.xlsx"
    wb.save(path)
    assert _message(path, "enterprises") == (
        "import.no_header",
        "在文件「无表头.xlsx」的工作表「Sheet1」前 20 行中找不到表头：需要至少包含 企业名称 "
        "和另一个可识别的列名（如 统一社会信用代码、所属区县代码、所属行业、企业标签）")


def test_csv_bad_encoding_and_unknown_kind(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(bytes(range(0x80, 0x100)) * 3)
    assert _message(path)[0] == "import.encoding"
    with pytest.raises(InvalidInput):
        read_table(path, "nonsense")


@pytest.mark.parametrize("blob", [b"PK\x03\x04" + b"\x00" * 50, b"\x00\x01\x02", b"PK",
                                  b"\xd0\xcf\x11\xe0" + b"\x00" * 600])
@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods", ".xlsm", ".csv"])
def test_garbage_only_raises_ledger_errors(tmp_path: Path, blob: bytes, suffix: str) -> None:
    path = tmp_path / f"g{suffix}"
    path.write_bytes(blob)
    with pytest.raises(LedgerError):
        read_table(path, "policies")


def _fast_xlsx(path: Path, header: list[str], rows: Iterator[list[object]]) -> None:
    """A minimal xlsx written directly (openpyxl needs ~10 s for 100k rows)."""

    def cell(value: object) -> str:
        if isinstance(value, str):
            return f'<c t="inlineStr"><is><t>{escape(value)}</t></is></c>'
        return f"<c><v>{value}</v></c>"

    def sheet_xml() -> Iterator[str]:
        yield ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
               'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        for values in itertools.chain([header], rows):
            yield "<row>" + "".join(cell(v) for v in values) + "</row>"
        yield "</sheetData></worksheet>"

    ns = "http://schemas.openxmlformats.org"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", (
            f'<Types xmlns="{ns}/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>"))
        zf.writestr("_rels/.rels", (
            f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"))
        zf.writestr("xl/workbook.xml", (
            f'<workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/'
            'relationships"><sheets><sheet name="保单" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        zf.writestr("xl/_rels/workbook.xml.rels", (
            f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"))
        with zf.open("xl/worksheets/sheet1.xml", "w") as fh:
            for chunk in sheet_xml():
                fh.write(chunk.encode("utf-8"))


@pytest.mark.slow
def test_streams_100k_rows(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    _fast_xlsx(path, ["保单号", "投保人", "保费", "保险起期", "保险止期"],
               ([f"P{i:06d}", "甲公司", 1000 + i % 7, 44927, "2023-12-31"] for i in range(100_000)))
    start = time.perf_counter()
    sheet = read_table(path, "policies")
    total = 0
    last = 0
    bad = 0
    for excel_row, values in sheet.rows:
        rec, errs = normalise_row("policies", sheet.header_map, values)
        bad += len(errs)
        total += rec["premium_fen"]  # type: ignore[operator]
        last = excel_row
    elapsed = time.perf_counter() - start
    assert (bad, last) == (0, 100_001)
    assert rec["start_date"] == "2023-01-01"
    assert total == sum((1000 + i % 7) * 100 for i in range(100_000))
    assert elapsed < 60  # ~3.5 s on an idle 2-core machine


def test_formula_scan_fast_path_matches_the_regex() -> None:
    import random

    from ledger.importing.reader import _HAS_FORMULA, _has_formula

    cases = [b"<f>SUM(A1)</f>", b"<c><f t='shared'/>", b"<font>", b"<x:f>1</x:f>", b"<x:font>", b"<f",
             b"a<f\n", b"<fx", b'<c r="A1"><v>1</v></c>', b"<f/>", b"<ab:f ", b"<:f>", b"<\xe4:f>", b""]
    rnd = random.Random(6)
    alphabet = [b"<", b"f", b":", b"x", b" ", b">", b"/", b"\n", b"a", b"_", b"\x0b", b"1", b"\xe5"]
    cases += [b"".join(rnd.choice(alphabet) for _ in range(rnd.randrange(1, 14))) for _ in range(20_000)]
    for data in cases:
        assert _has_formula(data) == (_HAS_FORMULA.search(data) is not None), data
