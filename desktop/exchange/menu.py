"""文件 › 数据交换 submenu and the flows behind it; :func:`open_package` is also the open-file path.

The flows take a *window*: anything with ``store``, ``ops`` (desktop.ops.Ops) and optionally
``settings``, ``importing.refresh_after_import`` / ``refresh_current`` — the main window, or a
stand-in in tests. They read ``window.store`` each time, so switching databases needs no hook.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu


def refresh_after_change(window: Any) -> None:
    """Registers and the dashboard show what an import or a resolution wrote."""
    importing = getattr(window, "importing", None)
    if importing is not None and hasattr(importing, "refresh_after_import"):
        importing.refresh_after_import()
    elif hasattr(window, "refresh_current"):
        window.refresh_current()


def open_conflicts(window: Any) -> Any:
    from desktop.exchange.conflicts_dialog import ConflictDialog

    dialog = ConflictDialog(window)
    dialog.resolved.connect(lambda _c: refresh_after_change(window))
    dialog.show()
    return dialog


def open_package(window: Any, path: str | Path | None = None) -> Any:
    """The import flow: the package's manifest shown for confirmation, then verify + import.

    With no ``path`` the user picks the file first; returns the dialog (None when nothing was picked).
    """
    from desktop.exchange.common import ipx_filter
    from desktop.exchange.import_dialog import ImportDialog

    if path is None:
        title = QCoreApplication.translate("ExchangeDialog", "导入数据包")
        picked, _ = QFileDialog.getOpenFileName(window, title, str(Path.home()), ipx_filter())
        if not picked:
            return None
        path = Path(picked)
    dialog = ImportDialog(window, Path(path))
    dialog.imported.connect(lambda _s: refresh_after_change(window))
    dialog.conflictsRequested.connect(lambda: open_conflicts(window))
    dialog.show()
    dialog.raise_()
    return dialog


def open_export(window: Any) -> Any:
    from desktop.exchange.export_dialog import ExportDialog

    dialog = ExportDialog(window)
    dialog.show()
    return dialog


def open_offices(window: Any) -> Any:
    from desktop.exchange.offices_dialog import OfficesDialog

    dialog = OfficesDialog(window)
    dialog.show()
    return dialog


class ExchangeUi(QObject):
    """导出数据包… / 导入数据包… / 冲突处理… / 办公室与密钥…, enabled by the exchange.manage permission."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: Any = None
        self.menu = QMenu(self.tr("数据交换"), window)
        self.menu.setObjectName("exchangeMenu")
        self.act_export = QAction(self.tr("导出数据包…"), window)
        self.act_import = QAction(self.tr("导入数据包…"), window)
        self.act_conflicts = QAction(self.tr("冲突处理…"), window)
        self.act_offices = QAction(self.tr("办公室与密钥…"), window)
        self.act_offices.setStatusTip(self.tr("本办公室代码和名称、导出公钥、登记可信办公室、已导入的数据包"))
        for act, slot in ((self.act_export, self.export), (self.act_import, self.import_package),
                          (self.act_conflicts, self.conflicts), (self.act_offices, self.offices)):
            act.triggered.connect(lambda _c=False, s=slot: s())
        self.menu.addActions([self.act_export, self.act_import])
        self.menu.addSeparator()
        self.menu.addActions([self.act_conflicts, self.act_offices])
        self.menu.aboutToShow.connect(self.sync_roles)  # not at start-up: ledger.exchange loads then
        self._insert_menu()

    def _insert_menu(self) -> None:
        """Into 文件, before the 备份 group — found by the window's action, whatever the UI language."""
        backup = getattr(self.window, "act_backup", None)
        menus = [a.menu() for a in self.window.menuBar().actions() if a.menu() is not None]
        file_menu = next((m for m in menus if backup in m.actions()), menus[0] if menus else None)
        if file_menu is None:
            return
        actions = file_menu.actions()
        anchor = actions.index(backup) if backup in actions else None
        if anchor is None:
            file_menu.addMenu(self.menu)
            return
        before = actions[anchor - 1] if anchor > 0 and actions[anchor - 1].isSeparator() else actions[anchor]
        file_menu.insertMenu(before, self.menu)

    def sync_roles(self) -> None:
        """Export needs exchange.export, import and conflicts exchange.manage; the menu says why not."""
        from desktop.exchange.common import refusal
        from ledger import exchange

        store = self.window.store
        denied = refusal(store)
        writable = not getattr(store, "readonly", False)
        self.act_import.setEnabled(not denied and writable)
        self.act_import.setStatusTip(denied or self.tr("校验并导入其他办公室的数据包（先备份，冲突逐条处理）"))
        export_denied = refusal(store, "exchange.export")
        self.act_export.setEnabled(not export_denied and writable)
        self.act_export.setStatusTip(export_denied or self.tr(
            "把本办公室自上一个数据包以来的变化写成签名的数据包（.ipx），交上级机关导入"))
        try:
            open_count = len(exchange.list_conflicts(store))
        except Exception:  # a database without the exchange tables cannot have conflicts
            open_count = 0
        self.act_conflicts.setText(self.tr("冲突处理…（{0} 条待处理）").format(open_count) if open_count
                                   else self.tr("冲突处理…"))
        self.act_conflicts.setStatusTip(denied or self.tr("逐字段比较本地与来件，决定保留哪一边"))

    def export(self) -> Any:
        self.dialog = open_export(self.window)
        return self.dialog

    def import_package(self, path: str | Path | None = None) -> Any:
        self.dialog = open_package(self.window, path)
        return self.dialog

    def conflicts(self) -> Any:
        self.dialog = open_conflicts(self.window)
        return self.dialog

    def offices(self) -> Any:
        self.dialog = open_offices(self.window)
        return self.dialog
