"""理赔流程面板 (in the 理赔 register beside the record's details): the next states allowed from the
current one (报案 → 受理 → 调查中/诉讼中 → 结案 / 拒赔 / 撤案) each asking what it needs (结案: outcome
and date; 拒赔/撤案: reason), the cost items, the payments with 先行赔付 and 赔付 added here, and
核对先行赔付 (``reconcile_advances``) whose refusal shows the figures."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.forms.widgets import AmountEdit, OptionalDate
from desktop.subsidy.common import ERROR, MUTED, banner, message_of, set_banner, yuan
from ledger.errors import LedgerError
from ledger.security import can
from ledger.services import claim_workflow as cw
from ledger.services.claims import OUTCOMES, get_claim

STATE_COLOURS = {"报案": "#175cd3", "受理": "#175cd3", "调查中": "#7a5af8", "诉讼中": "#7a5af8",
                 "结案": "#067647", "拒赔": "#b42318", "撤案": "#5b6475"}


class ClaimStepDialog(QDialog):
    """Asks what a claim transition (or a payment) needs."""

    def __init__(self, title: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        form = QFormLayout()
        self.day = OptionalDate(self)
        self.day.setDate(QDate.currentDate())
        self.outcome = QComboBox(self)
        self.amount = AmountEdit(self)
        self.judgement, self.settlement = AmountEdit(self), AmountEdit(self)
        self.reason = QPlainTextEdit(self)
        self.reason.setFixedHeight(64)
        self.note = QLineEdit(self)
        if what in ("先行赔付", "赔付"):
            form.addRow(self.tr("金额（元）"), self.amount)
            form.addRow(self.tr("支付日期"), self.day)
            form.addRow(self.tr("说明"), self.note)
        else:
            form.addRow(self.tr("办理日期") if what != "结案" else self.tr("结案日期"), self.day)
            if what == "结案":
                self.outcome.addItem(self.tr("（请选择）"), None)
                for o in OUTCOMES:
                    self.outcome.addItem(o, o)
                form.addRow(self.tr("案件结果（必填）"), self.outcome)
                form.addRow(self.tr("判决金额（元）"), self.judgement)
                form.addRow(self.tr("和解金额（元）"), self.settlement)
            form.addRow(self.tr("理由（必填）") if what in ("拒赔", "撤案") else self.tr("说明"), self.reason)
        self.error = QLabel("", self)
        self.error.setStyleSheet(f"color: {ERROR}")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        for edit in (self.amount, self.judgement, self.settlement):
            if edit.fen()[1]:
                self.error.setText(edit.fen()[1])
                return
        if self.what == "结案" and self.outcome.currentData() is None:
            self.error.setText(self.tr("结案须填写案件结果（{OUTCOMES}）").format(OUTCOMES='、'.join(OUTCOMES)))
            return
        if self.what in ("拒赔", "撤案") and not self.reason.toPlainText().strip():
            self.error.setText(self.tr("{what}必须填写理由").format(what=self.what))
            return
        self.accept()


class ClaimWorkflowPanel(QWidget):
    changed = Signal(int)

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.setObjectName("claimWorkflowPanel")
        self.claim_id: int | None = None
        self.row: dict[str, Any] = {}
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        self.title = QLabel("", self)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.case = QLabel("", self)
        self.case.setWordWrap(True)
        layout.addWidget(self.case)
        layout.addWidget(QLabel(self.tr("<b>办理</b>"), self))
        self.state_row = QHBoxLayout()
        layout.addLayout(self.state_row)
        layout.addWidget(QLabel(self.tr("<b>费用明细</b>"), self))
        self.costs = self._table([self.tr("费用类别"), self.tr("索赔（元）"), self.tr("核定（元）"), self.tr("已赔（元）")])
        layout.addWidget(self.costs)
        layout.addWidget(QLabel(self.tr("<b>赔款支付</b>"), self))
        self.payments = self._table([self.tr("类型"), self.tr("金额（元）"), self.tr("支付日期"), self.tr("核对"), self.tr("说明")])
        layout.addWidget(self.payments)
        self.figures = QLabel("", self)
        self.figures.setWordWrap(True)
        self.figures.setStyleSheet(f"color: {MUTED}")
        layout.addWidget(self.figures)
        pay_row = QHBoxLayout()
        self.advance_button = QPushButton(self.tr("登记先行赔付…"), self)
        self.advance_button.clicked.connect(lambda: self.ask_payment("先行赔付"))
        self.final_button = QPushButton(self.tr("登记最终赔付…"), self)
        self.final_button.clicked.connect(lambda: self.ask_payment("赔付"))
        self.reconcile_button = QPushButton(self.tr("核对先行赔付"), self)
        self.reconcile_button.clicked.connect(self.reconcile)
        for b in (self.advance_button, self.final_button, self.reconcile_button):
            pay_row.addWidget(b)
        pay_row.addStretch(1)
        layout.addLayout(pay_row)
        self.banner = banner(self)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        self.show_none()

    def _table(self, headers: list[str]) -> QTableWidget:
        t = QTableWidget(0, len(headers), self)
        t.setHorizontalHeaderLabels(headers)
        t.verticalHeader().hide()
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(True)
        t.setMinimumHeight(110)
        t.setMaximumHeight(190)
        return t

    @property
    def store(self) -> Any:
        return self.window.store

    def show_none(self, text: str = "") -> None:
        text = text or self.tr("选择一件理赔案件查看流程与赔付")
        self.claim_id = None
        self.title.setText(f"<span style='color:{MUTED}'>{escape(text)}</span>")
        self.case.setText("")
        self.costs.setRowCount(0)
        self.payments.setRowCount(0)
        self.figures.setText("")
        set_banner(self.banner, "")
        self._state_buttons(())
        for b in (self.advance_button, self.final_button, self.reconcile_button):
            b.setVisible(False)

    def show_claim(self, claim_id: int, *, keep_banner: bool = False) -> None:
        try:
            row = get_claim(self.store, claim_id)
            status = cw.advance_status(self.store, claim_id)
        except LedgerError as exc:
            self.show_none(message_of(exc))
            return
        self.claim_id, self.row = claim_id, row
        state = row["state"]
        colour = STATE_COLOURS.get(state, "#1c2433")
        self.title.setText(self.tr("<b style='font-size:14px'>{claim_no}</b>　<span style='color:#fff;background:{colour}'>&nbsp;{state}&nbsp;</span>").format(claim_no=escape(row['claim_no']), colour=colour, state=escape(state)))
        bits = [self.tr("报案 {reported_date}").format(reported_date=row['reported_date'])]
        if row.get("counterparty"):
            bits.append(self.tr("对方 {counterparty}").format(counterparty=row['counterparty']))
        if row.get("court") or row.get("jurisdiction"):
            bits.append(f"{row.get('court') or ''}{'（' + row['jurisdiction'] + '）' if row.get('jurisdiction') else ''}")
        if row.get("case_number"):
            bits.append(self.tr("案号 {case_number}").format(case_number=row['case_number']))
        if row.get("outcome"):
            bits.append(self.tr("结果 {outcome}（{get}）").format(outcome=row['outcome'], get=row.get('closed_date') or ''))
        self.case.setText(self.tr("；").join(bits))
        self.costs.setRowCount(len(row["cost_items"]))
        for r, i in enumerate(row["cost_items"]):
            self._set_row(self.costs, r, [i["category"], yuan(i["claimed_fen"]), yuan(i["approved_fen"]),
                                          yuan(i["paid_fen"])], right=(1, 2, 3))
        self.payments.setRowCount(len(row["payments"]))
        for r, p in enumerate(row["payments"]):
            mark = (self.tr("已核对") if p["reconciled"] else self.tr("待核对")) if p["kind"] == "先行赔付" else ""
            self._set_row(self.payments, r, [p["kind"], yuan(p["amount_fen"]), p["paid_date"] or "", mark,
                                             p.get("note") or ""], right=(1,))
        self.figures.setText(status.figures() + (self.tr("；待核对先行赔付 {unreconciled_fen} 元").format(unreconciled_fen=yuan(status.unreconciled_fen))
                                                  if status.unreconciled_fen else ""))
        manage = can(self.store, "claim.manage")
        self._state_buttons(cw.allowed(state) if manage else ())
        self.advance_button.setVisible(manage and state in cw.ADVANCE_STATES)
        self.final_button.setVisible(manage and state in cw.FINAL_PAYMENT_STATES)
        self.reconcile_button.setVisible(manage and status.unreconciled_fen > 0)
        if not keep_banner:
            set_banner(self.banner, "")

    def _set_row(self, table: QTableWidget, r: int, cells: list[str], right: tuple[int, ...] = ()) -> None:
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)

    def _state_buttons(self, states: tuple[str, ...]) -> None:
        while self.state_row.count():
            w = self.state_row.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.buttons = {}
        for s in states:
            b = QPushButton(self.tr("转为“{s}”…").format(s=s) if s in ("结案", "拒赔", "撤案") else self.tr("转为“{s}”").format(s=s), self)
            b.clicked.connect(lambda _c=False, to=s: self.ask_state(to))
            self.state_row.addWidget(b)
            self.buttons[s] = b
        if not states and self.claim_id is not None:
            done = QLabel(self.tr("该案件已办结") if not cw.allowed(self.row.get("state", "")) else self.tr("当前用户不能办理理赔流程"), self)
            done.setStyleSheet(f"color: {MUTED}")
            self.state_row.addWidget(done)
        self.state_row.addStretch(1)

    # -- doing ---------------------------------------------------------------------------------
    def ask_state(self, to_state: str) -> None:
        dialog = ClaimStepDialog(self.tr("理赔 {get} 转为“{to_state}”").format(get=self.row.get('claim_no', ''), to_state=to_state), to_state, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        judgement = dialog.judgement.fen()[0] if dialog.judgement.text().strip() else None
        settlement = dialog.settlement.fen()[0] if dialog.settlement.text().strip() else None
        self.advance(to_state, on=dialog.day.iso(), outcome=dialog.outcome.currentData(),
                     reason=dialog.reason.toPlainText(), judgement_fen=judgement, settlement_fen=settlement)

    def advance(self, to_state: str, **opts: Any) -> bool:
        return self._do(lambda: cw.advance_claim(self.store, self.claim_id, to_state,
                                                 expected_revision=self.row.get("revision"), **opts),
                        self.tr("转为“{to_state}”").format(to_state=to_state), self.tr("已转为“{to_state}”").format(to_state=to_state))

    def ask_payment(self, kind: str) -> None:
        dialog = ClaimStepDialog(self.tr("理赔 {get} 登记{kind}").format(get=self.row.get('claim_no', ''), kind=kind), kind, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_payment(kind, dialog.amount.fen()[0], dialog.day.iso() or date.today().isoformat(),
                             dialog.note.text())

    def add_payment(self, kind: str, amount_fen: int, paid_date: str, note: str = "") -> bool:
        fn = cw.add_advance_payment if kind == "先行赔付" else cw.add_final_payment
        return self._do(lambda: fn(self.store, self.claim_id, amount_fen, paid_date, note),
                        self.tr("登记{kind}").format(kind=kind), self.tr("已登记{kind} {amount_fen} 元").format(kind=kind, amount_fen=yuan(amount_fen)))

    def reconcile(self) -> bool:
        return self._do(lambda: cw.reconcile_advances(self.store, self.claim_id), self.tr("核对先行赔付"),
                        self.tr("先行赔付已核对"))

    def _do(self, fn: Any, what: str, ok: str) -> bool:
        if self.claim_id is None:
            return False
        claim_id = self.claim_id
        try:
            fn()
        except LedgerError as exc:
            set_banner(self.banner, self.tr("未能{what}：").format(what=what) + message_of(exc))
            return False
        self.show_claim(claim_id, keep_banner=True)
        set_banner(self.banner, ok, "ok")
        self.changed.emit(claim_id)
        return True
