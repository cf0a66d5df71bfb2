"""Claim form: policy, case fields, cost items by category, advance/final payments."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox

from desktop.forms.base import RecordForm
from desktop.forms.pickers import policy_picker, policy_text
from desktop.forms.widgets import (
    CODE_MAX,
    AmountEdit,
    LongText,
    OptionalDate,
    RowTable,
    TextLine,
    combo,
    set_combo_value,
)
from ledger.errors import Issue
from ledger.services.claims import (
    COST_CATEGORIES,
    OUTCOMES,
    PAYMENT_KINDS,
    STATES,
    ClaimInput,
    ClaimPayment,
    CostItem,
)


class ClaimForm(RecordForm):
    KIND = "claim"

    def __init__(self, *args: Any, policy_id: int | None = None, **kwargs: Any) -> None:
        self._preset_policy = policy_id
        super().__init__(*args, **kwargs)

    def build(self) -> None:
        self.resize(1000, 900)
        left, right = self.section(self.tr("案件"), 2)
        self.claim_no = TextLine(CODE_MAX)
        self.field(left, "claim_no", self.tr("理赔编号"), self.claim_no, required=True)
        self.policy = policy_picker(self.store, self.ops, self)
        self.field(left, "policy_id", self.tr("出险保单"), self.policy, required=True)
        self.reported_date = OptionalDate()
        self.field(left, "reported_date", self.tr("报案日期"), self.reported_date, required=True)
        self.state = combo(STATES)
        self.field(left, "state", self.tr("状态"), self.state)
        self.closed_date = OptionalDate()
        self.field(left, "closed_date", self.tr("结案日期"), self.closed_date)
        self.outcome = combo([(None, self.tr("（未定）")), *[(o, o) for o in OUTCOMES]])
        self.field(left, "outcome", self.tr("案件结果"), self.outcome)
        self.counterparty = TextLine(200)
        self.field(right, "counterparty", self.tr("对方当事人"), self.counterparty)
        self.court = TextLine(200)
        self.field(right, "court", self.tr("受理法院/机构"), self.court)
        self.case_number = TextLine(200)
        self.field(right, "case_number", self.tr("案号"), self.case_number)
        self.jurisdiction = TextLine(200)
        self.field(right, "jurisdiction", self.tr("管辖地"), self.jurisdiction)
        self.overseas = QCheckBox(self.tr("境外案件"))
        self.field(right, "overseas", self.tr("境外"), self.overseas)
        self.judgement = AmountEdit()
        self.field(right, "judgement_fen", self.tr("判决金额（元）"), self.judgement)
        self.settlement = AmountEdit()
        self.field(right, "settlement_fen", self.tr("和解金额（元）"), self.settlement)
        (costs,) = self.section(self.tr("费用明细"))
        self.cost_items = RowTable([
            (self.tr("费用类别"), 150, lambda: combo(COST_CATEGORIES)),
            (self.tr("索赔金额（元）"), 140, AmountEdit),
            (self.tr("核定金额（元）"), 140, AmountEdit),
            (self.tr("已赔金额（元）"), 140, AmountEdit),
            (self.tr("说明"), 200, lambda: TextLine(200)),
        ], self.tr("增加费用"))
        self.field(costs, "cost_items", self.tr("费用"), self.cost_items)
        (payments,) = self.section(self.tr("赔款支付"))
        self.payments = RowTable([
            (self.tr("类型"), 110, lambda: combo(PAYMENT_KINDS)),
            (self.tr("金额（元）"), 150, AmountEdit),
            (self.tr("支付日期"), 130, OptionalDate),
            (self.tr("已对账"), 80, lambda: QCheckBox(self.tr("已对账"))),
            (self.tr("说明"), 200, lambda: TextLine(200)),
        ], self.tr("增加支付"))
        self.field(payments, "payments", self.tr("支付"), self.payments)
        (text_form,) = self.section(self.tr("案情"))
        self.description = LongText(20000)
        self.description.setFixedHeight(90)
        self.field(text_form, "description", self.tr("案情说明"), self.description)

    def add_cost(self, category: str, claimed: str = "", approved: str = "", paid: str = "", note: str = "") -> None:
        box, a, b, c, n = self.cost_items.add_row()
        set_combo_value(box, category)
        a.setText(claimed)
        b.setText(approved)
        c.setText(paid)
        n.setText(note)

    def add_payment(self, kind: str, amount: str, paid_date: str, reconciled: bool = False, note: str = "") -> None:
        box, a, d, r, n = self.payments.add_row()
        set_combo_value(box, kind)
        a.setText(amount)
        d.set_iso(paid_date)
        r.setChecked(reconciled)
        n.setText(note)

    def defaults(self) -> None:
        if self._preset_policy:
            self.policy.set_record(self._preset_policy, policy_text(self.store, self._preset_policy))

    def load(self, inp: ClaimInput, row: dict[str, Any]) -> None:
        self.claim_no.setText(inp.claim_no)
        self.policy.set_record(inp.policy_id, policy_text(self.store, inp.policy_id))
        self.reported_date.set_iso(inp.reported_date)
        set_combo_value(self.state, inp.state)
        self.closed_date.set_iso(inp.closed_date)
        set_combo_value(self.outcome, inp.outcome)
        self.counterparty.setText(inp.counterparty)
        self.court.setText(inp.court)
        self.case_number.setText(inp.case_number)
        self.jurisdiction.setText(inp.jurisdiction)
        self.overseas.setChecked(inp.overseas)
        self.judgement.set_fen(inp.judgement_fen)
        self.settlement.set_fen(inp.settlement_fen)
        for item in inp.cost_items:
            box, a, b, c, n = self.cost_items.add_row()
            set_combo_value(box, item.category)
            a.set_fen(item.claimed_fen)
            b.set_fen(item.approved_fen)
            c.set_fen(item.paid_fen)
            n.setText(item.note)
        for pay in inp.payments:
            box, a, d, r, n = self.payments.add_row()
            set_combo_value(box, pay.kind)
            a.set_fen(pay.amount_fen)
            d.set_iso(pay.paid_date)
            r.setChecked(pay.reconciled)
            n.setText(pay.note)
        self.description.setPlainText(inp.description)

    def _row_amount(self, edit: AmountEdit, where: str, problems: list[str]) -> int:
        fen, error = edit.fen()
        if error:
            problems.append(self.tr("{where}：{error}").format(where=where, error=error))
        return fen

    def collect(self) -> tuple[ClaimInput, list[Issue]]:
        cost_problems: list[str] = []
        items = []
        for n, (box, a, b, c, note, *_) in enumerate(self.cost_items.rows(), start=1):
            where = self.tr("费用明细第 {n} 行{amount}")
            items.append(CostItem(str(box.currentData()),
                                  self._row_amount(a, where.format(n=n, amount=self.tr("索赔金额")), cost_problems),
                                  self._row_amount(b, where.format(n=n, amount=self.tr("核定金额")), cost_problems),
                                  self._row_amount(c, where.format(n=n, amount=self.tr("已赔金额")), cost_problems),
                                  note.text()))
        pay_problems: list[str] = []
        pays = []
        for n, (box, a, d, r, note, *_) in enumerate(self.payments.rows(), start=1):
            pays.append(ClaimPayment(str(box.currentData()), self._row_amount(a, self.tr("赔款支付第 {n} 笔金额").format(n=n), pay_problems),
                                     d.iso() or "", r.isChecked(), note.text()))
        inp = ClaimInput(
            claim_no=self.claim_no.text(), policy_id=self.policy.record_id() or 0,
            reported_date=self.reported_date.iso() or "", state=str(self.state.currentData()),
            counterparty=self.counterparty.text(), court=self.court.text(), overseas=self.overseas.isChecked(),
            jurisdiction=self.jurisdiction.text(), case_number=self.case_number.text(),
            outcome=self.outcome.currentData(), judgement_fen=self.amount("judgement_fen"),
            settlement_fen=self.amount("settlement_fen"), description=self.long_text("description"),
            closed_date=self.closed_date.iso(), cost_items=tuple(items), payments=tuple(pays),
        )
        issues = [Issue("cost_items", "amount.text", self.tr("；").join(cost_problems))] if cost_problems else []
        if pay_problems:
            issues.append(Issue("payments", "amount.text", self.tr("；").join(pay_problems)))
        if inp.policy_id == 0 and self.policy.edit.text().strip():
            issues.append(Issue("policy_id", "policy.pick", self.tr("请从下拉列表中选择保单")))
        return inp, issues
