"""Shared workbook formatting: CJK widths, money format, frozen header, print setup, signatures."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

MONEY_FORMAT = '"¥"#,##0.00'
RATIO_FORMAT = "0.00%"
INT_FORMAT = "#,##0"
FONT_NAME = "宋体"
BODY_FONT = Font(name=FONT_NAME, size=11)
HEAD_FONT = Font(name=FONT_NAME, size=11, bold=True)
TITLE_FONT = Font(name=FONT_NAME, size=16, bold=True)
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SIGNATURE = "经办人：　　　　　　审核人：　　　　　　负责人：　　　　　　"


def display_width(value: object) -> int:
    """Excel column units: East-Asian Wide/Fullwidth characters count 2."""
    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_widths(rows: Iterable[Iterable[object]], *, minimum: int = 6, maximum: int = 60) -> list[float]:
    widths: list[int] = []
    for row in rows:
        for i, v in enumerate(row):
            w = display_width(v)
            if i >= len(widths):
                widths.append(w)
            elif w > widths[i]:
                widths[i] = w
    return [min(maximum, max(minimum, w + 2)) for w in widths]


def set_widths(ws: Worksheet, widths: list[float]) -> None:
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def print_setup(ws: Worksheet, header_row: int) -> None:
    """A4 landscape, repeat the header rows on each page, fit all columns to one page width."""
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"1:{header_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"


def style_header(ws: Worksheet, row: int, ncols: int) -> None:
    for c in range(1, ncols + 1):
        cell = ws.cell(row=row, column=c)
        cell.font = HEAD_FONT
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
