"""Translation helpers: the Chinese source strings of the UI and Qt's .ts/.qm workflow.

Every user-visible string of the GUI is written in Simplified Chinese and wrapped so that
``pyside6-lupdate`` extracts it into ``resources/translations/ipdesk_en.ts`` (``make i18n``):

- inside a QObject subclass: ``self.tr("共 {n} 条").format(n=total)`` (context: the class name);
- elsewhere: ``translate("<module>", "…")`` from this module (context: the module path below
  ``desktop``, e.g. ``"forms.widgets"``); lupdate recognises a bare ``translate(ctx, text)`` call;
- module or class constants evaluated at import time: ``QT_TRANSLATE_NOOP("<ctx>", "…")`` at the
  definition and ``translate("<ctx>", value)`` where the text is shown.

Placeholders are ``{name}`` fields filled with ``str.format`` after translating; a translation keeps
exactly the fields of its source (tests/desktop/test_translations.py).

Messages from the headless ledger (``LedgerError.message``, ``Issue.message``), data values stored
in the database (states, IP types, product names…) and the PDF/Excel reports stay Chinese.
Register titles, column headers, filter and link labels come from ``ledger.store.registers``; their
source strings are listed for lupdate in ``desktop/registers_i18n.py`` (generated) and translated
where the desktop shows them (:func:`register_text`).

The language (QSettings ``ui/language``: ``zh_CN`` default, or ``en``) is applied when the
application starts (``desktop.app.make_application``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["LANGUAGE_KEY", "QT_TRANSLATE_NOOP", "REGISTERS_CONTEXT", "register_text", "translate"]

LANGUAGE_KEY = "ui/language"
REGISTERS_CONTEXT = "registers"


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate(context, text)``; the source text when no translation is loaded."""
    return QCoreApplication.translate(context, text)


def register_text(text: str) -> str:
    """A register title, column header, filter or link label from ``ledger.store.registers``."""
    return QCoreApplication.translate(REGISTERS_CONTEXT, text) if text else text
