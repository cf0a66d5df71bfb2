"""Policy form: enterprise, product (grouped by liability class), amounts, period, co-insurers
with shares summing to 100 % (running total shown), covered IP rights of the enterprise."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QWidget

from desktop.forms.base import ERROR_COLOUR, RecordForm
from desktop.forms.pickers import enterprise_picker, enterprise_text
from desktop.forms.widgets import (
    CODE_MAX,
    AmountEdit,
    CheckList,
    LongText,
    OptionalDate,
    RowTable,
    TextLine,
    combo,
    set_combo_value,
)
from ledger.errors import Issue
from ledger.services import lookups
from ledger.services.policies import STATUSES, InsurerShare, PolicyInput

OK_COLOUR = "#2e7d32"


def product_combo(products: list[dict[str, Any]], parent: QWidget | None = None, *, blank: str = "") -> QComboBox:
    """Products under bold, unselectable liability-class headings."""
    box = QComboBox(parent)
    model = QStandardItemModel(box)
    if blank:
        model.appendRow(QStandardItem(blank))
    heading = None
    bold = QFont()
    bold.setBold(True)
    for p in products:
        if p["liability_class"] != heading:
            heading = p["liability_class"]
            head = QStandardItem(f"—— {heading} ——")
            head.setFlags(Qt.ItemFlag.NoItemFlags)
            head.setFont(bold)
            model.appendRow(head)
        item = QStandardItem(f"　{p['name']}")
        item.setData(p["id"], Qt.ItemDataRole.UserRole)
        item.setToolTip(f"{p['liability_class']} · {p.get('function_class') or ''}")
        model.appendRow(item)
    box.setModel(model)
    box.setCurrentIndex(0 if blank else -1)
    return box


def share_bp(spin: QDoubleSpinBox) -> int:
    return int(round(spin.value() * 100))


class PolicyForm(RecordForm):
    KIND = "policy"

    def __init__(self, *args: Any, enterprise_id: int | None = None, **kwargs: Any) -> None:
        self._preset_enterprise = enterprise_id
        super().__init__(*args, **kwargs)

    def build(self) -> None:
        self.resize(980, 860)
        self._insurers = lookups.insurers(self.store)
        left, right = self.section(self.tr("保单"), 2)
        self.policy_no = TextLine(CODE_MAX)
        self.field(left, "policy_no", self.tr("保单号"), self.policy_no, required=True)
        self.enterprise = enterprise_picker(self.store, self.ops, self)
        self.field(left, "enterprise_id", self.tr("投保企业"), self.enterprise, required=True)
        self.product = product_combo(lookups.products(self.store))
        self.field(left, "product_id", self.tr("险种"), self.product, required=True)
        self.status = combo(STATUSES)
        self.field(left, "status", self.tr("保单状态"), self.status)
        self.overseas = QCheckBox(self.tr("含境外责任"))
        self.field(left, "overseas", self.tr("境外"), self.overseas)
        self.sum_insured = AmountEdit()
        self.field(right, "sum_insured_fen", self.tr("保险金额（元）"), self.sum_insured, required=True)
        self.premium = AmountEdit()
        self.field(right, "premium_fen", self.tr("保费（元）"), self.premium, required=True)
        self.premium_paid = AmountEdit()
        self.field(right, "premium_paid_fen", self.tr("实缴保费（元）"), self.premium_paid)
        self.start_date = OptionalDate()
        self.field(right, "start_date", self.tr("起保日期"), self.start_date, required=True)
        self.end_date = OptionalDate()
        self.field(right, "end_date", self.tr("终止日期"), self.end_date, required=True)
        self.signed_date = OptionalDate()
        self.field(right, "signed_date", self.tr("签单日期"), self.signed_date)
        (coins,) = self.section(self.tr("承保机构（共保体）"))
        self.insurers = RowTable([
            (self.tr("保险机构"), 260, self._insurer_combo),
            (self.tr("份额"), 100, self._share_spin),
            (self.tr("主承保"), 80, lambda: QCheckBox(self.tr("主承保"))),
            (self.tr("分支机构"), 200, lambda: TextLine(200)),
        ], self.tr("增加保险机构"))
        self.share_total = QLabel(self.insurers)
        self.share_total.setObjectName("shareTotal")
        self.insurers.footer.insertWidget(1, self.share_total)
        self.insurers.changed.connect(self._update_total)
        self.field(coins, "insurers", self.tr("共保体"), self.insurers, required=True)
        (covered,) = self.section(self.tr("承保的知识产权"))
        self.ip_rights = CheckList()
        self.ip_rights.setMinimumHeight(90)
        self.ip_rights.setMaximumHeight(170)
        self.field(covered, "ip_right_ids", self.tr("承保标的"), self.ip_rights)
        self.enterprise.changed.connect(self._enterprise_changed)
        (notes_form,) = self.section(self.tr("备注"))
        self.notes = LongText(2000)
        self.notes.setFixedHeight(60)
        self.field(notes_form, "notes", self.tr("备注"), self.notes)

    def _insurer_combo(self) -> QComboBox:
        return combo([(i["id"], i["short_name"] or i["full_name"]) for i in self._insurers])

    def _share_spin(self) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0, 100)
        spin.setDecimals(2)
        spin.setSuffix(" %")
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin

    def _update_total(self) -> None:
        total = sum(share_bp(cells[1]) for cells in self.insurers.rows())
        ok = total == 10000
        text = self.tr("份额合计：{total:.2f}%").format(total=total / 100) + ("" if ok else self.tr("（应为 100%）"))
        self.share_total.setText(text)
        self.share_total.setStyleSheet(f"color:{OK_COLOUR if ok else ERROR_COLOUR};font-weight:bold;")

    def _enterprise_changed(self) -> None:
        enterprise_id = self.enterprise.record_id()
        checked = set(self.ip_rights.checked())
        rows = lookups.enterprise_ip_rights(self.store, enterprise_id) if enterprise_id else []
        self.ip_rights.set_items(
            [(r["id"], f"{r['ip_type']}　{r['number']}　{r['title'] or ''}"
              + (f"（{r['status']}）" if r["status"] != "有效" else "")) for r in rows], checked)
        if not rows:
            self.ip_rights.set_items([])
        self._edited("ip_right_ids")

    def add_insurer(self, insurer_id: int, share_percent: float, lead: bool = False, branch: str = "") -> None:
        box, spin, lead_box, branch_edit = self.insurers.add_row()
        set_combo_value(box, insurer_id)
        spin.setValue(share_percent)
        lead_box.setChecked(lead)
        branch_edit.setText(branch)

    def defaults(self) -> None:
        self.status.setCurrentIndex(0)
        if self._preset_enterprise:
            self.enterprise.set_record(self._preset_enterprise, enterprise_text(self.store, self._preset_enterprise))
        self._update_total()

    def load(self, inp: PolicyInput, row: dict[str, Any]) -> None:
        self.policy_no.setText(inp.policy_no)
        self.enterprise.set_record(inp.enterprise_id, enterprise_text(self.store, inp.enterprise_id))
        self.ip_rights.set_checked(set(inp.ip_right_ids))
        index = self.product.findData(inp.product_id, Qt.ItemDataRole.UserRole)
        self.product.setCurrentIndex(index)
        set_combo_value(self.status, inp.status)
        self.overseas.setChecked(inp.overseas)
        self.sum_insured.set_fen(inp.sum_insured_fen)
        self.premium.set_fen(inp.premium_fen)
        self.premium_paid.set_fen(inp.premium_paid_fen)
        self.start_date.set_iso(inp.start_date)
        self.end_date.set_iso(inp.end_date)
        self.signed_date.set_iso(inp.signed_date)
        for share in inp.insurers:
            self.add_insurer(share.insurer_id, share.share_bp / 100, share.is_lead, share.branch)
        self.notes.setPlainText(inp.notes)
        self._update_total()

    def collect(self) -> tuple[PolicyInput, list[Issue]]:
        shares = tuple(
            InsurerShare(int(box.currentData()), share_bp(spin), lead.isChecked(), branch.text())
            for box, spin, lead, branch, *_ in self.insurers.rows())
        product = self.product.currentData(Qt.ItemDataRole.UserRole)
        inp = PolicyInput(
            policy_no=self.policy_no.text(), enterprise_id=self.enterprise.record_id() or 0,
            product_id=int(product) if product is not None else 0,
            sum_insured_fen=self.amount("sum_insured_fen"), premium_fen=self.amount("premium_fen"),
            premium_paid_fen=self.amount("premium_paid_fen"),
            start_date=self.start_date.iso() or "", end_date=self.end_date.iso() or "",
            signed_date=self.signed_date.iso(), status=str(self.status.currentData()),
            overseas=self.overseas.isChecked(), notes=self.long_text("notes"),
            insurers=shares, ip_right_ids=tuple(self.ip_rights.checked()),
        )
        issues = []
        if inp.enterprise_id == 0 and self.enterprise.edit.text().strip():
            issues.append(Issue("enterprise_id", "enterprise.pick", self.tr("请从下拉列表中选择企业")))
        return inp, issues
