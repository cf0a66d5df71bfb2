"""Interactive opening of a ledger for the window: lock, warnings, demo offer, login.

``open_interactive(path, parent)`` returns a logged-in :class:`Store` (its instance lock is
released when the store closes) or None when the user cancelled the login. Problems opening
the file raise ``LedgerError`` with a Chinese message for the caller to show.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.i18n import translate
from ledger import demo
from ledger.services.session import open_for_app
from ledger.store import Store


def offer_demo(store: Store, parent: QWidget | None, *, ask: bool = True) -> None:
    """Fill an empty ledger with demo data — at once, or if the user agrees."""
    if store.readonly or not demo.is_empty(store):
        return
    if ask:
        answer = QMessageBox.question(
            parent, translate("session", "空数据库"), translate("session", "当前数据库中还没有任何企业。\n是否写入一套演示数据（约 300 家企业）以便熟悉功能？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
    demo.generate(store, scale="local")


def open_interactive(path: Path, parent: QWidget | None = None, *, ask_demo: bool = True) -> Store | None:
    from desktop.dialogs.login import ask_login

    store, lock, warnings = open_for_app(path)
    if lock is not None:
        store.on_close(lock.release)
    try:
        if warnings:
            QMessageBox.warning(parent, translate("session", "数据库提示"), "\n\n".join(warnings))
        offer_demo(store, parent, ask=ask_demo)
        user = ask_login(store, parent=parent)
    except BaseException:
        store.close()
        raise
    if user is None:
        store.close()
        return None
    if lock is not None:
        lock.set_user(user.label)
    return store
