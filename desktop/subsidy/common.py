"""Small shared pieces of the subsidy screens: messages of refusals, amounts, colours."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from ledger.errors import InvalidInput, LedgerError
from ledger.money import format_ratio_bp, format_yuan

WARN = "#b54708"
ERROR = "#b42318"
OK = "#067647"
MUTED = "#5b6475"
# The bulk actions of the 补贴 register (desktop/subsidy/bulk_actions.py): workflow action, menu text
BULK = (("first_review", QT_TRANSLATE_NOOP("subsidy.bulk_actions", "批量初审")), ("second_review", QT_TRANSLATE_NOOP("subsidy.bulk_actions", "批量复核")), ("publish", QT_TRANSLATE_NOOP("subsidy.bulk_actions", "批量公示")),
        ("approve", QT_TRANSLATE_NOOP("subsidy.bulk_actions", "批量批准")), ("pay", QT_TRANSLATE_NOOP("subsidy.bulk_actions", "批量拨付")))


def message_of(exc: BaseException) -> str:
    """The Chinese message of a ledger refusal (issues listed for InvalidInput)."""
    if isinstance(exc, InvalidInput):
        issues = [i.message for i in getattr(exc, "issues", []) if i.is_error] or [exc.message]
        return translate("subsidy.common", "；").join(dict.fromkeys(issues))
    if isinstance(exc, LedgerError):
        return exc.message
    return translate("subsidy.common", "操作失败：{exc}").format(exc=exc)


def yuan(fen: int | None, *, dash: bool = True) -> str:
    if fen is None:
        return "—" if dash else ""
    return format_yuan(int(fen))


def pct(bp: int | None) -> str:
    return "—" if bp is None else format_ratio_bp(bp)


def today() -> str:
    return date.today().isoformat()


def show_refusal(parent: QWidget | None, title: str, exc: BaseException) -> str:
    text = message_of(exc)
    QMessageBox.warning(parent, title, text)
    return text


def banner(parent: QWidget | None = None) -> QLabel:
    """A wrapped message line (refusals in red, success in green)."""
    label = QLabel("", parent)
    label.setWordWrap(True)
    label.setObjectName("flowBanner")
    label.setTextInteractionFlags(label.textInteractionFlags())
    label.hide()
    return label


def set_banner(label: QLabel, text: str, kind: str = "error") -> None:
    colours = {"error": ("#fef3f2", ERROR, "#fecdca"), "ok": ("#ecfdf3", OK, "#abefc6"),
               "warn": ("#fffaeb", WARN, "#fedf89"), "info": ("#eff8ff", "#175cd3", "#b2ddff")}
    bg, fg, border = colours.get(kind, colours["info"])
    label.setStyleSheet(f"QLabel#flowBanner {{ background: {bg}; color: {fg}; border: 1px solid {border};"
                        f" border-radius: 4px; padding: 6px 8px; }}")
    label.setText(text)
    label.setVisible(bool(text))


def store_of(obj: Any) -> Any:
    """The window's current store (it changes when another database is opened)."""
    return obj.store if hasattr(obj, "store") else obj
