"""A lazy table model over one register (ledger/store/registers.py): sort, filter and search in SQL.

Rows arrive in pages of :data:`PAGE_SIZE` through ``canFetchMore``/``fetchMore``. Queries go
through a *runner* ``runner(key, fn, callback)``: :class:`desktop.ops.Ops` in the application
(worker thread, stale results dropped), or :func:`sync_runner` in tests and scripts.
Every reload bumps a generation number, so a late page from an older query is ignored.

The first page is delivered without waiting for the total: ``ORDER BY … LIMIT`` on an index takes
milliseconds, a ``count(*)`` over the whole register hundreds. The count runs as a second job
(key ``register:<key>:count``) once the first page is in, and ``totalChanged`` carries it when it
arrives. Until then the model fetches more rows while the last page was full; a short first
page is the whole result, so it needs no count at all.

The display text of every cell is computed on the worker together with the page
(:func:`display_rows`), so ``data()`` — called by the view for about ten roles of every visible
cell on each paint — is a list lookup, and the first screen of rows can be painted within one
frame of the query's answer (benchmarks/desktop_bench.py, "rows→painted").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.i18n import register_text
from desktop.models.formatting import RIGHT_ALIGNED, display
from ledger.store import registers
from ledger.store.registers import RegisterSpec

PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1
RAW_ROLE = Qt.ItemDataRole.UserRole + 2
# plain ints: data() compares the role it is given many thousand times a second
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ID = int(ID_ROLE)
_RAW = int(RAW_ROLE)
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
TOOLTIP_MIN_CHARS = 15  # text and tag cells this long show their full text as a tooltip

Runner = Callable[[str, Callable[[Any], Any], Callable[[Any], None]], Any]


def sync_runner(store: Any) -> Runner:
    def run(_key: str, fn: Callable[[Any], Any], callback: Callable[[Any], None]) -> None:
        callback(fn(store))

    return run


def ops_runner(ops: Any) -> Runner:
    def run(key: str, fn: Callable[[Any], Any], callback: Callable[[Any], None]) -> None:
        ops.run(key, fn, callback)

    return run


def column_alignment(kind: str) -> int:
    """Money and counts right, dates/flags/states centred, text left."""
    if kind in RIGHT_ALIGNED:
        return _ALIGN_RIGHT
    if kind in ("date", "bool", "enum", "year"):
        return _ALIGN_CENTER
    return _ALIGN_LEFT


def display_rows(kinds: Sequence[str], rows: Sequence[tuple]) -> list[tuple[str, ...]]:
    """The display text of every cell of ``rows`` (``(id, value_1, …)``), as ``display()`` gives it.

    Runs on the worker with the query, so painting never formats."""
    return [tuple(display(kind, value) for kind, value in zip(kinds, row[1:], strict=True)) for row in rows]


class RegisterModel(QAbstractTableModel):
    totalChanged = Signal(int)  # -1 while counting
    loaded = Signal()  # the first page of a (re)query is in

    def __init__(self, spec: RegisterSpec, runner: Runner | None = None, parent=None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.runner = runner
        self.filters: dict[str, Any] = {}
        self.search = ""
        self.order_by = spec.default_order or spec.columns[0].key
        self.descending = spec.default_descending
        self._rows: list[tuple] = []  # raw values (id, value_1, …) as registers.fetch gives them
        self._text: list[tuple[str, ...]] = []  # display text of the same rows, column by column
        self._kinds = tuple(c.kind for c in spec.columns)
        self._align = [column_alignment(c.kind) for c in spec.columns]
        self._tips = [c.kind in ("text", "tags") for c in spec.columns]
        self._total: int | None = None  # the count of the current query, once it is known
        self._more = False  # the last page was full: more rows may follow (count or not)
        self._ready = False  # the first page of the current query is in
        self._gen = 0
        self._fetching = False

    # -- query state -------------------------------------------------------------------------
    def set_runner(self, runner: Runner | None) -> None:
        self.runner = runner
        self.reload()

    def set_query(
        self, *, filters: Mapping[str, Any] | None = None, search: str | None = None
    ) -> None:
        if filters is not None:
            self.filters = {k: v for k, v in filters.items() if v not in (None, "")}
        if search is not None:
            self.search = search.strip()
        self.reload()

    @property
    def total(self) -> int | None:
        """The number of rows of the current query; None until counted."""
        return self._total

    @property
    def ready(self) -> bool:
        """The first page of the current query is in (the total may still be counting)."""
        return self._ready

    def reload(self) -> None:
        self._gen += 1
        gen = self._gen
        self.beginResetModel()
        self._rows = []
        self._text = []
        self._total = None
        self._more = False
        self._ready = False
        self._fetching = self.runner is not None
        self.endResetModel()
        self.totalChanged.emit(-1)
        if self.runner is None:
            return
        spec, filters, search = self.spec, dict(self.filters), self.search
        order_by, desc, kinds = self.order_by, self.descending, self._kinds

        def first(store: Any) -> tuple[list[tuple], list[tuple[str, ...]]]:
            rows = registers.fetch(store, spec, filters, search, order_by, desc, 0, PAGE_SIZE)
            return rows, display_rows(kinds, rows)

        self.runner(f"register:{spec.key}", first, lambda res: self._on_first(gen, res))

    def _on_first(self, gen: int, result: tuple[list[tuple], list[tuple[str, ...]]]) -> None:
        if gen != self._gen:
            return
        rows, text = result
        self._fetching = False
        self._ready = True
        self._more = len(rows) >= PAGE_SIZE
        if rows:
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
            self._rows = list(rows)
            self._text = list(text)
            self.endInsertRows()
        if not self._more:  # a short first page is the whole result
            self._set_total(len(rows))
        self.loaded.emit()
        if self._more and self.runner is not None:
            self._count(gen)

    def _count(self, gen: int) -> None:
        spec, filters, search = self.spec, dict(self.filters), self.search

        def count(store: Any) -> int:
            return registers.count(store, spec, filters, search)

        self.runner(f"register:{spec.key}:count", count, lambda total: self._on_count(gen, total))

    def _on_count(self, gen: int, total: int) -> None:
        if gen != self._gen or self._total is not None:
            return
        self._set_total(max(int(total), len(self._rows)))

    def _set_total(self, total: int) -> None:
        self._total = total
        self.totalChanged.emit(total)

    # -- lazy fetching -----------------------------------------------------------------------
    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._fetching or not self._ready:
            return False
        if self._total is not None:
            return len(self._rows) < self._total
        return self._more  # still counting: the last page was full

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self.runner is None:
            return
        self._fetching = True
        gen, offset = self._gen, len(self._rows)
        spec, filters, search = self.spec, dict(self.filters), self.search
        order_by, desc, kinds = self.order_by, self.descending, self._kinds

        def page(store: Any) -> tuple[list[tuple], list[tuple[str, ...]]]:
            rows = registers.fetch(store, spec, filters, search, order_by, desc, offset, PAGE_SIZE)
            return rows, display_rows(kinds, rows)

        self.runner(f"register:{spec.key}", page, lambda res: self._on_page(gen, offset, res))

    def _on_page(self, gen: int, offset: int, result: tuple[list[tuple], list[tuple[str, ...]]]) -> None:
        if gen != self._gen or offset != len(self._rows):
            return
        rows, text = result
        self._fetching = False
        self._more = len(rows) >= PAGE_SIZE
        if rows:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self._rows.extend(rows)
            self._text.extend(text)
            self.endInsertRows()
        if not rows and self._total is not None:
            self._total = len(self._rows)  # the data shrank meanwhile
        elif not self._more and self._total is None:
            self._set_total(len(self._rows))  # the last page came before the count

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._kinds)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        # The view asks ~10 roles of every visible cell on every paint: display and alignment are
        # lookups, every other role of the paint (font, colours, check state, icon) is None at once.
        row = index.row()
        if row < 0:  # an invalid index
            return None
        if role == _DISPLAY:
            return self._text[row][index.column()]
        if role == _ALIGNMENT:
            return self._align[index.column()]
        if role == _TOOLTIP:
            column = index.column()
            text = self._text[row][column] if self._tips[column] else ""
            return text if len(text) >= TOOLTIP_MIN_CHARS else None
        if role == _ID:
            return self._rows[row][0]
        if role == _RAW:
            return self._rows[row][index.column() + 1]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            col = self.spec.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return register_text(col.header)
            if role == Qt.ItemDataRole.TextAlignmentRole and col.kind in RIGHT_ALIGNED:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("单击按“{header}”排序").format(header=register_text(col.header)) if col.sortable else None
        elif role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.spec.columns) or not self.spec.columns[column].sortable:
            return
        key = self.spec.columns[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self.order_by and descending == self.descending and self._ready:
            return
        self.order_by, self.descending = key, descending
        self.reload()

    def sort_column(self) -> int:
        keys = [c.key for c in self.spec.columns]
        return keys.index(self.order_by) if self.order_by in keys else -1

    # -- helpers -----------------------------------------------------------------------------
    def row_id(self, row: int) -> int:
        return int(self._rows[row][0])

    def raw_row(self, row: int) -> tuple:
        return self._rows[row]

    def fetch_all(self) -> None:
        """Synchronous runners only: load every row (tests, exports of the current view)."""
        while self.canFetchMore():
            before = len(self._rows)
            self.fetchMore()
            if len(self._rows) == before:
                break
