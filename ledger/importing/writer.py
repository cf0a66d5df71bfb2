"""Spreadsheet import, writing half: plan (read + normalise + validate + classify), then apply.

::

    plan = plan_import(store, "policies", "保单.xlsx", progress=..., cancel=...)
    plan.counts            # {"insert": 120, "update": 3, "unchanged": 877, "error": 2}
    plan.errors            # [CellError] — "工作表「保单」第 7 行 C 列「保费（元）」：…"
    result = apply_import(store, plan)                    # InvalidInput if any row is invalid
    result = apply_import(store, plan, accept_valid=True) # writes the valid rows only

Nothing is written by :func:`plan_import`.  :func:`apply_import` writes in one transaction
through :mod:`ledger.store.records` (so the audit triggers record every change) and refuses
a plan made before the ledger last changed.  Natural keys make a re-import idempotent.
Subsidy applications go through the subsidy service instead (check, record, compute, event;
permission ``subsidy.record``): :mod:`ledger.importing.subsidy_kind`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ledger.errors import InvalidInput, Issue, Refused
from ledger.importing.apply import write_rows
from ledger.importing.columns import column_letter, get_kind
from ledger.importing.fastrows import RowNormaliser
from ledger.importing.headers import HeaderMap
from ledger.importing.kinds import Kind, Prepared, kind_handler
from ledger.importing.naturalkeys import NaturalKeys
from ledger.importing.normalise import CellError, normalise_text
from ledger.importing.reader import read_workbook
from ledger.security import require
from ledger.store import Store, import_sql

Action = Literal["insert", "update", "unchanged", "error"]
Progress = Callable[[float], None] | None
Cancel = Callable[[], bool] | None

EXAMPLE_MARKERS = frozenset({"示例", "例", "样例", "范例", "示例行", "举例", "例子", "example", "e.g.", "eg"})
_EXAMPLE_PREFIXES = ("示例:", "示例：", "【示例】", "(示例)", "[示例]", "例:", "样例:")
WARNING_HINT = "（如确认无误，导入时须填写忽略警告的理由）"
CHECK_EVERY = 500


def is_example_row(values: Sequence[object]) -> bool:
    """A template's example row: its first non-blank cell is 示例 / 例 / 样例 / 【示例】… ."""
    for value in values:
        text = normalise_text(value)
        if not text:
            continue
        low = text.lower()
        return low in EXAMPLE_MARKERS or low.startswith(_EXAMPLE_PREFIXES)
    return False


@dataclass(slots=True)
class RowPlan:
    """One data row: what importing it would do."""

    sheet: str
    excel_row: int
    values: Sequence[object]  # the cells as read (index 0 = column A)
    action: Action = "error"
    key: str = ""  # natural key (USCC, 保单号, 知识产权类型 + 编号, 报案号)
    record_id: int | None = None
    changes: dict[str, tuple[object, object]] = field(default_factory=dict)  # column → (old, new)
    errors: list[CellError] = field(default_factory=list)
    warnings: list[CellError] = field(default_factory=list)  # accepted warnings (with the reason)
    write: dict[str, Any] | None = None  # columns to insert, or the changed ones to update
    links: dict[str, Any] | None = None  # link/child rows to (re)write

    @property
    def messages(self) -> list[str]:
        return [e.message for e in self.errors]


@dataclass
class SheetPlan:
    sheet: str
    header_row: int
    headers: list[str]
    header_map: HeaderMap
    problems: list[str]
    data_rows: int = 0
    examples_skipped: int = 0


@dataclass
class ImportPlan:
    kind: str
    path: Path
    sheets: list[SheetPlan]
    rows: list[RowPlan]
    audit_head: int
    accept_warnings_reason: str = ""
    extra_synonyms: Mapping[str, str] | None = None
    sheet: str | None = None

    @property
    def counts(self) -> dict[str, int]:
        out = {"insert": 0, "update": 0, "unchanged": 0, "error": 0}
        for r in self.rows:
            out[r.action] += 1
        return out

    @property
    def errors(self) -> list[CellError]:
        return [e for r in self.rows for e in r.errors]

    @property
    def error_rows(self) -> list[RowPlan]:
        return [r for r in self.rows if r.action == "error"]

    @property
    def ok(self) -> bool:
        return not any(r.action == "error" for r in self.rows)

    def summary(self) -> str:
        c = self.counts
        return f"新增 {c['insert']}、更新 {c['update']}、未变 {c['unchanged']}、错误 {c['error']}"


@dataclass
class ImportResult:
    inserted: int
    updated: int
    unchanged: int
    skipped_invalid: int

    def summary(self) -> str:
        return (f"已新增 {self.inserted}、更新 {self.updated}、未变 {self.unchanged}"
                + (f"，跳过有误的 {self.skipped_invalid} 行" if self.skipped_invalid else ""))


def _tick(done: int, total: int, progress: Progress, cancel: Cancel) -> None:
    if cancel is not None and cancel():
        raise Refused("已取消")
    if progress is not None:
        progress(min(1.0, done / total) if total else 1.0)


def plan_import(store: Store, kind: str, path: str | Path, *,
                extra_synonyms: Mapping[str, str] | None = None, sheet: str | None = None,
                accept_warnings_reason: str = "", progress: Progress = None,
                cancel: Cancel = None) -> ImportPlan:
    """Read ``path``, validate every row against the ledger and classify it. Writes nothing.

    Warnings that a form would accept with an override reason (e.g. a USCC check digit of an
    early pilot region) are errors here unless ``accept_warnings_reason`` is given; the reason
    is then stored with the records, as the form stores it.
    """
    spec = get_kind(kind)
    handler = kind_handler(spec.kind, store, NaturalKeys(store))
    head = import_sql.audit_head(store.conn)
    _tick(0, 1, progress, cancel)
    sheets = read_workbook(path, spec, extra_synonyms=extra_synonyms, sheet=sheet)
    loaded = [(sd, list(sd.rows)) for sd in sheets]
    total = sum(len(rows) for _, rows in loaded)
    plan = ImportPlan(spec.kind, Path(path), [], [], head, accept_warnings_reason.strip(),
                      extra_synonyms, sheet)
    seen: dict[str, tuple[str, int]] = {}
    done = 0
    for sd, rows in loaded:
        sp = SheetPlan(sd.sheet, sd.header_row, sd.headers, sd.header_map, sd.header_map.problems())
        plan.sheets.append(sp)
        normalise = RowNormaliser(spec, sd.header_map, sd.sheet)
        for excel_row, values in rows:
            done += 1
            if done % CHECK_EVERY == 0:
                _tick(done, total, progress, cancel)
            if is_example_row(values):
                sp.examples_skipped += 1
                continue
            sp.data_rows += 1
            record, cell_errors = normalise(values, excel_row)
            rp = RowPlan(sd.sheet, excel_row, values)
            _classify(rp, handler.prepare(record), cell_errors, handler, sd.header_map, plan, seen)
            plan.rows.append(rp)
    _tick(1, 1, progress, cancel)
    return plan


def _locate(rp: RowPlan, hmap: HeaderMap, handler: Kind, issue: Issue, suffix: str = "") -> CellError:
    key = handler.fields.get(issue.field, issue.field)
    candidates = [key] + (["owner_name", "enterprise_name"] if key == "enterprise_uscc" else [])
    for k in candidates:
        index = hmap.index_of(k)
        if index is not None:
            col = hmap.columns[index]
            return CellError(rp.sheet, rp.excel_row, column_letter(index), col.header,
                             issue.message + suffix, key)
    return CellError(rp.sheet, rp.excel_row, "", "", issue.message + suffix, key)


def _column_order(error: CellError) -> tuple[int, int]:
    """Errors of a row left to right; row-level ones (no column) last."""
    if not error.column:
        return (1, 0)
    n = 0
    for ch in error.column:
        n = n * 26 + ord(ch) - 64
    return (0, n)


def _classify(rp: RowPlan, prep: Prepared, cell_errors: list[CellError], handler: Kind,
              hmap: HeaderMap, plan: ImportPlan, seen: dict[str, tuple[str, int]]) -> None:
    rp.key, rp.record_id = prep.key, prep.record_id
    errors = list(cell_errors)
    if cell_errors:
        bad_keys = {e.key for e in cell_errors}
        issues = [i for i in prep.issues if handler.fields.get(i.field, i.field) not in bad_keys]
    else:
        issues = prep.issues
    warnings = []
    for i in issues:
        if i.is_error:
            errors.append(_locate(rp, hmap, handler, i))
        else:
            warnings.append(i)
    if warnings:
        stored = prep.current.get(prep.override_field, "") if prep.current and prep.override_field else ""
        reason = stored or plan.accept_warnings_reason
        if reason:
            rp.warnings = [_locate(rp, hmap, handler, w) for w in warnings]
            if prep.override_field:
                prep.values[prep.override_field] = reason
        else:
            errors += [_locate(rp, hmap, handler, w, WARNING_HINT) for w in warnings]
    if prep.key:
        first = seen.get(prep.key)
        if first is None:
            seen[prep.key] = (rp.sheet, rp.excel_row)
        else:
            where = f"第 {first[1]} 行" if first[0] == rp.sheet else f"工作表「{first[0]}」第 {first[1]} 行"
            dup = Issue(prep.key_field, "import.duplicate_in_file", f"{handler.label} {prep.key} 与{where}重复")
            errors.append(_locate(rp, hmap, handler, dup))
    if errors:
        rp.action, rp.errors = "error", sorted(errors, key=_column_order)
        return
    if prep.record_id is None:
        rp.action, rp.write, rp.links = "insert", prep.values, prep.links or None
        return
    cur = prep.current or {}
    changes = {k: (cur.get(k), v) for k, v in prep.values.items() if cur.get(k) != v}
    link_changes = {k: v for k, v in prep.links.items() if prep.current_links.get(k) != v}
    for k, v in link_changes.items():
        changes[k] = (prep.current_links.get(k), v)
    if not changes:
        rp.action = "unchanged"
        return
    rp.action, rp.changes = "update", changes
    rp.write = {k: prep.values[k] for k in changes if k in prep.values}
    rp.links = link_changes or None


def apply_import(store: Store, plan: ImportPlan, *, accept_valid: bool = False,
                 progress: Progress = None, cancel: Cancel = None) -> ImportResult:
    """Write the plan in one transaction. Default: refuse (``InvalidInput``, nothing written)
    when any row is invalid; ``accept_valid=True`` writes the valid rows and skips the rest."""
    errors = plan.errors
    if errors and not accept_valid:
        n = len(plan.error_rows)
        shown = [Issue(e.key or "row", "import.row", str(e)) for e in errors[:20]]
        more = f"（另有 {len(errors) - 20} 处错误）" if len(errors) > 20 else ""
        raise InvalidInput(shown, f"有 {n} 行数据有误，未写入任何数据。"
                                  + "；".join(i.message for i in shown[:5]) + more)
    todo = [r for r in plan.rows if r.action in ("insert", "update")]
    counts = plan.counts
    result = ImportResult(counts["insert"], counts["update"], counts["unchanged"], counts["error"])
    if not todo:
        return result
    if plan.kind == "subsidies":  # the subsidy service's own permission, as for a form
        require(store, "subsidy.record")
    with store.write() as conn, import_sql.bulk_cache(conn):
        if import_sql.audit_head(conn) != plan.audit_head:
            raise Refused("检查文件之后台账已有改动（或该文件已导入）：请重新检查后再导入")
        def tick(done: int) -> None:
            _tick(done, len(todo), progress, cancel)

        if plan.kind == "subsidies":
            from ledger.importing.subsidy_kind import write_subsidies

            write_subsidies(store, todo, tick)
        else:
            write_rows(conn, plan.kind, todo, store.office_id, tick)
    return result
