"""Large register exports (企业/知识产权/保单台账) in openpyxl write-only mode (bounded memory)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from reports import Cancelled
from reports.pdf_doc import atomic_output
from reports.xlsx_style import (
    BODY_FONT,
    HEAD_FONT,
    INT_FORMAT,
    MONEY_FORMAT,
    column_widths,
    print_setup,
)

# column kinds: text, int, money_fen (int fen → ¥ yuan), ratio_bp, date (ISO text kept as text)
SheetSpec = tuple[str, Sequence[str], Sequence[str], Iterable[Sequence[object]]]


def _convert(value: object, kind: str) -> object:
    if value is None:
        return None
    if kind == "money_fen":
        return Decimal(int(value)) / 100
    if kind == "ratio_bp":
        return int(value) / 10000
    return value


def _fmt(kind: str) -> str | None:
    return {"money_fen": MONEY_FORMAT, "int": INT_FORMAT, "ratio_bp": "0.00%", "text": "@"}.get(kind)


def build_register_workbook(sheets: Iterable[SheetSpec], out_path: str | os.PathLike,
                            progress: Callable[[float], None] | None = None,
                            cancel: Callable[[], bool] | None = None, *,
                            total_rows: int | None = None) -> Path:
    """Write each (sheet_name, headers, column_kinds, rows) sheet; widths from the first 200 rows."""
    with atomic_output(out_path) as tmp:
        wb = Workbook(write_only=True)
        done = 0
        for name, headers, kinds, rows in sheets:
            ws = wb.create_sheet(title=name[:31])
            it: Iterator = iter(rows)
            head = list(itertools.islice(it, 200))
            widths = column_widths([list(headers)] + [[_display(v, k) for v, k in zip(r, kinds, strict=False)]
                                                      for r in head])
            for i, w in enumerate(widths, 1):
                ws.column_dimensions[get_column_letter(i)].width = w
            ws.freeze_panes = "A2"
            print_setup(ws, 1)
            fmts = [_fmt(k) for k in kinds]
            header_cells = []
            for h in headers:
                c = WriteOnlyCell(ws, value=h)
                c.font = HEAD_FONT
                header_cells.append(c)
            ws.append(header_cells)
            n = 0
            for r in itertools.chain(head, it):
                cells = []
                for v, k, f in zip(r, kinds, fmts, strict=False):
                    c = WriteOnlyCell(ws, value=_convert(v, k))
                    c.font = BODY_FONT
                    if f:
                        c.number_format = f
                    cells.append(c)
                ws.append(cells)
                n += 1
                done += 1
                if n % 2000 == 0:
                    if cancel is not None and cancel():
                        raise Cancelled("已取消导出")
                    if progress and total_rows:
                        progress(min(0.99, done / total_rows))
            ws.auto_filter.ref = f"A1:{get_column_letter(max(1, len(headers)))}{n + 1}"
        if cancel is not None and cancel():
            raise Cancelled("已取消导出")
        wb.save(tmp)
    if progress:
        progress(1.0)
    return Path(out_path)


def _display(value: object, kind: str) -> str:
    if value is None:
        return ""
    if kind == "money_fen":
        return f"¥{Decimal(int(value)) / 100:,.2f}"
    return str(value)
