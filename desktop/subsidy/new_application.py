"""新建补贴申请: 选择保单 → the premium paid defaults from the policy, the programme of the policy's
year is preselected; ``check_application`` runs live (uniqueness, premium above the policy's,
outside the call period…) and ``create_application`` computes the amount."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.forms.pickers import policy_picker, policy_text
from desktop.forms.widgets import AmountEdit, OptionalDate, watch
from desktop.subsidy.common import ERROR, WARN, banner, message_of, set_banner
from ledger.errors import Issue, LedgerError
from ledger.services import programmes as psvc
from ledger.services.policies import get_policy
from ledger.services.subsidies import SubsidyInput, check_application, create_application

YEAR_ROLE = Qt.ItemDataRole.UserRole + 1  # the programme year of a 试点项目 entry


class NewApplicationDialog(QDialog):
    def __init__(self, window: Any, parent: QWidget | None = None, *, policy_id: int | None = None,
                 programme_id: int | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("新建补贴申请"))
        self.setMinimumWidth(640)
        form = QFormLayout()
        self.policy = policy_picker(self.store, getattr(window, "ops", None), self)
        form.addRow(self.tr("申请补贴的保单"), self.policy)
        self.programme = QComboBox(self)
        for r in psvc.list_programmes(self.store):
            if r["status"] != psvc.CLOSED:
                self.programme.addItem(self.tr("{name}（{year} 年度，{status}）").format(name=r['name'], year=r['year'], status=r['status']), r["id"])
                self.programme.setItemData(self.programme.count() - 1, int(r["year"]), YEAR_ROLE)
        form.addRow(self.tr("试点项目"), self.programme)
        self.premium = AmountEdit(self)
        form.addRow(self.tr("实缴保费（元）"), self.premium)
        self.policy_note = QLabel("", self)
        form.addRow("", self.policy_note)
        self.submitted = OptionalDate(self)
        self.submitted.setDate(QDate.currentDate())
        form.addRow(self.tr("申报日期"), self.submitted)
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("留空自动编号（SB-年度-序号）"))
        form.addRow(self.tr("申请编号"), self.number)
        self.declared = QCheckBox(self.tr("企业已承诺未就同一保单重复申报其他资助"), self)
        self.declared.setChecked(True)
        form.addRow("", self.declared)
        self.notes = QLineEdit(self)
        form.addRow(self.tr("备注"), self.notes)
        self.issues = QListWidget(self)
        self.issues.setMaximumHeight(110)
        self.issues.setWordWrap(True)
        self.banner = banner(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("录入申请"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("检查结果"), self))
        layout.addWidget(self.issues)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.policy.changed.connect(self._policy_changed)
        for w in (self.programme, self.premium, self.submitted, self.number, self.declared):
            watch(w, self.validate)
        if programme_id is not None:
            self.programme.setCurrentIndex(max(self.programme.findData(programme_id), 0))
        if policy_id is not None:
            self.policy.set_record(policy_id, policy_text(self.store, policy_id))
        self.validate()

    @property
    def store(self) -> Any:
        return self.window.store

    def _policy_changed(self) -> None:
        pid = self.policy.record_id()
        if pid is None:
            self.policy_note.setText("")
            self.validate()
            return
        try:
            p = get_policy(self.store, pid)
        except LedgerError as exc:
            self.policy_note.setText(message_of(exc))
            return
        self.premium.set_fen(p["premium_paid_fen"])
        self.policy_note.setText(self.tr("保单保费 {premium_fen:,.2f} 元，已缴 {premium_paid_fen:,.2f} 元，保险期间 {start_date} 至 {end_date}").format(premium_fen=p['premium_fen'] / 100, premium_paid_fen=p['premium_paid_fen'] / 100, start_date=p['start_date'], end_date=p['end_date']))
        year = int((p.get("signed_date") or p["start_date"])[:4])
        for i in range(self.programme.count()):
            if self.programme.itemData(i, YEAR_ROLE) == year:
                self.programme.setCurrentIndex(i)
                break
        self.validate()

    def gather(self) -> tuple[SubsidyInput | None, list[Issue]]:
        fen, problem = self.premium.fen()
        pre = [Issue("premium_paid_fen", "amount.text", self.tr("实缴保费：{problem}").format(problem=problem))] if problem else []
        if self.policy.record_id() is None:
            pre.append(Issue("policy_id", "policy.missing", self.tr("请选择申请补贴的保单")))
        if self.programme.currentData() is None:
            pre.append(Issue("programme_id", "programme.missing", self.tr("没有开放的试点项目，请先在“试点项目与规则”中建立")))
        if pre:
            return None, pre
        inp = SubsidyInput(int(self.programme.currentData()), int(self.policy.record_id()), fen,
                           self.submitted.iso() or date.today().isoformat(), self.number.text().strip() or None,
                           self.declared.isChecked(), self.notes.text())
        return inp, check_application(self.store, inp)

    def validate(self) -> list[Issue]:
        _inp, issues = self.gather()
        self.issues.clear()
        for i in issues:
            item = QListWidgetItem(i.message)
            item.setForeground(QColor(ERROR if i.is_error else WARN))
            self.issues.addItem(item)
        if not issues:
            ok = QListWidgetItem(self.tr("可以录入：保存后按项目规则测算补贴金额"))
            ok.setForeground(QColor("#067647"))
            self.issues.addItem(ok)
        return issues

    def messages(self) -> list[str]:
        return [self.issues.item(i).text() for i in range(self.issues.count())]

    def save(self) -> bool:
        inp, issues = self.gather()
        errors = [i for i in issues if i.is_error]
        if inp is None or errors:
            set_banner(self.banner, self.tr("未录入：") + self.tr("；").join(i.message for i in errors))
            return False
        try:
            out = create_application(self.store, inp)
        except LedgerError as exc:
            set_banner(self.banner, self.tr("未录入：") + message_of(exc))
            return False
        self.created_id = out.id
        self.accept()
        return True
