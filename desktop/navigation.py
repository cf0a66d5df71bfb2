"""Linked navigation and back/forward.

A :class:`NavState` is where the user is: page, filter bar conditions (including the extra
condition a link set, with its caption), search text and the selected record. Changing page or
following a link pushes the state being left onto the back stack; filter and selection changes
update the current entry in place (so “后退” returns to the list as it was left).

Links: from a record's detail pane to its dependants (the register opened with an ``enterprise``
/ ``policy`` / ``ip_right`` filter) and to its parents (the enterprise or policy register searched
for that record's USCC / policy number, the record selected once the rows are in).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle

from desktop.i18n import translate
from desktop.page_registry import REGISTER_KEYS
from ledger.errors import LedgerError

HISTORY_LIMIT = 100


@dataclass(frozen=True)
class NavState:
    page: str
    filters: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    search: str = ""
    selected: int | None = None


def _enterprise_state(store: Any, enterprise_id: int) -> NavState:
    from ledger.services import enterprises

    row = enterprises.get_enterprise(store, enterprise_id)
    return NavState("enterprise", {}, "", row["uscc"], enterprise_id)


def _policy_state(store: Any, policy_id: int) -> NavState:
    from ledger.services import policies

    row = policies.get_policy(store, policy_id)
    return NavState("policy", {}, "", row["policy_no"], policy_id)


def link_target(store: Any, source: str, record_id: int, target: str) -> NavState:
    """The state a link from record ``record_id`` of register ``source`` to ``target`` opens."""
    from ledger.services import claims, enterprises, ip_rights, policies  # not on the start path

    if source == "enterprise":
        name = enterprises.get_enterprise(store, record_id)["name"]
        return NavState(target, {"enterprise": record_id}, translate("navigation", "企业：{name}").format(name=name))
    if source == "policy" and target == "enterprise":
        return _enterprise_state(store, policies.get_policy(store, record_id)["enterprise_id"])
    if source == "policy":
        no = policies.get_policy(store, record_id)["policy_no"]
        return NavState(target, {"policy": record_id}, translate("navigation", "保单：{no}").format(no=no))
    if source == "ip_right" and target == "enterprise":
        return _enterprise_state(store, ip_rights.get_ip_right(store, record_id)["enterprise_id"])
    if source == "ip_right" and target == "policy":
        number = ip_rights.get_ip_right(store, record_id)["number"]
        return NavState("policy", {"ip_right": record_id}, translate("navigation", "承保：{number}").format(number=number))
    if source == "claim":
        policy_id = claims.get_claim(store, record_id)["policy_id"]
        if target == "policy":
            return _policy_state(store, policy_id)
        return _enterprise_state(store, policies.get_policy(store, policy_id)["enterprise_id"])
    if source == "subsidy":
        raise LedgerError(translate("navigation", "补贴申请的关联跳转由补贴页面提供"))
    raise LedgerError(translate("navigation", "不支持从“{source}”跳转到“{target}”").format(source=source, target=target))


class Navigator(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.back_stack: list[NavState] = []
        self.forward_stack: list[NavState] = []
        self._restoring = False
        self._pending_select: dict[str, int] = {}
        sp = QStyle.StandardPixmap
        style = window.style()
        self.act_back = QAction(style.standardIcon(sp.SP_ArrowBack), self.tr("后退"), self)
        self.act_back.setShortcuts([QKeySequence("Alt+Left"), QKeySequence(QKeySequence.StandardKey.Back)])
        self.act_back.setStatusTip(self.tr("回到上一个页面和筛选条件（Alt+←）"))
        self.act_back.triggered.connect(lambda _c=False: self.back())
        self.act_forward = QAction(style.standardIcon(sp.SP_ArrowForward), self.tr("前进"), self)
        self.act_forward.setShortcuts([QKeySequence("Alt+Right"), QKeySequence(QKeySequence.StandardKey.Forward)])
        self.act_forward.setStatusTip(self.tr("前进到下一个页面（Alt+→）"))
        self.act_forward.triggered.connect(lambda _c=False: self.forward())
        for action in (self.act_back, self.act_forward):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        self.current = self.capture()
        window.nav.currentRowChanged.connect(self._page_changed)
        window.pages.on_built(self._wire)  # pages are built on first use
        self._sync_actions()

    def _wire(self, key: str, page: Any) -> None:
        if key in REGISTER_KEYS:
            page.filter_bar.changed.connect(lambda k=key: self._update(k))
            page.table.selectionModel().selectionChanged.connect(lambda *_a, k=key: self._update(k))
            page.model.loaded.connect(lambda k=key: self._loaded(k))
            if hasattr(page.detail, "linkRequested"):
                page.detail.linkRequested.connect(lambda target, k=key: self.follow(k, target))

    # -- state -------------------------------------------------------------------------------
    def capture(self) -> NavState:
        key = self.window.current_key()
        page = self.window.pages.built().get(key)  # a page not built yet has no state to keep
        if key not in REGISTER_KEYS or page is None:
            return NavState(key)
        bar = page.filter_bar
        description = bar.extra_button.text().removesuffix("✕").strip() if not bar.extra_button.isHidden() else ""
        ids = page.selected_ids()
        selected = ids[0] if len(ids) == 1 else self._pending_select.get(key)
        return NavState(key, bar.values(), description, bar.text(), selected)

    def _update(self, key: str) -> None:
        if not self._restoring and self.window.current_key() == key:
            self.current = self.capture()

    def _page_changed(self, _index: int) -> None:
        if self._restoring:
            return
        new = self.capture()
        if new.page != self.current.page:
            self._push(self.current)
        self.current = new

    def _push(self, state: NavState) -> None:
        if not self.back_stack or self.back_stack[-1] != state:
            self.back_stack.append(state)
            del self.back_stack[:-HISTORY_LIMIT]
        self.forward_stack.clear()
        self._sync_actions()

    def _sync_actions(self) -> None:
        self.act_back.setEnabled(bool(self.back_stack))
        self.act_forward.setEnabled(bool(self.forward_stack))

    # -- moving ------------------------------------------------------------------------------
    def go(self, state: NavState) -> None:
        """Open ``state`` as a new history entry."""
        self.current = self.capture()
        self._push(self.current)
        self.restore(state)

    def back(self) -> None:
        if not self.back_stack:
            return
        self.forward_stack.append(self.capture())
        self.restore(self.back_stack.pop())

    def forward(self) -> None:
        if not self.forward_stack:
            return
        self.back_stack.append(self.capture())
        self.restore(self.forward_stack.pop())

    def restore(self, state: NavState) -> None:
        window = self.window
        self._restoring = True
        try:
            keys = [k for k in window.pages]
            window.show_page(keys.index(state.page))
            page = window.pages[state.page]
            if state.page in REGISTER_KEYS:
                if state.selected is not None:
                    self._pending_select[state.page] = state.selected
                if not page._loaded:
                    page.refresh()
                page.filter_bar.set_values(dict(state.filters), description=state.description, search=state.search)
        finally:
            self._restoring = False
        self.current = state
        self._sync_actions()

    def reselect(self, key: str, record_id: int) -> None:
        """Select ``record_id`` in register ``key`` once its rows are (re)loaded."""
        self._pending_select[key] = record_id
        page = self.window.pages.built().get(key)  # otherwise selected when it is built and loaded
        if key in REGISTER_KEYS and page is not None and page.model.ready:
            self._loaded(key)

    def _loaded(self, key: str) -> None:
        record_id = self._pending_select.get(key)
        if record_id is None:
            return
        page = self.window.pages[key]
        for row in range(page.model.rowCount()):
            if page.model.row_id(row) == record_id:
                self._pending_select.pop(key, None)
                page.table.selectRow(row)
                page.table.scrollTo(page.model.index(row, 0))
                return

    def follow(self, source: str, target: str) -> None:
        """A link in ``source``'s detail pane was clicked."""
        page = self.window.pages[source]
        ids = page.selected_ids()
        if len(ids) != 1:
            return
        try:
            state = link_target(self.window.store, source, ids[0], target)
        except LedgerError as exc:
            self.window.statusBar().showMessage(exc.message, 6000)
            return
        self.go(state)
