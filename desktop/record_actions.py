"""Record actions of the main window: new/edit/delete through the forms, undo/redo, back/forward.

Installed by ``MainWindow`` with ``RecordActions(window)``; it adds its actions to the 编辑 menu,
a 转到 menu and the toolbar, and listens to the register pages (Ctrl+N, double-click, Delete,
context menu). After every write, undo or redo the registers and the dashboard refresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QStyle, QToolBar

from desktop.i18n import register_text, translate
from desktop.navigation import Navigator
from desktop.page_registry import REGISTER_KEYS
from desktop.undo import SERVICES, UndoManager
from ledger.errors import LedgerError

if TYPE_CHECKING:
    from desktop.forms import RecordForm
    from desktop.pages.register_page import RegisterPage

# The registers with a record form: the keys of desktop.forms.FORMS, which is imported with the
# first form (the form modules are not needed to start).
FORM_KINDS = frozenset({"enterprise", "ip_right", "policy", "claim", "case"})


class RecordActions(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.undo = UndoManager(window.store, self)
        self.undo.changed.connect(self._changed)
        self.undo.failed.connect(self._failed)
        self.nav = Navigator(window)
        self.forms: list[Any] = []  # open RecordForms
        sp = QStyle.StandardPixmap
        style = window.style()
        stack = self.undo.stack
        self.act_undo = stack.createUndoAction(self, self.tr("撤销"))
        self.act_undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.act_redo = stack.createRedoAction(self, self.tr("重做"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.act_edit = QAction(self.tr("编辑记录…"), self)
        self.act_edit.setShortcut(QKeySequence("F2"))
        self.act_edit.triggered.connect(lambda _c=False: self.edit_selected())
        self.act_delete = QAction(style.standardIcon(sp.SP_TrashIcon), self.tr("删除记录…"), self)
        self.act_delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_delete.setStatusTip(self.tr("删除选中的记录（有其他记录引用时会被拒绝）"))
        self.act_delete.triggered.connect(lambda _c=False: self.delete_selected())
        for action in (self.act_undo, self.act_redo, self.act_edit):
            window.addAction(action)
        self._install_menus()
        window.pages.on_built(self._wire)  # pages are built on first use
        window.nav.currentRowChanged.connect(lambda _i: self._sync_actions())
        self._sync_actions()

    def _wire(self, key: str, page: Any) -> None:
        if key in REGISTER_KEYS:
            page.table.addAction(self.act_delete)  # Delete works where the table has focus
            page.table.doubleClicked.connect(lambda index, k=key: self._double_clicked(k, index))
            page.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            page.table.customContextMenuRequested.connect(lambda pos, k=key: self._context_menu(k, pos))

    def _install_menus(self) -> None:
        window = self.window
        edit_menu = next((a.menu() for a in window.menuBar().actions() if a.text() == translate("MainWindow", "编辑(&E)")), None)
        if edit_menu is not None:
            first = edit_menu.actions()[0] if edit_menu.actions() else None
            edit_menu.insertActions(first, [self.act_undo, self.act_redo])
            edit_menu.insertSeparator(first)
            edit_menu.addSeparator()
            edit_menu.addActions([self.act_edit, self.act_delete])
        go_menu = QMenu(self.tr("转到(&G)"), window)
        go_menu.addActions([self.nav.act_back, self.nav.act_forward])
        help_action = next((a for a in window.menuBar().actions() if a.text() == translate("MainWindow", "帮助(&H)")), None)
        window.menuBar().insertMenu(help_action, go_menu)
        toolbar = window.findChild(QToolBar, "mainToolbar")
        if toolbar is not None:
            first = toolbar.actions()[0] if toolbar.actions() else None
            toolbar.insertActions(first, [self.nav.act_back, self.nav.act_forward])
            toolbar.insertSeparator(first)
            toolbar.addSeparator()
            toolbar.addActions([self.act_undo, self.act_redo, self.act_delete])

    def set_store(self, store: Any) -> None:
        for form in list(self.forms):
            form.done(0)
        self.undo.set_store(store)

    # -- pages -------------------------------------------------------------------------------
    def _page(self) -> RegisterPage | None:
        page = self.window.stack.currentWidget()
        return page if self.window.current_key() in REGISTER_KEYS else None

    def _sync_actions(self) -> None:
        page = self._page()
        editable = page is not None and page.spec.key in FORM_KINDS
        self.act_edit.setEnabled(editable)
        self.act_delete.setEnabled(editable)

    def _double_clicked(self, key: str, index: Any) -> None:
        page = self.window.pages[key]
        if key in FORM_KINDS and index.isValid():
            self.edit_record(key, page.model.row_id(index.row()))

    def _context_menu(self, key: str, pos: Any) -> None:
        page = self.window.pages[key]
        if key not in FORM_KINDS:
            return
        menu = QMenu(page.table)
        menu.addAction(self.window.act_new_record)
        menu.addAction(self.act_edit)
        menu.addAction(self.act_delete)
        menu.popup(page.table.viewport().mapToGlobal(pos))

    # -- forms -------------------------------------------------------------------------------
    def open_form(self, key: str, record_id: int | None = None, **preset: Any) -> RecordForm | None:
        if key not in FORM_KINDS:
            self.window.statusBar().showMessage(self.tr("“{title}”在其专门页面中办理").format(title=register_text(self.window.pages[key].spec.title)), 5000)
            return None
        try:
            from desktop.forms import FORMS  # the form modules load with the first form

            form = FORMS[key](self.window.store, record_id, undo=self.undo, ops=self.window.ops,
                              parent=self.window, **preset)
        except LedgerError as exc:
            QMessageBox.warning(self.window, self.tr("无法打开"), exc.message)
            return None
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(self._saved)
        form.finished.connect(lambda _r, f=form: self.forms.remove(f) if f in self.forms else None)
        self.forms.append(form)
        form.open()
        return form

    def new_record(self, key: str) -> RecordForm | None:
        page = self.window.pages.get(key)
        preset: dict[str, Any] = {}
        if key in REGISTER_KEYS:  # a register opened for one enterprise/policy presets it
            filters = page.filter_bar.values()
            if key in ("ip_right", "policy") and filters.get("enterprise"):
                preset["enterprise_id"] = int(filters["enterprise"])
            if key == "claim" and filters.get("policy"):
                preset["policy_id"] = int(filters["policy"])
        return self.open_form(key, None, **preset)

    def edit_record(self, key: str, record_id: int) -> RecordForm | None:
        return self.open_form(key, record_id)

    def edit_selected(self) -> RecordForm | None:
        page = self._page()
        if page is None:
            return None
        ids = page.selected_ids()
        if len(ids) != 1:
            self.window.statusBar().showMessage(self.tr("请先选择一条记录"), 4000)
            return None
        return self.edit_record(page.spec.key, ids[0])

    # -- delete ------------------------------------------------------------------------------
    def delete_selected(self) -> int:
        page = self._page()
        if page is None or page.spec.key not in FORM_KINDS:
            return 0
        return self.delete_records(page.spec.key, page.selected_ids())

    def delete_records(self, key: str, ids: list[int]) -> int:
        """Ask, then delete one by one; refusals (dependants) are shown. Returns how many went."""
        if not ids:
            self.window.statusBar().showMessage(self.tr("请先选择要删除的记录"), 4000)
            return 0
        svc = SERVICES[key]
        if len(ids) == 1:
            try:
                label = svc.label(svc.from_row(svc.get(self.window.store, ids[0])))
            except LedgerError:
                label = f"#{ids[0]}"
            question = self.tr("删除{title}“{label}”？\n删除后可用“撤销”（Ctrl+Z）恢复。").format(title=translate("undo", svc.title), label=label)
        else:
            question = self.tr("删除选中的 {n} 条{title}记录？\n删除后可用“撤销”逐条恢复。").format(n=len(ids), title=translate("undo", svc.title))
        answer = QMessageBox.question(self.window, self.tr("确认删除"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return 0
        done, refused = 0, []
        self.undo.stack.beginMacro(self.tr("删除 {n} 条{title}").format(n=len(ids), title=translate("undo", svc.title))) if len(ids) > 1 else None
        for record_id in ids:
            try:
                self.undo.delete(key, record_id)
                done += 1
            except LedgerError as exc:
                refused.append(exc.message)
            except Exception as exc:  # noqa: BLE001 — shown, never a crash
                refused.append(self.tr("删除失败：{exc}").format(exc=exc))
        if len(ids) > 1:
            self.undo.stack.endMacro()
        if refused:
            shown = "\n".join(dict.fromkeys(refused))
            QMessageBox.warning(self.window, self.tr("不能删除"),
                                (self.tr("已删除 {done} 条；以下记录未删除：\n").format(done=done) if done else "") + shown)
        if done:
            self.window.statusBar().showMessage(self.tr("已删除 {done} 条{title}记录（Ctrl+Z 撤销）").format(done=done, title=translate("undo", svc.title)), 6000)
        return done

    # -- after writes ------------------------------------------------------------------------
    def _saved(self, key: str, record_id: int) -> None:
        page = self.window.pages.built().get(key)
        if key in REGISTER_KEYS and page is not None and self.window.stack.currentWidget() is page:
            self.nav.reselect(key, record_id)

    def _changed(self, _kind: str) -> None:
        """Everything may show the change (counts, sums, the dashboard): refresh what is visible,
        the rest reloads when shown."""
        current = self.window.stack.currentWidget()
        for key, page in self.window.pages.built().items():  # the others load when first shown
            if key in REGISTER_KEYS:
                if page is current:
                    ids = page.selected_ids()
                    if len(ids) == 1:
                        self.nav.reselect(page.spec.key, ids[0])
                    page.refresh()
                else:
                    page._loaded = False
            elif key == "dashboard":
                if page is current:
                    page.refresh()
                else:
                    page.stats = None

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self.window, self.tr("无法完成"), message)
