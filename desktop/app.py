"""GUI entry point: ``run_gui(db_path)`` builds the QApplication and the main window.

``desktop.cli`` calls it for ``ipdesk gui``. Qt is imported only inside the functions here, so
importing this module stays cheap for headless commands.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.qt_workarounds import pin_bool_singletons
from ledger.paths import resource_path, resources_root

ORG_NAME = "ipdesk"
APP_NAME = "ipdesk"
DISPLAY_NAME = "知识产权保险试点工作台"  # translated as main_window.APP_TITLE
LANGUAGE_KEY = "ui/language"  # QSettings: "zh_CN" (default) or "en"; applied at start-up
LANGUAGES = ("zh_CN", "en")


def translation_file(language: str) -> Path:
    """Our compiled catalogue for ``language`` (``make i18n`` builds it from the .ts)."""
    return resources_root() / "translations" / f"ipdesk_{language}.qm"


def saved_language() -> str:
    """The UI language chosen in 设置 (QSettings ``ui/language``), ``zh_CN`` unless it is ``en``."""
    from PySide6.QtCore import QSettings

    value = str(QSettings().value(LANGUAGE_KEY, "zh_CN") or "zh_CN")
    return value if value in LANGUAGES else "zh_CN"


def apply_language(app, language: str) -> bool:  # type: ignore[no-untyped-def]
    """Install the translators of ``language`` on ``app``, replacing those installed before.

    Chinese (the source language): Qt's own ``qtbase_zh_CN`` only. English: our ``ipdesk_en.qm``
    (Qt's own strings are English already). Returns False when a catalogue is missing (the UI then
    stays Chinese). Widgets built before the call keep their texts; the app applies it at start-up.
    """
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    for old in getattr(app, "_ipdesk_translators", ()):
        app.removeTranslator(old)
    translators = []
    ok = True
    if language == "en":
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        ours = QTranslator(app)
        ok = ours.load(str(translation_file("en")))
        if ok:
            translators.append(ours)
    else:
        locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        qt = QTranslator(app)
        if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt)
    for translator in translators:
        app.installTranslator(translator)
    QLocale.setDefault(locale)
    app._ipdesk_translators = translators  # keep them alive
    app._ipdesk_language = language if ok else "zh_CN"
    app.setApplicationDisplayName(QCoreApplication.translate("main_window", DISPLAY_NAME))
    return ok


def make_application(argv: list[str] | None = None):
    """The QApplication with names, the UI language of 设置 (Qt's zh_CN translations by default,
    or English) and our style (idempotent: the language is applied once, at start-up)."""
    pin_bool_singletons()
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
    if getattr(app, "_ipdesk_language", None) is None:
        apply_language(app, saved_language())
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
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from desktop.main_window import MainWindow
    from desktop.session import open_interactive
    from ledger.errors import LedgerError

    try:
        store = open_interactive(Path(db_path), ask_demo=not demo_if_empty)
    except LedgerError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("MainWindow", "无法打开数据库"), exc.message)
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
