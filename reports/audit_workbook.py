"""The audit log export (审计日志.xlsx): one write-only sheet fed by ``ledger.services.audit_view``.

Built on :func:`reports.register_workbook.build_register_workbook` (frozen header, autofilter,
bounded memory, atomic file, ``progress``/``cancel``). Cells longer than Excel's limit are cut.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from reports.register_workbook import build_register_workbook

EXCEL_CELL_LIMIT = 32767
_CUT = "…（超出 Excel 单元格长度，已截断）"


def _fit(value: object) -> object:
    if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
        return value[: EXCEL_CELL_LIMIT - len(_CUT)] + _CUT
    return value


def _rows(rows: Iterable[Sequence[object]], counter: list[int]) -> Iterator[list[object]]:
    for r in rows:
        counter[0] += 1
        yield [_fit(v) for v in r]


def build_audit_workbook(sheet: tuple[str, Sequence[str], Sequence[str], Iterable[Sequence[object]]],
                         out_path: str | os.PathLike, *, total_rows: int | None = None,
                         progress: Callable[[float], None] | None = None,
                         cancel: Callable[[], bool] | None = None) -> tuple[Path, int]:
    """Write the sheet; return (path, rows written)."""
    name, headers, kinds, rows = sheet
    counter = [0]
    path = build_register_workbook([(name, headers, kinds, _rows(rows, counter))], out_path,
                                   progress=progress, cancel=cancel, total_rows=total_rows)
    return path, counter[0]
