"""Enterprise form: name, USCC (checksum warning can be overridden), district, tags, contacts."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox

from desktop.forms.base import RecordForm
from desktop.forms.widgets import (
    CODE_MAX,
    CheckList,
    LongText,
    SearchCombo,
    TextLine,
    district_choices,
)
from ledger.errors import Issue
from ledger.services import lookups
from ledger.services.enterprises import TAGS, EnterpriseInput


class EnterpriseForm(RecordForm):
    KIND = "enterprise"

    def build(self) -> None:
        self.resize(860, 720)
        left, right = self.section(self.tr("基本信息"), 2)
        self.name = TextLine(200)
        self.name.setPlaceholderText(self.tr("与营业执照一致的企业全称"))
        self.field(left, "name", self.tr("企业名称"), self.name, required=True)
        self.uscc = TextLine(CODE_MAX)
        self.uscc.setPlaceholderText(self.tr("18 位统一社会信用代码"))
        self.field(left, "uscc", self.tr("统一社会信用代码"), self.uscc, required=True)
        self.district = SearchCombo()
        self.district.lineEdit().setPlaceholderText(self.tr("输入代码或名称，如 滨湖"))
        for code, text in district_choices(lookups.bureau_region_prefixes(self.store),
                                           lookups.districts_in_use(self.store)):
            self.district.addItem(text, code)
        self.district.setCurrentIndex(-1)
        self.field(left, "district_code", self.tr("所在区县"), self.district, required=True)
        self.industry = TextLine(60)
        self.industry.setPlaceholderText(self.tr("如 C34 通用设备制造业"))
        self.field(left, "industry", self.tr("所属行业"), self.industry)
        self.tags = CheckList()
        self.tags.set_items([(t, t) for t in TAGS])
        self.tags.setMaximumHeight(150)
        self.field(right, "tags", self.tr("企业标签"), self.tags)
        self.blacklisted = QCheckBox(self.tr("列入黑名单（不得申请补贴）"))
        self.field(right, "blacklisted", self.tr("黑名单"), self.blacklisted)
        self.blacklist_reason = TextLine(200)
        self.field(right, "blacklist_reason", self.tr("列入原因"), self.blacklist_reason)
        self.blacklisted.toggled.connect(self.blacklist_reason.setEnabled)
        left, right = self.section(self.tr("联系与账户"), 2)
        self.contact_person = TextLine(40)
        self.field(left, "contact_person", self.tr("联系人"), self.contact_person)
        self.contact_phone = TextLine(CODE_MAX)
        self.contact_phone.setPlaceholderText(self.tr("手机或座机，如 0510-12345678"))
        self.field(left, "contact_phone", self.tr("联系电话"), self.contact_phone)
        self.address = TextLine(200)
        self.field(left, "address", self.tr("地址"), self.address)
        self.bank_name = TextLine(100)
        self.field(right, "bank_name", self.tr("开户银行"), self.bank_name)
        self.bank_account = TextLine(CODE_MAX)
        self.field(right, "bank_account", self.tr("银行账号"), self.bank_account)
        (notes_form,) = self.section(self.tr("备注"))
        self.notes = LongText(2000)
        self.notes.setFixedHeight(70)
        self.field(notes_form, "notes", self.tr("备注"), self.notes)

    def defaults(self) -> None:
        self.blacklist_reason.setEnabled(False)

    def load(self, inp: EnterpriseInput, row: dict[str, Any]) -> None:
        self.name.setText(inp.name)
        self.uscc.setText(inp.uscc)
        self.set_district(inp.district_code)
        self.industry.setText(inp.industry)
        self.tags.set_checked(set(inp.tags))
        self.contact_person.setText(inp.contact_person)
        self.contact_phone.setText(inp.contact_phone)
        self.address.setText(inp.address)
        self.bank_name.setText(inp.bank_name)
        self.bank_account.setText(inp.bank_account)
        self.blacklisted.setChecked(inp.blacklisted)
        self.blacklist_reason.setText(inp.blacklist_reason)
        self.blacklist_reason.setEnabled(inp.blacklisted)
        self.notes.setPlainText(inp.notes)
        if row.get("uscc_override_reason"):
            self.uscc.setToolTip(self.tr("已忽略校验警告，理由：{uscc_override_reason}").format(uscc_override_reason=row['uscc_override_reason']))

    def set_district(self, code: str) -> None:
        index = self.district.findData(code)
        if index >= 0:
            self.district.setCurrentIndex(index)
        else:
            self.district.setEditText(code)

    def district_code(self) -> str:
        text = self.district.currentText().strip()
        index = self.district.currentIndex()
        if index >= 0 and self.district.itemText(index) == text:
            return str(self.district.itemData(index))
        return text.split(" ")[0] if text else ""  # free entry: the code, maybe followed by a name

    def collect(self) -> tuple[EnterpriseInput, list[Issue]]:
        inp = EnterpriseInput(
            name=self.name.text(), uscc=self.uscc.text(), district_code=self.district_code(),
            industry=self.industry.text(), tags=tuple(self.tags.checked()),
            contact_person=self.contact_person.text(), contact_phone=self.contact_phone.text(),
            address=self.address.text(), bank_name=self.bank_name.text(),
            bank_account=self.bank_account.text(), blacklisted=self.blacklisted.isChecked(),
            blacklist_reason=self.blacklist_reason.text() if self.blacklisted.isChecked() else "",
            notes=self.long_text("notes"),
        )
        return inp, []
