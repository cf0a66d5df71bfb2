"""What each subsidy transition asks for: reason, 公示 dates, voucher/date/amount/batch, clawback
amount + reason + blacklist, resubmitted premium. ``TransitionDialog(t, app).options()`` gives the
keyword arguments of ``ledger.services.subsidy_workflow.transition``."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.forms.widgets import AmountEdit, OptionalDate
from desktop.subsidy.common import ERROR, yuan
from ledger.subsidy.workflow import Transition

PUBLICITY_DAYS = 7


def publicity_defaults(on: date | None = None) -> tuple[str, str]:
    start = on or date.today()
    return start.isoformat(), (start + timedelta(days=PUBLICITY_DAYS - 1)).isoformat()


class TransitionDialog(QDialog):
    def __init__(self, t: Transition, app: dict[str, Any], parent: QWidget | None = None, *,
                 count: int = 1) -> None:
        super().__init__(parent)
        self.t, self.app = t, app
        what = self.tr("申请 {get}").format(get=app.get('application_no', '')) if count == 1 else self.tr("选中的 {count} 件申请").format(count=count)
        self.setWindowTitle(f"{t.label} — {what}")
        self.setMinimumWidth(480)
        form = QFormLayout()
        self.widgets: dict[str, Any] = {}
        a = t.action
        if a == "publish":
            start, end = publicity_defaults()
            self.widgets["publicity_start"] = self._date(start)
            self.widgets["publicity_end"] = self._date(end)
            form.addRow(self.tr("公示开始日期"), self.widgets["publicity_start"])
            form.addRow(self.tr("公示结束日期"), self.widgets["publicity_end"])
        if a == "approve":
            self.widgets["at"] = self._date(date.today().isoformat())
            form.addRow(self.tr("批准日期"), self.widgets["at"])
            if count == 1 and app.get("publicity_end"):
                form.addRow(self.tr("公示期"), QLabel(self.tr("{get} 至 {get2}").format(get=app.get('publicity_start'), get2=app.get('publicity_end'))))
        if a == "pay":
            if count == 1:
                self.widgets["voucher_no"] = QLineEdit(self)
                form.addRow(self.tr("付款凭证号"), self.widgets["voucher_no"])
                self.widgets["amount_fen"] = AmountEdit(self)
                self.widgets["amount_fen"].set_fen(app.get("approved_fen"))
                form.addRow(self.tr("拨付金额（元）"), self.widgets["amount_fen"])
            else:
                self.widgets["voucher_prefix"] = QLineEdit(f"PZ-{date.today():%Y%m%d}-", self)
                form.addRow(self.tr("凭证号前缀"), self.widgets["voucher_prefix"])
                form.addRow("", QLabel(self.tr("凭证号 = 前缀 + 批次 + 三位序号，如 PZ-20250301-第1批-001")))
            self.widgets["paid_at"] = self._date(date.today().isoformat())
            form.addRow(self.tr("拨付日期"), self.widgets["paid_at"])
            self.widgets["payment_batch"] = QLineEdit(f"{date.today().year}-第1批", self)  # data: the batch name
            form.addRow(self.tr("拨付批次"), self.widgets["payment_batch"])
        if a == "clawback":
            left = int(app.get("paid_fen") or 0) - int(app.get("recovered_fen") or 0)
            self.widgets["amount_fen"] = AmountEdit(self)
            self.widgets["amount_fen"].set_fen(left)
            form.addRow(self.tr("追回金额（元）"), self.widgets["amount_fen"])
            form.addRow("", QLabel(self.tr("可追回 {left} 元（已拨付 {yuan} 元，已追回 {yuan2} 元）").format(left=yuan(left), yuan=yuan(app.get('paid_fen')), yuan2=yuan(app.get('recovered_fen')))))
            self.widgets["blacklist"] = QCheckBox(self.tr("同时将企业列入黑名单"), self)
            form.addRow("", self.widgets["blacklist"])
            self.widgets["blacklist_reason"] = QLineEdit(self)
            self.widgets["blacklist_reason"].setPlaceholderText(self.tr("留空则用追回理由"))
            form.addRow(self.tr("列入黑名单理由"), self.widgets["blacklist_reason"])
        if a == "resubmit":
            self.widgets["premium_paid_fen"] = AmountEdit(self)
            self.widgets["premium_paid_fen"].set_fen(app.get("premium_paid_fen"))
            form.addRow(self.tr("补正后实缴保费（元）"), self.widgets["premium_paid_fen"])
        self.reason = QPlainTextEdit(self)
        self.reason.setFixedHeight(70)
        self.reason.setPlaceholderText(self.tr("必填") if t.needs_reason else self.tr("可不填（默认记为“{label}”）").format(label=t.label))
        form.addRow(self.tr("理由") + (self.tr("（必填）") if t.needs_reason else ""), self.reason)
        self.error = QLabel("", self)
        self.error.setStyleSheet(f"color: {ERROR}")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t.label)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _date(self, iso: str) -> OptionalDate:
        w = OptionalDate(self)
        w.setDate(QDate.fromString(iso, "yyyy-MM-dd"))
        return w

    def _accept(self) -> None:
        try:
            self.options()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        if self.t.needs_reason and not self.reason.toPlainText().strip():
            self.error.setText(self.tr("{label}必须填写理由").format(label=self.t.label))
            return
        self.accept()

    def options(self) -> dict[str, Any]:
        out: dict[str, Any] = {"reason": self.reason.toPlainText().strip()}
        for key, w in self.widgets.items():
            if isinstance(w, OptionalDate):
                out[key] = w.iso()
            elif isinstance(w, AmountEdit):
                fen, problem = w.fen()
                if problem:
                    raise ValueError(problem)
                out[key] = fen if w.text().strip() else None
            elif isinstance(w, QCheckBox):
                out[key] = w.isChecked()
            else:
                out[key] = w.text().strip()
        return out
