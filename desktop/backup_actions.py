"""File menu backup and restore, through ledger services (permission-checked, audited)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from ledger import security
from ledger.errors import LedgerError
from ledger.services.backups import backup_now, restore_from, verify_backup_file

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

DB_FILTER = QT_TRANSLATE_NOOP("backup_actions", "工作台数据库 (*.sqlite *.db);;所有文件 (*)")


def backup_database(window: MainWindow) -> None:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    store = window.store
    default = store.path.with_name(f"{store.path.stem}-备份-{stamp}.sqlite")
    path, _ = QFileDialog.getSaveFileName(window, translate("backup_actions", "备份数据库"), str(default), translate("backup_actions", DB_FILTER))
    if not path:
        return
    dest = Path(path)
    window.statusBar().showMessage(translate("backup_actions", "正在备份…"))
    window.ops.run("backup", lambda s: backup_now(s, dest),
                   lambda p: window.statusBar().showMessage(translate("backup_actions", "已备份到 {p}").format(p=p), 8000),
                   lambda exc: QMessageBox.critical(window, translate("backup_actions", "备份失败"), getattr(exc, "message", str(exc))))


def restore_database(window: MainWindow) -> None:
    from desktop.session import open_interactive

    store = window.store
    try:
        security.require(store, "backup.restore")
    except LedgerError as exc:
        QMessageBox.warning(window, translate("backup_actions", "无法恢复"), exc.message)
        return
    path, _ = QFileDialog.getOpenFileName(window, translate("backup_actions", "选择备份文件"), str(store.path.parent), translate("backup_actions", DB_FILTER))
    if not path:
        return
    source = Path(path)
    try:
        verify_backup_file(source)
    except LedgerError as exc:
        QMessageBox.critical(window, translate("backup_actions", "无法恢复"), exc.message)
        return
    answer = QMessageBox.question(
        window, translate("backup_actions", "从备份恢复"),
        translate("backup_actions", "用备份 {name} 替换当前数据库 {name2}？\n当前数据会先另存一份，恢复后需要重新登录。").format(name=source.name, name2=store.path.name))
    if answer != QMessageBox.StandardButton.Yes:
        return
    db_path, actor = store.path, store.actor
    window.ops.set_store(None)
    store.close()
    try:
        kept = restore_from(db_path, source, actor=actor)
        new_store = open_interactive(db_path, window, ask_demo=False)
    except LedgerError as exc:
        QMessageBox.critical(window, translate("backup_actions", "恢复失败"), exc.message)
        new_store = None
        kept = None
    if new_store is None:  # login cancelled or failed: nothing sensible to show, close the window
        window.close()
        return
    window._use_store(new_store)
    window.statusBar().showMessage(translate("backup_actions", "已从 {source} 恢复；恢复前的数据库另存为 {kept}").format(source=source, kept=kept), 10000)
