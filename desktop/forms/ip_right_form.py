"""IP right form: owner enterprise, type, number, Nice class (trademarks only), dates, status."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QSpinBox

from desktop.forms.base import RecordForm
from desktop.forms.pickers import enterprise_picker, enterprise_text
from desktop.forms.widgets import CODE_MAX, LongText, OptionalDate, TextLine, combo, set_combo_value
from ledger.errors import Issue
from ledger.services.ip_rights import STATUSES, IpRightInput
from ledger.validation import IP_TYPES


class IpRightForm(RecordForm):
    KIND = "ip_right"

    def __init__(self, *args: Any, enterprise_id: int | None = None, **kwargs: Any) -> None:
        self._preset_enterprise = enterprise_id
        super().__init__(*args, **kwargs)

    def build(self) -> None:
        self.resize(900, 600)
        left, right = self.section(self.tr("知识产权"), 2)
        self.enterprise = enterprise_picker(self.store, self.ops, self)
        self.field(left, "enterprise_id", self.tr("所属企业"), self.enterprise, required=True)
        self.ip_type = combo(IP_TYPES)
        self.field(left, "ip_type", self.tr("类型"), self.ip_type, required=True)
        self.number = TextLine(CODE_MAX)
        self.number.setPlaceholderText(self.tr("如 ZL202010123456.7、商标注册号"))
        self.field(left, "number", self.tr("编号"), self.number, required=True)
        self.nice_class = QSpinBox()
        self.nice_class.setRange(0, 45)
        self.nice_class.setSpecialValueText("—")
        self.nice_class.setToolTip(self.tr("商标的尼斯分类（第 1–45 类）"))
        self.field(left, "nice_class", self.tr("尼斯分类"), self.nice_class)
        self.title = TextLine(200)
        self.field(left, "title", self.tr("名称"), self.title)
        self.owner_name = TextLine(200)
        self.owner_name.setPlaceholderText(self.tr("空白表示与所属企业相同"))
        self.field(left, "owner_name", self.tr("权利人"), self.owner_name)
        self.filing_date = OptionalDate()
        self.field(right, "filing_date", self.tr("申请日"), self.filing_date)
        self.grant_date = OptionalDate()
        self.field(right, "grant_date", self.tr("授权/注册日"), self.grant_date)
        self.expiry_date = OptionalDate()
        self.field(right, "expiry_date", self.tr("到期日"), self.expiry_date)
        self.status = combo(STATUSES)
        self.field(right, "status", self.tr("法律状态"), self.status)
        self.high_value = QCheckBox(self.tr("高价值专利/核心知识产权"))
        self.field(right, "high_value", self.tr("高价值"), self.high_value)
        (notes_form,) = self.section(self.tr("备注"))
        self.notes = LongText(2000)
        self.notes.setFixedHeight(70)
        self.field(notes_form, "notes", self.tr("备注"), self.notes)
        self.ip_type.currentIndexChanged.connect(lambda _i: self._type_changed())
        self._type_changed()

    def _type_changed(self) -> None:
        trademark = self.ip_type.currentData() == "商标"
        self.nice_class.setEnabled(trademark)
        if not trademark:
            self.nice_class.setValue(0)

    def defaults(self) -> None:
        if self._preset_enterprise:
            self.enterprise.set_record(self._preset_enterprise, enterprise_text(self.store, self._preset_enterprise))

    def load(self, inp: IpRightInput, row: dict[str, Any]) -> None:
        self.enterprise.set_record(inp.enterprise_id, enterprise_text(self.store, inp.enterprise_id))
        set_combo_value(self.ip_type, inp.ip_type)
        self.number.setText(inp.number)
        self.nice_class.setValue(inp.nice_class or 0)
        self.title.setText(inp.title)
        self.owner_name.setText(inp.owner_name)
        self.filing_date.set_iso(inp.filing_date)
        self.grant_date.set_iso(inp.grant_date)
        self.expiry_date.set_iso(inp.expiry_date)
        set_combo_value(self.status, inp.status)
        self.high_value.setChecked(inp.high_value)
        self.notes.setPlainText(inp.notes)

    def collect(self) -> tuple[IpRightInput, list[Issue]]:
        trademark = self.ip_type.currentData() == "商标"
        inp = IpRightInput(
            enterprise_id=self.enterprise.record_id() or 0, ip_type=str(self.ip_type.currentData()),
            number=self.number.text(), title=self.title.text(), owner_name=self.owner_name.text(),
            nice_class=(self.nice_class.value() or None) if trademark else None,
            filing_date=self.filing_date.iso(), grant_date=self.grant_date.iso(),
            expiry_date=self.expiry_date.iso(), status=str(self.status.currentData()),
            high_value=self.high_value.isChecked(), notes=self.long_text("notes"),
        )
        issues = []
        if trademark and inp.nice_class is None:
            issues.append(Issue("nice_class", "nice_class.missing", self.tr("商标须选择尼斯分类（第 1–45 类）")))
        if inp.enterprise_id == 0 and self.enterprise.edit.text().strip():
            issues.append(Issue("enterprise_id", "enterprise.pick", self.tr("请从下拉列表中选择企业")))
        return inp, issues
