"""文件 menu entries of the import feature; ``install(window)`` is the main window's one-line hook."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.i18n import translate


class ImportActions:
    """导入数据… / 下载导入模板… / 保险机构清单对账…, and the refresh after an import."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.wizard: Any = None
        self.recon: Any = None
        self.act_import = QAction(translate("importing.menu", "导入数据(&I)…"), window)
        self.act_import.setShortcut(QKeySequence("Ctrl+I"))
        self.act_import.setStatusTip(translate("importing.menu", "从 Excel/WPS/CSV 表格导入企业、知识产权、保单或理赔台账（先检查后写入）"))
        self.act_template = QAction(translate("importing.menu", "下载导入模板…"), window)
        self.act_template.setStatusTip(translate("importing.menu", "生成空白导入模板：中文表头、示例行、下拉选项和填写说明"))
        self.act_reconcile = QAction(translate("importing.menu", "保险机构清单对账…"), window)
        self.act_reconcile.setStatusTip(translate("importing.menu", "把保险机构的保单清单与台账逐单核对，列出差异"))
        self.act_import.triggered.connect(lambda _c=False: self.open_wizard())
        self.act_template.triggered.connect(lambda _c=False: self.download_template())
        self.act_reconcile.triggered.connect(lambda _c=False: self.open_reconcile())
        menu = self._file_menu()
        if menu is not None:
            anchor = next((a for a in menu.actions() if a.text() == translate("MainWindow", "备份…")), None)
            before = menu.insertSeparator(anchor) if anchor is not None else None
            for act in (self.act_import, self.act_template, self.act_reconcile):
                if before is not None:
                    menu.insertAction(before, act)
                else:
                    menu.addAction(act)
        window.addAction(self.act_import)

    def _file_menu(self) -> QMenu | None:
        for action in self.window.menuBar().actions():
            if action.menu() is not None and action.text() == translate("MainWindow", "文件(&F)"):
                return action.menu()
        return None

    def _page_kind(self) -> str | None:
        key = self.window.current_key() if hasattr(self.window, "current_key") else ""
        return {"enterprise": "enterprises", "ip_right": "ip_rights", "policy": "policies",
                "claim": "claims", "subsidy": "subsidies"}.get(key)

    def open_wizard(self, *, template: bool = False) -> Any:
        from desktop.importing.wizard import ImportWizard

        if self.wizard is not None and self.wizard.busy():
            self.wizard.show()
            self.wizard.raise_()
            return self.wizard
        self.wizard = ImportWizard(self.window.ops, self.window, kind=self._page_kind(),
                                   settings=self.window.settings)
        self.wizard.imported.connect(self.refresh_after_import)
        self.wizard.show()
        if template:
            self.wizard.choose.template_button.setFocus()
        return self.wizard

    def download_template(self) -> Any:
        wizard = self.open_wizard(template=True)
        if not wizard.busy():
            wizard.save_template()
        return wizard

    def open_reconcile(self) -> Any:
        from desktop.importing.reconcile_dialog import ReconcileDialog

        if self.recon is None or self.recon.running:
            self.recon = self.recon or ReconcileDialog(self.window.ops, self.window, self.window.settings)
        else:
            self.recon = ReconcileDialog(self.window.ops, self.window, self.window.settings)
        self.recon.show()
        self.recon.raise_()
        return self.recon

    def refresh_after_import(self, _kind: str = "", _result: Any = None) -> None:
        """Registers and the dashboard show the imported rows: the current page now, others on show."""
        from desktop.page_registry import REGISTER_KEYS

        win = self.window
        current = win.stack.currentWidget()
        for key, page in win.pages.built().items():  # pages not built yet load when first shown
            if key in REGISTER_KEYS and page is not current:
                page.set_ops(win.ops)  # stale: reloads when shown
            elif key == "dashboard" and page is not current:
                page.stats = None
        win.refresh_current()


def install(window: Any) -> ImportActions:
    return ImportActions(window)
