"""The main window: navigation, menus, toolbar, status bar; pages live in desktop/pages/."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QWidget,
)

from desktop.exchange import install as install_exchange_ui
from desktop.i18n import QT_TRANSLATE_NOOP, register_text, translate
from desktop.importing.menu import install as install_import_actions
from desktop.models.formatting import apply_store_preferences
from desktop.ops import Ops
from desktop.page_registry import REGISTER_KEYS, Pages
from desktop.record_actions import RecordActions
from desktop.subsidy import install as install_subsidy_ui
from desktop.warm_up import warm_up_then_freeze
from ledger.errors import LedgerError

if TYPE_CHECKING:
    from ledger.store import Store

APP_TITLE = QT_TRANSLATE_NOOP("main_window", "知识产权保险试点工作台")
DB_FILTER = QT_TRANSLATE_NOOP("main_window", "工作台数据库 (*.sqlite *.db);;所有文件 (*)")
MAX_RECENT = 8
USER_LABEL_DELAY_MS = 50  # after the start page's first query (MainWindow._first_idle)
SP = QStyle.StandardPixmap
# (key, title, icon) in navigation order; Ctrl+1 … Ctrl+9 follow this order
PAGES = (
    ("dashboard", QT_TRANSLATE_NOOP("main_window", "工作台"), SP.SP_ComputerIcon),
    ("enterprise", QT_TRANSLATE_NOOP("main_window", "企业"), SP.SP_DirHomeIcon),
    ("ip_right", QT_TRANSLATE_NOOP("main_window", "知识产权"), SP.SP_FileDialogDetailedView),
    ("policy", QT_TRANSLATE_NOOP("main_window", "保单"), SP.SP_FileIcon),
    ("subsidy", QT_TRANSLATE_NOOP("main_window", "补贴"), SP.SP_DialogApplyButton),
    ("claim", QT_TRANSLATE_NOOP("main_window", "理赔"), SP.SP_MessageBoxWarning),
    ("case", QT_TRANSLATE_NOOP("main_window", "典型案例"), SP.SP_FileDialogInfoView),
    ("reports", QT_TRANSLATE_NOOP("main_window", "报表"), SP.SP_FileDialogListView),
    ("settings", QT_TRANSLATE_NOOP("main_window", "设置"), SP.SP_FileDialogContentsView),
)


class MainWindow(QMainWindow):
    def __init__(self, store: Store, settings: QSettings | None = None) -> None:
        super().__init__()
        self.store = store
        self.settings = settings or QSettings()
        apply_store_preferences(store)  # 日期格式 / 金额显示单位 before the first page queries
        self.ops = Ops(store, self)
        self.ops.error.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.setWindowTitle(translate("main_window", APP_TITLE))
        self.setMinimumSize(QSize(1024, 640))
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setIconSize(QSize(18, 18))
        self.nav.setUniformItemSizes(True)
        self.stack = QStackedWidget(self)
        # Pages are built on first use (navigation, a link, ``pages[key]``): the start-up builds
        # and imports only the page shown first. Until then the stack holds an empty placeholder.
        self.pages = Pages(self, [key for key, _title, _icon in PAGES], self.stack, self._make_page)
        for _key, title, icon in PAGES:
            item = QListWidgetItem(self.style().standardIcon(icon), translate("main_window", title), self.nav)
            item.setSizeHint(QSize(150, 40))
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.nav.currentRowChanged.connect(self._on_page)
        self.records = RecordActions(self)  # forms, undo/redo, delete, linked navigation, back/forward
        self.importing = install_import_actions(self)  # 文件 › 导入数据…、下载导入模板…、保险机构清单对账…
        self.subsidy_ui = install_subsidy_ui(self)  # 补贴 menu, programme editor, workflow panels, budget + 待办
        self.exchange_ui = install_exchange_ui(self)  # 文件 › 数据交换: export/import packages, conflicts, keys
        self._restore_state()
        self.ops.busyChanged.connect(self._first_idle)

    def _first_idle(self, busy: bool) -> None:
        """The start page has its data: load what later work needs, in the background."""
        if busy:
            return
        self.ops.busyChanged.disconnect(self._first_idle)
        # the status bar's user (ledger.security, ~20 ms) once the start page's data has painted;
        # pypinyin (~0.3 s, GIL-friendly) for the first pinyin sort after the data's first frames,
        # then the start-up heap frozen so that no full GC stalls the GUI (desktop/warm_up.py)
        QTimer.singleShot(USER_LABEL_DELAY_MS, self, self._show_user)
        warm_up_then_freeze(self)

    # -- construction ------------------------------------------------------------------------
    def _make_page(self, key: str) -> QWidget:
        """Build page ``key`` (called once, by :class:`Pages`); the page modules import here."""
        if key == "dashboard":
            from desktop.pages.dashboard import DashboardPage

            page = DashboardPage(self.ops, self)
            page.openRegister.connect(self.open_register)
            return page
        if key == "reports":
            from desktop.pages.reports_page import ReportsPage

            return ReportsPage(self.ops, self.settings, self)
        if key == "settings":
            from desktop.pages.settings_page import SettingsPage

            return SettingsPage(self.ops, self.settings, self)
        from desktop.pages.register_page import RegisterPage
        from ledger.store.registers import REGISTERS

        page = RegisterPage(REGISTERS[key], self.ops, self)
        page.countChanged.connect(lambda text, p=page: self._count_changed(p, text))
        page.newRecordRequested.connect(self._new_record_hook)
        page.restore_state(self.settings)
        return page

    def _action(self, text: str, slot, shortcut: Any = None, icon: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        k = QKeySequence.StandardKey
        self.act_new_db = self._action(self.tr("新建数据库…"), self.new_database, None, SP.SP_FileDialogNewFolder)
        self.act_open_db = self._action(self.tr("打开数据库…"), self.open_database_dialog, k.Open, SP.SP_DialogOpenButton)
        self.act_backup = self._action(self.tr("备份…"), self.backup_database, "Ctrl+Shift+B", SP.SP_DialogSaveButton,
                                       self.tr("把当前数据库备份到指定位置"))
        self.act_restore = self._action(self.tr("从备份恢复…"), self.restore_database, None, None)
        self.act_quit = self._action(self.tr("退出"), self.close, k.Quit)
        self.act_new_record = self._action(self.tr("新建记录"), self.new_record, k.New, SP.SP_FileIcon,
                                           self.tr("在当前登记簿中新建一条记录"))
        self.act_find = self._action(self.tr("查找"), self.focus_search, k.Find, None, self.tr("定位到搜索框"))
        self.act_refresh = self._action(self.tr("刷新"), self.refresh_current, k.Refresh, SP.SP_BrowserReload)
        self.page_actions = []
        for i, (_key, title, _icon) in enumerate(PAGES):
            act = self._action(translate("main_window", title), lambda i=i: self.show_page(i), f"Ctrl+{i + 1}")
            self.page_actions.append(act)
            self.addAction(act)
        self.act_about = self._action(self.tr("关于"), self.about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addActions([self.act_new_db, self.act_open_db])
        self.recent_menu = file_menu.addMenu(self.tr("最近打开"))
        file_menu.addSeparator()
        file_menu.addActions([self.act_backup, self.act_restore])
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        edit_menu.addActions([self.act_new_record, self.act_find])
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        view_menu.addActions(self.page_actions)
        view_menu.addAction(self._action(self.tr("审计日志"), self.show_audit, "Ctrl+Shift+L", None,
                                         self.tr("查看审计日志；在台账中选中记录时只看这些记录")))
        view_menu.addSeparator()
        view_menu.addAction(self.act_refresh)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.act_about)
        self._fill_recent()

    def _build_toolbar(self) -> None:
        tb = self.addToolBar(self.tr("常用"))
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.setIconSize(QSize(16, 16))
        tb.addActions([self.act_new_record, self.act_refresh])
        tb.addSeparator()
        tb.addActions([self.act_open_db, self.act_backup])

    def _build_status_bar(self) -> None:
        self.count_status = QLabel("", self)
        self.db_status = QLabel("", self)
        self.user_status = QLabel("", self)
        sb = self.statusBar()
        sb.addPermanentWidget(self.count_status)
        sb.addPermanentWidget(self.db_status)
        sb.addPermanentWidget(self.user_status)
        self._show_store_info(user=False)  # the user: after the start page's data (_first_idle)

    def _show_store_info(self, user: bool = True) -> None:
        path = str(self.store.path)
        self.db_status.setText(self.tr("数据库：{path}").format(path=path) + (self.tr("（只读）") if self.store.readonly else ""))
        self.db_status.setToolTip(path)
        self.setWindowTitle(f"{translate('main_window', APP_TITLE)} — {Path(path).name}")
        if user:
            self._show_user()

    def _show_user(self) -> None:
        from ledger import security

        user = security.current_user(self.store)
        self.user_status.setText(self.tr("用户：{display_name}（{role}）").format(display_name=user.display_name or user.username, role=user.role) if user
                                 else self.tr("用户：{actor}").format(actor=self.store.actor))

    # -- pages -------------------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def current_key(self) -> str:
        return PAGES[max(self.stack.currentIndex(), 0)][0]

    def _on_page(self, index: int) -> None:
        if index < 0:
            return
        key = PAGES[index][0]
        page = self.pages[key]  # built now if it is shown for the first time
        self.stack.setCurrentIndex(index)
        register = key in REGISTER_KEYS
        if register:
            page.ensure_loaded()
            self.count_status.setText(page.count_text())
        else:
            self.count_status.setText("")
            if key == "dashboard":
                if page.stats is None:
                    page.refresh()
            else:  # reports, settings
                page.ensure_loaded()
        self.act_new_record.setEnabled(register)
        self.act_find.setEnabled(register)

    def open_register(self, key: str, filters: dict, description: str = "") -> None:
        self.show_page([p[0] for p in PAGES].index(key))
        page = self.pages[key]
        assert key in REGISTER_KEYS
        page.open_filtered(filters, description)

    def show_audit(self) -> None:
        """The audit viewer (设置 › 审计日志), limited to the records selected in a register."""
        page, uuids, text = self.stack.currentWidget(), None, ""
        if self.current_key() in REGISTER_KEYS and page.selected_ids():
            from ledger.services.audit_view import record_uuids

            uuids = record_uuids(self.store, page.spec.key, page.selected_ids())[1]
            text = self.tr("{title} {n} 条").format(title=register_text(page.spec.title), n=len(uuids))
        self.show_page([p[0] for p in PAGES].index("settings"))
        self.pages["settings"].show_audit(uuids, text)

    def _count_changed(self, page: QWidget, text: str) -> None:
        if self.stack.currentWidget() is page:
            self.count_status.setText(text)

    def focus_search(self) -> None:
        page = self.stack.currentWidget()
        if self.current_key() in REGISTER_KEYS:
            page.focus_search()

    def new_record(self) -> None:
        page = self.stack.currentWidget()
        if self.current_key() in REGISTER_KEYS:
            page.request_new_record()

    def _new_record_hook(self, key: str) -> None:
        self.records.new_record(key)

    def refresh_current(self) -> None:
        page = self.stack.currentWidget()
        if self.current_key() in REGISTER_KEYS or self.current_key() == "dashboard":
            page.refresh()

    # -- database files ----------------------------------------------------------------------
    def _remember(self, path: Path) -> None:
        recent = [p for p in self.recent_files() if p != str(path)]
        self.settings.setValue("recentFiles", [str(path), *recent][:MAX_RECENT])
        self._fill_recent()

    def recent_files(self) -> list[str]:
        value = self.settings.value("recentFiles") or []
        return [value] if isinstance(value, str) else [str(v) for v in value]

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for path in files:
            self.recent_menu.addAction(path, lambda p=path: self.switch_database(Path(p)))
        self.recent_menu.setEnabled(bool(files))

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("新建数据库"), str(Path.home() / self.tr("新数据库.sqlite")), translate("main_window", DB_FILTER))
        if path:
            target = Path(path)
            if target.exists() and target.stat().st_size > 0:
                QMessageBox.warning(self, self.tr("新建数据库"), self.tr("文件 {target} 已存在；请用“打开数据库”。").format(target=target))
                return
            self.switch_database(target)

    def open_database_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开数据库"), str(self.store.path.parent), translate("main_window", DB_FILTER))
        if path:
            self.switch_database(Path(path))

    def switch_database(self, path: Path) -> bool:
        from desktop.session import open_interactive

        try:
            new_store = open_interactive(path, self)
        except LedgerError as exc:
            QMessageBox.critical(self, self.tr("无法打开数据库"), exc.message)
            return False
        if new_store is None:
            return False
        self._use_store(new_store)
        self._remember(path)
        return True

    def _use_store(self, new_store: Store) -> None:
        old = self.store
        self.ops.set_store(new_store)
        self.records.set_store(new_store)
        self.store = new_store
        if old is not new_store:
            old.close()
        for key, page in self.pages.built().items():  # pages not built yet start on the new store
            if key in REGISTER_KEYS:
                page.set_ops(self.ops)
            elif key == "dashboard":
                page.stats = None
            else:
                page.store_changed()
        self._show_store_info()
        self.subsidy_ui.sync_roles()
        self._on_page(self.stack.currentIndex())
        self.refresh_current()

    def backup_database(self) -> None:
        from desktop import backup_actions

        backup_actions.backup_database(self)

    def restore_database(self) -> None:
        from desktop import backup_actions

        backup_actions.restore_database(self)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("关于"), self.tr("<b>{title}</b><p>知识产权保险保费补贴试点的离线台账与统计工具。</p>").format(title=translate("main_window", APP_TITLE)))

    # -- state -------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        try:
            last = int(self.settings.value("window/page", 0))
        except (TypeError, ValueError):
            last = 0
        self.show_page(last if 0 <= last < len(PAGES) else 0)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/page", self.stack.currentIndex())
        for key, page in self.pages.built().items():  # the others were not restored, so not changed
            if key in REGISTER_KEYS:
                page.save_state(self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.ops.wait(3000)
        super().closeEvent(event)
