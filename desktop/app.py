"""GUI entry point: ``run_gui(db_path)`` builds the QApplication and the main window.

``desktop.cli`` calls it for ``ipdesk gui``. Qt is imported only inside the functions here, so
importing this module stays cheap for headless commands.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.qt_workarounds import pin_bool_singletons
from ledger.paths import resource_path

ORG_NAME = "ipdesk"
APP_NAME = "ipdesk"
DISPLAY_NAME = "知识产权保险试点工作台"


def make_application(argv: list[str] | None = None):
    """The QApplication with names, Qt's zh_CN translations and our style (idempotent)."""
    pin_bool_singletons()
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from desktop import style

    app = QApplication.instance()
    if app is None:
        from desktop.input_method import apply_input_method_workaround

        im_advice = apply_input_method_workaround()  # fcitx sessions: the wheel has no fcitx plugin
        if im_advice:
            sys.stderr.write(im_advice + "\n")
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app._ipdesk_im_advice = im_advice
        app.setWindowIcon(QIcon(str(resource_path("icons", "ipdesk.svg"))))
        app.setDesktopFileName("cn.gov.ipdesk")  # Wayland: ties windows to the .desktop entry and icon
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(DISPLAY_NAME)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    if not getattr(app, "_ipdesk_translator", None):
        translator = QTranslator(app)
        path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", path):
            app.installTranslator(translator)
        app._ipdesk_translator = translator  # keep it alive
    style.apply(app)
    return app


PACKAGE_SUFFIXES = (".ipx",)
DATABASE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def handle_open_file(window, path: Path):  # type: ignore[no-untyped-def]
    """What ``ipdesk gui FILE`` does with FILE once the window is shown: a ``.ipx`` exchange package
    starts the import flow (its manifest shown for confirmation, then verify + import). Returns the
    import dialog, or None for any other file (a message says why)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    path = Path(path)
    if path.suffix.lower() in PACKAGE_SUFFIXES:
        from desktop.exchange import open_package

        return open_package(window, path)
    QMessageBox.warning(window, QCoreApplication.translate("App", "打开文件"),
                        QCoreApplication.translate("App", "不认识的文件类型：{0}（可以打开 .ipx 数据交换包或 .sqlite 数据库）")
                        .format(path.name))
    return None


def run_gui(db_path: Path, *, demo_if_empty: bool = False, open_file: Path | None = None) -> int:
    """Open ``db_path`` (lock, warnings, demo offer, login) and run the main window.

    ``open_file`` (from ``ipdesk gui FILE``, e.g. a double-clicked ``.ipx``) is handed to
    :func:`handle_open_file` after login, once the window is shown. Returns the exit code: 0
    normally or when the login is cancelled, 3 when the file can't open.
    """
    app = make_application()
    from PySide6.QtWidgets import QMessageBox

    from desktop.main_window import MainWindow
    from desktop.session import open_interactive
    from ledger.errors import LedgerError

    try:
        store = open_interactive(Path(db_path), ask_demo=not demo_if_empty)
    except LedgerError as exc:
        QMessageBox.critical(None, "无法打开数据库", exc.message)
        return exc.exit_code
    if store is None:
        return 0
    window = MainWindow(store)
    window._remember(Path(db_path))
    window.show()
    if open_file is not None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: handle_open_file(window, Path(open_file)))
    try:
        return app.exec()
    finally:
        store = window.store
        window.ops.wait(5000)
        store.close()
