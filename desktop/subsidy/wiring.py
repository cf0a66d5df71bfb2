"""Wires the subsidy and claims screens into the main window (``desktop.subsidy.install(window)``):

- a 补贴 menu (试点项目与规则…, 新建补贴申请…, the bulk actions, 导出公示名单…);
- on the 补贴 register: an action bar for the selection and a 办理与测算 tab beside 详情;
- on the 理赔 register: a 理赔流程 tab beside 详情;
- on the dashboard: the budget ledger and the 待办 list, refreshed with it;
- in 设置: a 试点项目 tab opening the programme editor.
Buttons a role cannot use are hidden (``security.can``); the services refuse anyway.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import translate
from desktop.subsidy.common import BULK, MUTED

OPEN_KEYS = {"policy": ("policy", "policy_no"), "subsidy_application": ("subsidy", "application_no"),
             "claim": ("claim", "claim_no")}


def _detail_tabs(page: Any, panel: QWidget, title: str) -> QTabWidget:
    """Put ``panel`` in a tab before the page's own detail pane (the splitter's second widget)."""
    tabs = QTabWidget(page)
    tabs.setObjectName(f"detailTabs_{page.spec.key}")
    page.splitter.replaceWidget(1, tabs)
    tabs.addTab(panel, title)
    tabs.addTab(page.detail, translate("subsidy.wiring", "详情"))
    page.splitter.setSizes([860, 470])
    return tabs


# Attributes made when their page is built (pages are built on first use): asking for one builds it.
_PAGE_OF = {"panel": "subsidy", "subsidy_tabs": "subsidy", "bulk": "subsidy", "action_bar": "subsidy",
            "bar_buttons": "subsidy", "claim_panel": "claim", "claim_tabs": "claim",
            "budget": "dashboard", "reminders": "dashboard", "settings_budget": "settings"}


class SubsidyUi(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.editors: list[QWidget] = []
        self._menu()
        # roles: when the menu opens and when the 补贴 page is built, not at start-up (the window's
        # first frame need not wait for ledger.security and the workflow table to load)
        self.menu.aboutToShow.connect(self.sync_roles)
        window.pages.on_built(self._page_built)

    def __getattr__(self, name: str) -> Any:
        page = _PAGE_OF.get(name)
        if page is None or self.window.pages.is_built(page):
            raise AttributeError(name)
        self.window.pages[page]  # builds it; _page_built sets the attribute
        return self.__dict__[name]

    @property
    def subsidy_page(self) -> Any:
        return self.window.pages["subsidy"]

    @property
    def claim_page(self) -> Any:
        return self.window.pages["claim"]

    @property
    def dashboard(self) -> Any:
        return self.window.pages["dashboard"]

    def _page_built(self, key: str, page: Any) -> None:
        window = self.window
        if key == "subsidy":  # 补贴 register: panel + action bar
            from desktop.subsidy.application_panel import ApplicationPanel

            self.panel = ApplicationPanel(window)
            self.subsidy_tabs = _detail_tabs(page, self.panel, self.tr("办理与测算"))
            self.panel.changed.connect(lambda _id: self.data_changed())
            page.table.selectionModel().selectionChanged.connect(lambda *_a: self._subsidy_selected())
            from desktop.subsidy.bulk_actions import BulkActions

            self.bulk = BulkActions(window, page)
            self.bulk.finished.connect(self._bulk_finished)
            self.action_bar = self._action_bar(page)
            page.layout().insertWidget(1, self.action_bar)
            self.sync_roles()
        elif key == "claim":  # 理赔 register
            from desktop.subsidy.claim_panel import ClaimWorkflowPanel

            self.claim_panel = ClaimWorkflowPanel(window)
            self.claim_tabs = _detail_tabs(page, self.claim_panel, self.tr("理赔流程"))
            self.claim_panel.changed.connect(lambda _id: self.data_changed())
            page.table.selectionModel().selectionChanged.connect(lambda *_a: self._claim_selected())
        elif key == "dashboard":
            from desktop.subsidy.budget_view import BudgetPanel
            from desktop.subsidy.reminders_view import RemindersView

            self.budget = BudgetPanel(window.ops, page, open_only=True)
            self.reminders = RemindersView(window.ops, page)
            self.reminders.openRecord.connect(self.open_record)
            body = page.findChild(QWidget, "dashboardBody")
            if body is not None:
                layout = body.layout()
                layout.insertWidget(2, self.budget)
                layout.insertWidget(3, self.reminders)
            hook = getattr(page, "yearRefresh", None)
            if hook is not None:
                hook.connect(self._dashboard_refresh)
        elif key == "settings":
            self._settings_tab(page)

    @property
    def store(self) -> Any:
        return self.window.store

    # -- construction ------------------------------------------------------------------------
    def _button(self, text: str, slot: Any, parent: QWidget, name: str = "") -> QPushButton:
        b = QPushButton(text, parent)
        if name:
            b.setObjectName(name)
        b.clicked.connect(lambda _c=False: slot())
        return b

    def _action_bar(self, page: QWidget) -> QWidget:
        bar = QWidget(page)
        bar.setObjectName("subsidyActionBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 2, 0, 4)
        row.setSpacing(6)
        self.bar_buttons: dict[str, QPushButton] = {}
        self.bar_buttons["new"] = self._button(self.tr("新建申请…"), self.new_application, bar, "subsidy_new")
        row.addWidget(self.bar_buttons["new"])
        row.addSpacing(8)
        row.addWidget(QLabel(self.tr("选中的申请："), bar))
        for action, text in BULK:
            b = self._button(translate("subsidy.bulk_actions", text) + "…", lambda a=action: self.bulk.ask(a), bar, f"bulk_{action}")
            self.bar_buttons[action] = b
            row.addWidget(b)
        row.addStretch(1)
        self.bar_buttons["programmes"] = self._button(self.tr("试点项目与规则…"), self.open_programmes, bar, "open_programmes")
        self.bar_buttons["publicity"] = self._button(self.tr("导出公示名单…"), self.export_publicity, bar, "export_publicity")
        row.addWidget(self.bar_buttons["programmes"])
        row.addWidget(self.bar_buttons["publicity"])
        return bar

    def _menu(self) -> None:
        w = self.window
        menu = QMenu(self.tr("补贴(&S)"), w)
        self.act_programmes = QAction(self.tr("试点项目与规则…"), w)
        self.act_programmes.triggered.connect(lambda _c=False: self.open_programmes())
        self.act_new = QAction(self.tr("新建补贴申请…"), w)
        self.act_new.triggered.connect(lambda _c=False: self.new_application())
        menu.addActions([self.act_programmes, self.act_new])
        menu.addSeparator()
        self.bulk_actions: dict[str, QAction] = {}
        for action, text in BULK:
            act = QAction(translate("subsidy.bulk_actions", text) + "…", w)
            act.triggered.connect(lambda _c=False, a=action: self._bulk_from_menu(a))
            menu.addAction(act)
            self.bulk_actions[action] = act
        menu.addSeparator()
        self.act_publicity = QAction(self.tr("导出公示名单…"), w)
        self.act_publicity.triggered.connect(lambda _c=False: self.export_publicity())
        menu.addAction(self.act_publicity)
        before = next((a for a in w.menuBar().actions() if a.text() in (translate("RecordActions", "转到(&G)"), translate("MainWindow", "帮助(&H)"))), None)
        w.menuBar().insertMenu(before, menu)
        self.menu = menu

    def _settings_tab(self, settings: QWidget) -> None:
        tabs = getattr(settings, "tabs", None)
        if tabs is None:
            return
        tab = QWidget(settings)
        v = QVBoxLayout(tab)
        note = QLabel(self.tr("每个试点项目年度一套补贴规则：比例、上浮、上限、资格条件、唯一性与取整；"
                      "规则可导入导出为 TOML 文件，年底办结后年度结转。"), tab)
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED}")
        v.addWidget(note)
        row = QHBoxLayout()
        row.addWidget(self._button(self.tr("打开试点项目与规则…"), self.open_programmes, tab, "settings_open_programmes"))
        row.addStretch(1)
        v.addLayout(row)
        from desktop.subsidy.budget_view import BudgetPanel

        self.settings_budget = BudgetPanel(self.window.ops, tab)
        v.addWidget(self.settings_budget)
        v.addStretch(1)
        tabs.addTab(tab, self.tr("试点项目"))
        tabs.currentChanged.connect(lambda _i: self.settings_budget.refresh() if tabs.currentWidget() is tab else None)

    # -- roles ---------------------------------------------------------------------------------
    def sync_roles(self) -> None:
        from ledger.security import can
        from ledger.subsidy.workflow import BY_ACTION

        s = self.store
        record = can(s, "subsidy.record")
        buttons = self.__dict__.get("bar_buttons", {})  # the 补贴 page may not be built yet
        if buttons:
            buttons["new"].setVisible(record)
        self.act_new.setVisible(record)
        for action, _text in BULK:
            allowed = can(s, BY_ACTION[action].permission)
            if buttons:
                buttons[action].setVisible(allowed)
            self.bulk_actions[action].setVisible(allowed)

    # -- reactions -----------------------------------------------------------------------------
    def _subsidy_selected(self) -> None:
        ids = self.subsidy_page.selected_ids()
        if len(ids) == 1:
            self.panel.show_application(ids[0], keep_banner=ids[0] == self.panel.application_id)
        elif len(ids) > 1:
            self.panel.show_none(self.tr("已选择 {n} 件申请：可用上方“批量…”按钮一并办理").format(n=len(ids)))

    def _claim_selected(self) -> None:
        ids = self.claim_page.selected_ids()
        if len(ids) == 1:
            self.claim_panel.show_claim(ids[0], keep_banner=ids[0] == self.claim_panel.claim_id)
        elif len(ids) > 1:
            self.claim_panel.show_none(self.tr("已选择 {n} 件理赔").format(n=len(ids)))

    def _dashboard_refresh(self, year: Any = None) -> None:
        self.budget.refresh(year)
        self.reminders.refresh()

    def _bulk_finished(self, _action: str, ok: bool, _message: str) -> None:
        if ok:
            self.data_changed()
        elif self.panel.application_id is not None:
            self.panel.show_application(self.panel.application_id)

    def _bulk_from_menu(self, action: str) -> None:
        self.window.show_page(list(self.window.pages).index("subsidy"))
        self.bulk.ask(action)

    def data_changed(self) -> None:
        """Something was written: registers, dashboard and panels show it."""
        records = getattr(self.window, "records", None)
        if records is not None:
            records._changed("subsidy")
        else:
            self.subsidy_page.refresh()
        dashboard = self.window.pages.built().get("dashboard")  # not built: fresh when first shown
        if dashboard is not None and self.window.stack.currentWidget() is not dashboard:
            self._dashboard_refresh(getattr(dashboard, "year", None))

    # -- commands ------------------------------------------------------------------------------
    def open_programmes(self, programme_id: int | None = None) -> Any:
        from desktop.subsidy.programme_editor import ProgrammeEditor

        editor = ProgrammeEditor(self.window, programme_id)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.finished.connect(lambda _r, e=editor: self.editors.remove(e) if e in self.editors else None)
        self.editors.append(editor)
        editor.open()
        return editor

    def new_application(self) -> Any:
        from desktop.subsidy.new_application import NewApplicationDialog

        filters = self.subsidy_page.filter_bar.values()
        dialog = NewApplicationDialog(self.window, policy_id=int(filters["policy"]) if filters.get("policy") else None,
                                      programme_id=filters.get("programme"))
        if dialog.exec() and dialog.created_id is not None:
            self.data_changed()
            self.window.statusBar().showMessage(self.tr("已录入补贴申请并完成测算"), 6000)
            self.panel.show_application(dialog.created_id)
        return dialog

    def export_publicity(self) -> None:
        from desktop.subsidy.publicity_export import export_publicity

        programme = self.subsidy_page.filter_bar.values().get("programme")
        export_publicity(self.window, int(programme) if programme else None)

    def open_record(self, table: str, record_id: int) -> None:
        if table == "programme":
            self.open_programmes(record_id)
            return
        if table not in OPEN_KEYS:
            return
        from desktop.navigation import NavState
        from ledger.services import claims, policies, subsidies

        key, field = OPEN_KEYS[table]
        getter = {"policy": policies.get_policy, "subsidy": subsidies.get_application, "claim": claims.get_claim}[key]
        try:
            text = getter(self.store, record_id)[field]
        except Exception:  # noqa: BLE001 — the record went away: open the register unfiltered
            text = ""
        nav = getattr(getattr(self.window, "records", None), "nav", None)
        if nav is not None:
            nav.go(NavState(key, {}, "", text, record_id))
        else:
            self.window.open_register(key, {}, "")
