"""Small pieces shared by the import wizard and the reconciliation dialog."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from ledger.errors import LedgerError

log = logging.getLogger(__name__)
SHEET_FILTER = QT_TRANSLATE_NOOP("importing.common", "电子表格 (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv);;所有文件 (*)")
XLSX_FILTER = QT_TRANSLATE_NOOP("importing.common", "Excel 工作簿 (*.xlsx)")
CANCELLED = "已取消"  # a LedgerError message (compared), not shown as such
STYLE = {
    "error": "color:#a11d1d;background:#fdecea;border:1px solid #f5c2c0;border-radius:3px;padding:6px;",
    "warning": "color:#7a4a00;background:#fff4e0;border:1px solid #f3d19c;border-radius:3px;padding:6px;",
    "info": "color:#1d4f8a;background:#e8f1fb;border:1px solid #b9d3f0;border-radius:3px;padding:6px;",
    "ok": "color:#1e6b2a;background:#e3f4e5;border:1px solid #b5dcb9;border-radius:3px;padding:6px;",
}


def is_cancel(exc: BaseException) -> bool:
    return isinstance(exc, LedgerError) and exc.message == CANCELLED


def message_of(exc: BaseException, what: str = "处理") -> str:
    """A Chinese message for any failure of a background step (never a traceback)."""
    if isinstance(exc, LedgerError):
        return exc.message
    if isinstance(exc, OSError):
        return translate("importing.common", "无法读写文件：{strerror}").format(strerror=exc.strerror or exc)
    log.error("%s failed", what, exc_info=exc)
    return translate("importing.common", "{what}失败：{exc}").format(what=what, exc=exc)


class Banner(QLabel):
    """A coloured message line (error / warning / info / ok); hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        self.kind = kind if text else ""
        self.setText(text)
        self.setStyleSheet(STYLE.get(kind, ""))
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")
