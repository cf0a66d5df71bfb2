"""Spreadsheet import, reading half: read a file, find the header, normalise rows.

Typical use::

    sheet = read_table(path, "policies")
    for excel_row, values in sheet.rows:
        record, errors = normalise_row("policies", sheet.header_map, values,
                                       sheet=sheet.sheet, excel_row=excel_row)
"""

from ledger.importing.columns import KINDS, ColumnSpec, RecordKind, column_letter, get_kind
from ledger.importing.headers import HeaderMap, MappedColumn, detect_header, map_headers
from ledger.importing.normalise import (
    FORMULA_WITHOUT_VALUE,
    CellError,
    normalise_row,
    normalise_text,
    parse_amount_fen,
    parse_bool,
    parse_date,
    parse_enum,
    parse_int,
    parse_list,
    parse_shares,
    parse_text,
)
from ledger.importing.reader import SheetData, read_table, read_workbook

__all__ = [
    "FORMULA_WITHOUT_VALUE", "KINDS", "CellError", "ColumnSpec", "HeaderMap", "MappedColumn",
    "RecordKind", "SheetData", "column_letter", "detect_header", "get_kind", "map_headers",
    "normalise_row", "normalise_text", "parse_amount_fen", "parse_bool", "parse_date",
    "parse_enum", "parse_int", "parse_list", "parse_shares", "parse_text", "read_table",
    "read_workbook",
]
