"""The header cells of a file nobody recognised yet (an insurer's own list), for the column mapping.

Runs on a worker thread. The header is guessed as the row, among the first 20 of the first visible
sheet, with the most non-blank text cells (title rows have one, data rows have numbers).
"""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import dataclass
from pathlib import Path

SCAN_ROWS = 20


@dataclass(frozen=True)
class Peek:
    sheet: str
    header_row: int  # 1-based
    headers: list[str]  # non-blank header cells, left to right


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _csv_rows(path: Path) -> list[list[object]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return []
    sample = "\n".join(text.splitlines()[:SCAN_ROWS])
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return list(itertools.islice(csv.reader(io.StringIO(text), dialect), SCAN_ROWS))


def _sheet_rows(path: Path) -> tuple[str, list[list[object]]]:
    import python_calamine as calamine

    wb = calamine.CalamineWorkbook.from_path(str(path))
    names = [m.name for m in wb.sheets_metadata
             if m.visible == calamine.SheetVisibleEnum.Visible and m.typ == calamine.SheetTypeEnum.WorkSheet]
    for name in names or wb.sheet_names:
        rows = wb.get_sheet_by_name(name).to_python(nrows=SCAN_ROWS)
        if any(any(_text(c) for c in r) for r in rows):
            return name, rows
    return (names or [""])[0], []


def peek_headers(path: str | Path) -> Peek:
    """Best guess of the header row; an empty Peek when the file cannot be read."""
    path = Path(path)
    try:
        if path.suffix.lower() in (".csv", ".tsv"):
            sheet, rows = path.stem, _csv_rows(path)
        else:
            sheet, rows = _sheet_rows(path)
    except Exception:  # noqa: BLE001 - any unreadable file: the caller shows the reader's message
        return Peek("", 0, [])
    best, best_score = -1, 0
    for i, row in enumerate(rows):
        score = sum(1 for c in row if isinstance(c, str) and _text(c))
        if score > best_score:
            best, best_score = i, score
    if best < 0:
        return Peek(sheet, 0, [])
    headers = [h for h in (_text(c) for c in rows[best]) if h]
    return Peek(sheet, best + 1, list(dict.fromkeys(headers)))
