"""Helpers of the form/undo/navigation tests: a main window, valid identifiers, typing."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from desktop.app import make_application
from desktop.main_window import MainWindow
from ledger.validation import org_code_check_char, patent_check_char, uscc_check_char
from tests.desktop.test_main_window import type_text  # noqa: F401 (re-exported)


def _body(org8: str = "MA1X2Y3P") -> str:
    return "91320211" + org8 + org_code_check_char(org8)


def valid_uscc(org8: str = "MA1X2Y3P") -> str:
    body = _body(org8)
    return body + uscc_check_char(body)


def bad_check_uscc(org8: str = "MA1X2Y3P") -> str:
    body = _body(org8)
    return body + ("0" if uscc_check_char(body) != "0" else "1")


def valid_patent(digits: str = "202010123456") -> str:
    return f"{digits}.{patent_check_char(digits)}"


def make_window(qtbot, store, tmp_path) -> MainWindow:
    make_application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def answer(monkeypatch, button: QMessageBox.StandardButton, seen: list | None = None) -> None:
    """QMessageBox.question returns ``button`` (and records the question)."""
    def fake(*args, **_kwargs):
        if seen is not None:
            seen.append(args[2] if len(args) > 2 else "")
        return button
    monkeypatch.setattr(QMessageBox, "question", staticmethod(fake))


def capture_warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: shown.append(a[2]) or QMessageBox.StandardButton.Ok))
    return shown
