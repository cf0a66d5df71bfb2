"""试点项目与规则 (programme editor): the programme-years on the left; name, year, region, budget,
call dates, status and the grouped rules on the right, validated live (``check_programme``, which
runs ``validate_rules`` with the figures); 导入/导出规则文件 (TOML), 年度结转 with a reason, the
budget ledger of the selected programme and its 公示 list export.

Hidden for users without ``programme.manage`` are the writing buttons; the services refuse anyway.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.forms.widgets import AmountEdit, OptionalDate, watch
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.subsidy.budget_view import BudgetPanel
from desktop.subsidy.common import ERROR, MUTED, WARN, banner, message_of, set_banner
from desktop.subsidy.rules_editor import RulesEditor, yuan_text
from ledger.errors import Issue, LedgerError
from ledger.security import can
from ledger.services import programmes as svc
from ledger.subsidy import RuleSet

TOML_FILTER = QT_TRANSLATE_NOOP("subsidy.programme_editor", "补贴规则文件 (*.toml);;所有文件 (*)")
HEADER_FIELDS = {"name", "year", "region_code", "budget_fen", "call_start", "call_end", "status", "notes"}


class ProgrammeEditor(QDialog):
    def __init__(self, window: Any, programme_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.setWindowTitle(self.tr("试点项目与补贴规则"))
        self.setObjectName("programmeEditor")
        self.resize(1280, 860)
        self.record_id: int | None = None
        self.row: dict[str, Any] | None = None
        self.issues: list[Issue] = []
        self._loading = False

        self.list = QListWidget(self)
        self.list.setObjectName("programmeList")
        self.list.setMinimumWidth(250)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(lambda cur, _prev: self._picked(cur))
        self.new_button = QPushButton(self.tr("新建项目"), self)
        self.new_button.clicked.connect(self.new_programme)
        self.import_button = QPushButton(self.tr("导入规则文件…"), self)
        self.import_button.clicked.connect(self.import_rules)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(QLabel(self.tr("项目年度"), left))
        lv.addWidget(self.list, 1)
        lb = QHBoxLayout()
        lb.addWidget(self.new_button)
        lb.addWidget(self.import_button)
        lv.addLayout(lb)

        body = QWidget(self)
        bv = QVBoxLayout(body)
        bv.setContentsMargins(4, 0, 8, 0)
        head = QGroupBox(self.tr("项目"), body)
        form = QFormLayout(head)
        self.name = QLineEdit(head)
        self.name.setMaxLength(200)
        self.year = QSpinBox(head)
        self.year.setRange(2000, 2100)
        self.year.setMaximumWidth(100)
        self.region = QLineEdit(head)
        self.region.setMaxLength(12)
        self.region.setPlaceholderText(self.tr("行政区划代码，如 320200"))
        self.region.setMaximumWidth(220)
        self.budget = AmountEdit(head)
        self.budget.setPlaceholderText(self.tr("元，可写 500万"))
        self.budget.setMaximumWidth(220)
        self.call_start, self.call_end = OptionalDate(head), OptionalDate(head)
        dates = QHBoxLayout()
        dates.addWidget(self.call_start)
        dates.addWidget(QLabel(self.tr("至"), head))
        dates.addWidget(self.call_end)
        dates.addStretch(1)
        self.status = QComboBox(head)
        for s in svc.EDITABLE_STATUSES:
            self.status.addItem(s, s)
        self.status.setMaximumWidth(120)
        self.notes = QLineEdit(head)
        for label, w in ((self.tr("项目名称"), self.name), (self.tr("项目年度"), self.year), (self.tr("地区代码"), self.region),
                         (self.tr("年度预算（元）"), self.budget)):
            form.addRow(label, w)
        form.addRow(self.tr("申报期"), dates)
        form.addRow(self.tr("项目状态"), self.status)
        form.addRow(self.tr("备注"), self.notes)
        bv.addWidget(head)
        self.budget_panel = BudgetPanel(window.ops, body, title=self.tr("预算执行"))
        bv.addWidget(self.budget_panel)
        self.rules = RulesEditor(body)
        bv.addWidget(self.rules)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        self.issue_list = QListWidget(self)
        self.issue_list.setObjectName("ruleIssues")
        self.issue_list.setMaximumHeight(84)
        self.issue_list.setWordWrap(True)
        self.banner = banner(self)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(scroll, 1)
        rv.addWidget(QLabel(self.tr("规则检查"), right))
        rv.addWidget(self.issue_list)
        rv.addWidget(self.banner)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([270, 1000])

        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.export_button = QPushButton(self.tr("导出规则文件…"), self)
        self.export_button.clicked.connect(self.export_rules)
        self.publicity_button = QPushButton(self.tr("导出公示名单…"), self)
        self.publicity_button.clicked.connect(self.export_publicity)
        self.close_year_button = QPushButton(self.tr("年度结转…"), self)
        self.close_year_button.clicked.connect(self.close_year)
        done = QPushButton(self.tr("关闭"), self)
        done.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.publicity_button)
        buttons.addWidget(self.close_year_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

        for w in (self.name, self.year, self.region, self.budget, self.call_start, self.call_end, self.status,
                  self.notes):
            watch(w, self.validate)
        self.rules.changed.connect(self.validate)
        self.manager = can(self.store, "programme.manage")
        for b in (self.new_button, self.import_button, self.save_button, self.close_year_button):
            b.setVisible(self.manager)
        self.reload(programme_id)

    @property
    def store(self) -> Any:
        return self.window.store

    # -- list ----------------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        rows = svc.list_programmes(self.store)
        self.list.blockSignals(True)
        self.list.clear()
        for r in rows:
            item = QListWidgetItem(self.tr("{name}\n{year} 年度 · {status} · 预算 {yuan_text} 元").format(name=r['name'], year=r['year'], status=r['status'], yuan_text=yuan_text(r['budget_fen'] or 0)))
            item.setData(Qt.ItemDataRole.UserRole, r["id"])
            if r["status"] == svc.CLOSED:
                item.setForeground(QColor(MUTED))
            self.list.addItem(item)
        self.list.blockSignals(False)
        target = select if select is not None else (rows[0]["id"] if rows else None)
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == target:
                self.list.setCurrentRow(i)
                return
        self.new_programme()

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.load(int(item.data(Qt.ItemDataRole.UserRole)))

    def load(self, programme_id: int) -> None:
        row = svc.get_programme(self.store, programme_id)
        self.record_id, self.row = programme_id, row
        self._loading = True
        self.name.setText(row["name"])
        self.year.setValue(row["year"])
        self.region.setText(row["region_code"] or "")
        self.budget.set_fen(row["budget_fen"])
        self.call_start.set_iso(row["call_start"])
        self.call_end.set_iso(row["call_end"])
        i = self.status.findData(row["status"])
        if i < 0:
            self.status.addItem(row["status"], row["status"])
            i = self.status.count() - 1
        self.status.setCurrentIndex(i)
        self.notes.setText(row["notes"] or "")
        self.rules.set_rules(row["rules"] or RuleSet(name=row["name"], year=row["year"]))
        self._loading = False
        closed = row["status"] == svc.CLOSED
        for w in (self.name, self.year, self.region, self.budget, self.call_start, self.call_end, self.status,
                  self.notes, self.rules):
            w.setEnabled(not closed)
        self.save_button.setEnabled(not closed)
        self.close_year_button.setEnabled(not closed)
        self.export_button.setEnabled(bool(row["rules"]))
        self.publicity_button.setEnabled(True)
        self.budget_panel.show()
        self.budget_panel.refresh(programme_id=programme_id)
        set_banner(self.banner, self.tr("该项目已于 {closed_at} 年度结转，不能再修改").format(closed_at=(row['closed_at'] or '')[:10]) if closed else "",
                   "info")
        self.validate()

    def new_programme(self) -> None:
        self.record_id, self.row = None, None
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        year = date.today().year
        self._loading = True
        self.name.setText("")
        self.year.setValue(year)
        for w in (self.region, self.notes, self.budget):
            w.setText("")
        self.call_start.set_iso(None)
        self.call_end.set_iso(None)
        self.status.setCurrentIndex(self.status.findData("开放"))
        self.rules.set_rules(RuleSet(name="", year=year))
        self._loading = False
        for w in (self.name, self.year, self.region, self.budget, self.call_start, self.call_end, self.status,
                  self.notes, self.rules):
            w.setEnabled(True)
        self.save_button.setEnabled(True)
        for b in (self.close_year_button, self.export_button, self.publicity_button):
            b.setEnabled(False)
        self.budget_panel.hide()
        set_banner(self.banner, "")
        self.validate()
        self.name.setFocus()

    # -- validation ----------------------------------------------------------------------------
    def gather(self) -> tuple[svc.ProgrammeInput | None, list[Issue]]:
        budget, problem = self.budget.fen()
        pre = [Issue("budget_fen", "amount.text", self.tr("年度预算：{problem}").format(problem=problem))] if problem else []
        name, year = self.name.text().strip(), self.year.value()
        rules, issues = self.rules.rules(name, year, budget)
        if rules is None:
            return None, pre + issues
        inp = svc.ProgrammeInput(name, year, rules, self.region.text().strip(), budget if self.budget.text().strip() else 0,
                                 self.call_start.iso(), self.call_end.iso(), str(self.status.currentData()),
                                 self.notes.text())
        return inp, pre + svc.check_programme(self.store, inp, record_id=self.record_id)

    def validate(self) -> list[Issue]:
        if self._loading:
            return self.issues
        _inp, issues = self.gather()
        self.issues = issues
        self.issue_list.clear()
        for i in issues:
            item = QListWidgetItem((self.tr("错误：") if i.is_error else self.tr("提示：")) + i.message)
            item.setForeground(QColor(ERROR if i.is_error else WARN))
            self.issue_list.addItem(item)
        if not issues:
            ok = QListWidgetItem(self.tr("规则一致，可以保存"))
            ok.setForeground(QColor("#067647"))
            self.issue_list.addItem(ok)
        self.rules.mark(issues)
        return issues

    def issue_texts(self) -> list[str]:
        return [i.message for i in self.issues]

    # -- actions -------------------------------------------------------------------------------
    def save(self) -> bool:
        inp, issues = self.gather()
        self.validate()
        errors = [i for i in issues if i.is_error]
        if inp is None or errors:
            rules_only = all(i.field not in HEADER_FIELDS for i in errors)
            head = self.tr("规则自相矛盾，未保存：") if rules_only else self.tr("未保存：")
            set_banner(self.banner, head + self.tr("；").join(i.message for i in errors))
            return False
        try:
            if self.record_id is None:
                out = svc.create_programme(self.store, inp)
            else:
                out = svc.update_programme(self.store, self.record_id, inp,
                                           expected_revision=self.row["revision"] if self.row else None)
        except LedgerError as exc:
            set_banner(self.banner, self.tr("未保存：") + message_of(exc))
            return False
        self.reload(out.id)
        set_banner(self.banner, self.tr("已保存“{name}”（{year} 年度）；审核中的申请已按新规则重新测算").format(name=inp.name, year=inp.year), "ok")
        self._changed()
        return True

    def import_rules(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入规则文件"), "", translate("subsidy.programme_editor", TOML_FILTER))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        try:
            out = svc.import_programme_toml(self.store, path.read_text(encoding="utf-8"), path.name)
        except (LedgerError, OSError, UnicodeDecodeError) as exc:
            set_banner(self.banner, self.tr("规则文件 {name} 未导入：").format(name=path.name) + message_of(exc))
            return False
        self.reload(out.id)
        set_banner(self.banner, self.tr("已导入规则文件 {name}").format(name=path.name), "ok")
        self._changed()
        return True

    def export_rules(self) -> None:
        if self.record_id is None:
            return
        suggested = f"{self.name.text().strip() or '补贴规则'}.toml"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出规则文件"), suggested, translate("subsidy.programme_editor", TOML_FILTER))
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> bool:
        try:
            path.write_text(svc.export_programme_toml(self.store, self.record_id), encoding="utf-8")
        except (LedgerError, OSError) as exc:
            set_banner(self.banner, self.tr("未导出：") + message_of(exc))
            return False
        set_banner(self.banner, self.tr("已导出到 {path}").format(path=path), "ok")
        return True

    def close_year(self, reason: str | None = None) -> bool:
        if self.record_id is None or self.row is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getMultiLineText(
                self, self.tr("年度结转"), self.tr("年度结转后“{name}”（{year} 年度）及其全部补贴申请将被冻结，不能再修改。\n请填写结转说明：").format(name=self.row['name'], year=self.row['year']))
            if not ok:
                return False
        try:
            svc.close_programme(self.store, self.record_id, reason)
        except LedgerError as exc:
            set_banner(self.banner, self.tr("未结转：") + message_of(exc))
            return False
        self.reload(self.record_id)
        set_banner(self.banner, self.tr("已年度结转，本年度数据已冻结"), "ok")
        self._changed()
        return True

    def export_publicity(self) -> None:
        if self.record_id is not None:
            from desktop.subsidy.publicity_export import export_publicity

            export_publicity(self.window, self.record_id, self)

    def _changed(self) -> None:
        hook = getattr(self.window, "subsidy_ui", None)
        if hook is not None:
            hook.data_changed()
