"""Row normalising for bulk imports: :func:`normalise_row` with a per-column memo.

Registers repeat themselves (the same enterprise, insurer, product, dates and status on
thousands of rows), so each column remembers what a raw cell value converted to — or the
message it failed with — and converts every distinct value once.  A column whose values
hardly repeat (policy numbers, premiums) gives up its memo after the first few thousand
distinct values and converts each cell directly.  Results are identical to
:func:`ledger.importing.normalise.normalise_row` (``tests/ledger/test_import_writer.py``
checks them side by side); the column layout is resolved once per sheet, not per row.
"""

from __future__ import annotations

from collections.abc import Sequence

from ledger.importing.columns import RecordKind, column_letter
from ledger.importing.headers import HeaderMap
from ledger.importing.normalise import CellError, _is_blank, convert_cell

MEMO_PROBE = 2048  # distinct values after which a column's memo must prove its worth
MEMO_LIMIT = 200_000  # distinct values remembered per column (bounds memory)
_FAILED = object()


class RowNormaliser:
    def __init__(self, kind: RecordKind, header_map: HeaderMap, sheet: str) -> None:
        self.sheet = sheet
        self.columns = []
        for index, col in sorted(header_map.columns.items()):
            spec = kind.spec(col.key)
            self.columns.append([index, col.key, spec, column_letter(index), col.header,
                                 col.unit_multiplier, {}])
        self.missing = [(key, kind.spec(key).header) for key in header_map.missing_required]
        self.rows = 0

    def _settle(self, column: list) -> None:
        """A column whose values hardly repeat (policy numbers, premiums) converts every cell:
        remembering them would cost memory and a dict insert per row for no hits."""
        memo = column[6]
        if len(memo) >= MEMO_LIMIT or len(memo) * 2 > self.rows:
            column[6] = None

    def __call__(self, values: Sequence[object], excel_row: int) -> tuple[dict[str, object], list[CellError]]:
        record: dict[str, object] = {}
        errors: list[CellError] = []
        n = len(values)
        self.rows += 1
        for column in self.columns:
            index, key, spec, letter, header, unit, memo = column
            raw = values[index] if index < n else ""
            if raw is None or raw == "" or (raw.__class__ is str and (not raw.strip() or (
                    not raw.isprintable() and _is_blank(raw)))):
                record[key] = None
                if spec.required:
                    errors.append(CellError(self.sheet, excel_row, letter, header, "必填项为空", key))
                continue
            if memo is None:
                try:
                    record[key] = convert_cell(spec, raw, unit)
                except ValueError as exc:
                    record[key] = None
                    errors.append(CellError(self.sheet, excel_row, letter, header, str(exc), key))
                continue
            # Text keys itself; other values with their type, so 1, 1.0 and True stay apart.
            memo_key = raw if raw.__class__ is str else (raw.__class__, raw)
            hit = memo.get(memo_key, _FAILED)
            if hit is _FAILED:
                try:
                    hit = (True, convert_cell(spec, raw, unit))
                except ValueError as exc:
                    hit = (False, str(exc))
                memo[memo_key] = hit
                if len(memo) % MEMO_PROBE == 0:
                    self._settle(column)
            ok, result = hit
            if ok:
                record[key] = result.copy() if isinstance(result, list) else result
            else:
                record[key] = None
                errors.append(CellError(self.sheet, excel_row, letter, header, result, key))
        for key, header in self.missing:
            errors.append(CellError(self.sheet, excel_row, "", header, f"缺少必填列「{header}」", key))
        return record, errors
