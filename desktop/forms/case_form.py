"""Typical case form: the white paper's annex fields, narratives, links to ledger records."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from desktop.forms.base import RecordForm
from desktop.forms.pickers import (
    claim_picker,
    claim_text,
    enterprise_picker,
    enterprise_text,
    policy_picker,
    policy_text,
)
from desktop.forms.policy_form import product_combo
from desktop.forms.widgets import LongText, TextLine
from ledger.errors import Issue
from ledger.services import lookups
from ledger.services.cases import NARRATIVE_MAX, CaseInput


class CaseForm(RecordForm):
    KIND = "case"

    def build(self) -> None:
        self.resize(980, 900)
        left, right = self.section(self.tr("案例"), 2)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.field(left, "year", self.tr("年度"), self.year, required=True)
        self.number = QSpinBox()
        self.number.setRange(1, 9999)
        self.field(left, "number", self.tr("序号"), self.number, required=True)
        self.title = TextLine(200)
        self.field(left, "title", self.tr("案例名称"), self.title, required=True)
        self.region = TextLine(200)
        self.field(left, "region", self.tr("（一）相关地区"), self.region)
        self.parties = TextLine(200)
        self.field(left, "parties", self.tr("（二）相关主体"), self.parties)
        self.product_text = TextLine(200)
        self.field(right, "product_text", self.tr("（三）保险产品"), self.product_text)
        self.clause_type = TextLine(200)
        self.field(right, "clause_type", self.tr("（四）条款归属"), self.clause_type)
        self.ip_types_text = TextLine(200)
        self.field(right, "ip_types_text", self.tr("（五）知识产权类型"), self.ip_types_text)
        self.insurers_text = TextLine(200)
        self.field(right, "insurers_text", self.tr("（六）相关保险机构"), self.insurers_text)
        (story,) = self.section(self.tr("案例正文"))
        self.background = LongText(NARRATIVE_MAX)
        self.innovation = LongText(NARRATIVE_MAX)
        self.effect = LongText(NARRATIVE_MAX)
        for name, label, edit in (("background", self.tr("基本情况"), self.background),
                                  ("innovation", self.tr("创新点"), self.innovation), ("effect", self.tr("实施效果"), self.effect)):
            edit.setMinimumHeight(90)
            self.field(story, name, label, edit)
        left, right = self.section(self.tr("关联台账记录"), 2)
        self.enterprise = enterprise_picker(self.store, self.ops, self, optional=True)
        self.field(left, "enterprise_id", self.tr("关联企业"), self.enterprise)
        self.policy = policy_picker(self.store, self.ops, self, optional=True)
        self.field(left, "policy_id", self.tr("关联保单"), self.policy)
        self.claim = claim_picker(self.store, self.ops, self, optional=True)
        self.field(right, "claim_id", self.tr("关联理赔"), self.claim)
        self.product = product_combo(lookups.products(self.store), blank=self.tr("（不关联）"))
        self.field(right, "product_id", self.tr("关联险种"), self.product)

    def load(self, inp: CaseInput, row: dict[str, Any]) -> None:
        self.year.setValue(inp.year)
        self.number.setValue(inp.number)
        for name in ("title", "region", "parties", "product_text", "clause_type", "ip_types_text", "insurers_text"):
            getattr(self, name).setText(getattr(inp, name) or "")
        for name in ("background", "innovation", "effect"):
            getattr(self, name).setPlainText(getattr(inp, name) or "")
        self.enterprise.set_record(inp.enterprise_id, enterprise_text(self.store, inp.enterprise_id))
        self.policy.set_record(inp.policy_id, policy_text(self.store, inp.policy_id))
        self.claim.set_record(inp.claim_id, claim_text(self.store, inp.claim_id))
        if inp.product_id is not None:
            self.product.setCurrentIndex(max(self.product.findData(inp.product_id, Qt.ItemDataRole.UserRole), 0))

    def collect(self) -> tuple[CaseInput, list[Issue]]:
        product = self.product.currentData(Qt.ItemDataRole.UserRole)
        inp = CaseInput(
            number=self.number.value(), year=self.year.value(), title=self.title.text(),
            region=self.region.text(), parties=self.parties.text(), product_text=self.product_text.text(),
            clause_type=self.clause_type.text(), ip_types_text=self.ip_types_text.text(),
            insurers_text=self.insurers_text.text(), background=self.long_text("background"),
            innovation=self.long_text("innovation"), effect=self.long_text("effect"),
            enterprise_id=self.enterprise.record_id(), policy_id=self.policy.record_id(),
            claim_id=self.claim.record_id(), product_id=int(product) if product is not None else None,
        )
        issues = []
        for name, picker in (("enterprise_id", self.enterprise), ("policy_id", self.policy), ("claim_id", self.claim)):
            if picker.record_id() is None and picker.edit.text().strip():
                issues.append(Issue(name, "link.pick", self.tr("请从下拉列表中选择，或清空此栏")))
        return inp, issues
