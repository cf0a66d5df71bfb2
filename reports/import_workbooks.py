"""Import workbooks: blank templates, error workbooks, insurer reconciliation differences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ledger.importing.columns import ColumnSpec, get_kind
from ledger.importing.normalise import UncachedFormula
from ledger.services import ip_rights as ip_svc
from reports.xlsx_style import BODY_FONT, HEAD_FONT, MONEY_FORMAT, display_width, style_header

if TYPE_CHECKING:
    from ledger.importing.reconcile import ReconResult
    from ledger.importing.writer import ImportPlan

ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
WARN_FILL = PatternFill("solid", fgColor="FFEB9C")
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
EXAMPLE_FONT = Font(name=BODY_FONT.name, size=11, italic=True, color="808080")
DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
TEMPLATE_ROWS = 1000  # rows with dropdown validation below the example
EXAMPLE_MARK = "示例"
# Text columns whose digits must survive Excel (leading zeros, 18-digit codes).
_TEXT_KEYS = {"uscc", "enterprise_uscc", "bank_account", "number", "policy_no", "contact_phone",
              "district_code", "claim_no", "application_no", "ip_numbers", "case_number"}
_EXTRA_CHOICES = {("ip_rights", "status"): ip_svc.STATUSES}
_FORMAT_TEXT = {"amount": "金额（元），可写 ¥、千分位、万元", "date": "日期，如 2023-01-01、2023.1.1、2023年1月1日",
                "int": "整数", "enum": "从下拉列表中选择", "bool": "是 / 否", "list": "多个值用顿号、逗号或分号分隔",
                "shares": "机构名称加份额，如 人保财险60%、平安产险40%", "text": "文本"}


def _choices(kind: str, col: ColumnSpec) -> tuple[str, ...]:
    if col.type == "bool":
        return ("是", "否")
    return col.choices or _EXTRA_CHOICES.get((kind, col.key), ())


def _example_value(col: ColumnSpec) -> object:
    if not col.example:
        return None
    if col.type == "amount":
        return float(col.example)
    if col.type == "date":
        return dt.datetime.fromisoformat(col.example)
    if col.type == "int":
        return int(col.example)
    return col.example


def _header(col: ColumnSpec) -> str:
    text = f"{col.header}（元）" if col.type == "amount" else col.header
    return f"*{text}" if col.required else text


def write_template(kind: str, out_path: str | Path) -> Path:
    """Blank import workbook: headers, one example row (first cell 示例, skipped on import),
    dropdowns for enumerations, number/date/text formats, and a 填写说明 sheet."""
    spec = get_kind(kind)
    wb = Workbook()
    ws = wb.active
    ws.title = spec.title
    headers = ["序号", *(_header(c) for c in spec.columns)]
    ws.append(headers)
    style_header(ws, 1, len(headers))
    for c in range(1, len(headers) + 1):
        ws.cell(row=1, column=c).fill = HEAD_FILL
    ws.append([EXAMPLE_MARK, *(_example_value(c) for c in spec.columns)])
    ws.freeze_panes = "B2"
    last = TEMPLATE_ROWS + 2
    for n, col in enumerate(spec.columns, start=2):
        letter = get_column_letter(n)
        fmt = {"amount": MONEY_FORMAT, "date": DATE_FORMAT}.get(col.type)
        if col.key in _TEXT_KEYS or col.type in ("text", "list", "shares"):
            fmt = TEXT_FORMAT
        if fmt:  # column style: cells typed later take it; the example cell gets it too
            ws.column_dimensions[letter].number_format = fmt
            ws.cell(row=2, column=n).number_format = fmt
        choices = _choices(kind, col)
        if choices:
            dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                                showErrorMessage=True, errorTitle="取值无效",
                                error=f"{col.header}只能是：{'、'.join(choices)}")
            dv.add(f"{letter}3:{letter}{last}")
            ws.add_data_validation(dv)
        if col.help:
            ws.cell(row=1, column=n).comment = Comment(col.help, "ipdesk")
        width = max(display_width(headers[n - 1]), display_width(col.example), 8) + 4
        ws.column_dimensions[letter].width = min(width, 48)
    ws.column_dimensions["A"].width = 8
    for cell in ws[2]:
        cell.font = EXAMPLE_FONT
    ws.cell(row=2, column=1).comment = Comment("示例行：导入时自动跳过，可保留或删除", "ipdesk")
    _instructions(wb, kind)
    out = Path(out_path)
    wb.save(out)
    return out


def _instructions(wb: Workbook, kind: str) -> None:
    spec = get_kind(kind)
    ws = wb.create_sheet("填写说明")
    ws.append([f"{spec.title}导入模板填写说明"])
    ws["A1"].font = Font(name=BODY_FONT.name, size=14, bold=True)
    ws.append(["带 * 的列必须填写；第 2 行是示例（第一格为“示例”），导入时自动跳过；"
               "表头可在前 20 行内，列的顺序不限；金额单位为元（表头写“万元”时按万元换算）。"])
    ws.append([])
    head = ["列名", "是否必填", "格式", "可选值", "示例", "说明"]
    ws.append(head)
    style_header(ws, 4, len(head))
    for col in spec.columns:
        ws.append([col.header, "必填" if col.required else "选填", _FORMAT_TEXT[col.type],
                   "、".join(_choices(kind, col)), col.example, col.help])
    for n, width in enumerate((22, 10, 36, 40, 30, 40), start=1):
        ws.column_dimensions[get_column_letter(n)].width = width
    for row in ws.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.font = BODY_FONT


def _cell_value(value: object) -> object:
    if isinstance(value, UncachedFormula):
        return str(value)
    if isinstance(value, dt.time | dt.timedelta):
        return str(value)
    return value


def _letter_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def write_error_workbook(plan: ImportPlan, out_path: str | Path, *, only_errors: bool = False) -> Path:
    """The rows as read plus 原行号 and 错误说明 (all messages of the row joined by “；”),
    one sheet per source sheet, the header frozen and the offending cells filled red."""
    wb = Workbook(write_only=True)
    for sp in plan.sheets:
        ws = wb.create_sheet(sp.sheet[:31])
        rows = [r for r in plan.rows if r.sheet == sp.sheet and (r.errors or not only_errors)]
        width = max([len(sp.headers), *(len(r.values) for r in rows)])
        headers = [*sp.headers, *[""] * (width - len(sp.headers)), "原行号", "错误说明"]
        widths = [max(8, min(40, display_width(h) + 4)) for h in headers]
        widths[-1] = 60
        for n, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(n)].width = w
        ws.freeze_panes = "A2"
        head = []
        for h in headers:
            cell = WriteOnlyCell(ws, value=h)
            cell.font, cell.fill = HEAD_FONT, HEAD_FILL
            head.append(cell)
        ws.append(head)
        for r in rows:
            bad = {_letter_index(e.column) for e in r.errors if e.column}
            warn = {_letter_index(w.column) for w in r.warnings if w.column}
            out = []
            for i in range(width):
                cell = WriteOnlyCell(ws, value=_cell_value(r.values[i]) if i < len(r.values) else None)
                if i in bad:
                    cell.fill = ERROR_FILL
                elif i in warn:
                    cell.fill = WARN_FILL
                out.append(cell)
            out.append(WriteOnlyCell(ws, value=r.excel_row))
            note = WriteOnlyCell(ws, value="；".join(str(e) for e in r.errors) or None)
            if r.errors:
                note.fill = ERROR_FILL
            out.append(note)
            ws.append(out)
    out_file = Path(out_path)
    wb.save(out_file)
    return out_file


def write_reconciliation_workbook(result: ReconResult, out_path: str | Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "差异"
    ws.append([f"{result.insurer_name} 保单清单对账"])
    ws["A1"].font = Font(name=BODY_FONT.name, size=14, bold=True)
    ws.append([result.summary()])
    head = ["保单号", "差异类型", "项目", "台账", "保险机构清单", "清单位置"]
    ws.append(head)
    style_header(ws, 3, len(head))
    for d in result.rows:
        ws.append([d.policy_no, d.kind, d.item, d.ledger, d.insurer, d.where])
        if d.kind in ("不一致", "清单有误"):
            ws.cell(row=ws.max_row, column=2).fill = ERROR_FILL
    ws.freeze_panes = "A4"
    for n, width in enumerate((24, 10, 10, 36, 36, 24), start=1):
        ws.column_dimensions[get_column_letter(n)].width = width
    out = Path(out_path)
    wb.save(out)
    return out
