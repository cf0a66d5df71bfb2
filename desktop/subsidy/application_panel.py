"""补贴申请办理面板 (in the 补贴 register beside the record's details): the calculation step by step
exactly as the engine wrote it (``explain``), the workflow history (who, when, why, amount) and one
button per transition allowed from the current state for the logged-in user (workflow table ×
``security.can``). Each asks for what it needs; refusals (four-eyes, before 公示 end, over budget…)
are shown in the panel with the ledger's Chinese message.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.subsidy.common import MUTED, WARN, banner, message_of, set_banner, yuan
from desktop.subsidy.transition_dialogs import TransitionDialog
from ledger.errors import LedgerError
from ledger.security import can
from ledger.services import subsidies, subsidy_workflow
from ledger.subsidy.workflow import BY_ACTION, PENDING_STATES, TRANSITIONS, Transition

STATE_COLOURS = {"申报": "#175cd3", "初审": "#175cd3", "复核": "#175cd3", "公示": "#7a5af8", "批准": "#067647",
                 "拨付": "#067647", "退回补正": "#b54708", "不予支持": "#b42318", "追回": "#b42318"}


def allowed_transitions(store: Any, state: str) -> list[Transition]:
    """Transitions from ``state`` the current user's role may do (four-eyes is the service's call)."""
    return [t for t in TRANSITIONS if state in t.sources and can(store, t.permission)]


def numbered_steps(steps: tuple[str, ...] | list[str]) -> list[str]:
    return [f"{n}. {s}" for n, s in enumerate(steps, start=1)]


class ApplicationPanel(QWidget):
    changed = Signal(int)  # an application was written

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.setObjectName("applicationPanel")
        self.application_id: int | None = None
        self.explanation: subsidies.Explanation | None = None
        self.app: dict[str, Any] = {}
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        self.title = QLabel(self.tr("选择一件补贴申请查看测算与办理"), self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.title)
        self.amounts = QLabel("", self)
        self.amounts.setWordWrap(True)
        layout.addWidget(self.amounts)
        cap = QLabel(self.tr("<b>测算说明</b>"), self)
        layout.addWidget(cap)
        self.steps = QLabel("", self)
        self.steps.setObjectName("explanationSteps")
        self.steps.setWordWrap(True)
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.steps.setStyleSheet("background: #f7f9fc; border: 1px solid #dde3ec; border-radius: 4px; padding: 6px;")
        layout.addWidget(self.steps)
        self.stale = QLabel("", self)
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet(f"color: {WARN}")
        layout.addWidget(self.stale)
        layout.addWidget(QLabel(self.tr("<b>流转记录</b>"), self))
        self.history = QTableWidget(0, 5, self)
        self.history.setObjectName("historyTable")
        self.history.setHorizontalHeaderLabels([self.tr("时间"), self.tr("环节"), self.tr("办理人"), self.tr("理由"), self.tr("金额（元）")])
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setWordWrap(False)
        h = self.history.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history.setMinimumHeight(150)
        layout.addWidget(self.history, 1)
        self.banner = banner(self)
        layout.addWidget(self.banner)
        self.button_row = QHBoxLayout()
        self.button_row.setSpacing(6)
        layout.addLayout(self.button_row)
        self.hint = QLabel("", self)
        self.hint.setStyleSheet(f"color: {MUTED}; font-size: 11px")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.show_none()

    @property
    def store(self) -> Any:
        return self.window.store

    def show_none(self, text: str = "") -> None:
        text = text or self.tr("选择一件补贴申请查看测算与办理")
        self.application_id = None
        self.explanation = None
        self.title.setText(f"<span style='color:{MUTED}'>{escape(text)}</span>")
        for w in (self.amounts, self.steps, self.stale):
            w.setText("")
        self.steps.hide()
        self.history.setRowCount(0)
        set_banner(self.banner, "")
        self._buttons([])

    # -- showing -------------------------------------------------------------------------------
    def show_application(self, application_id: int, *, keep_banner: bool = False) -> None:
        try:
            ex = subsidies.explain(self.store, application_id)
            app = subsidies.get_application(self.store, application_id)
        except LedgerError as exc:
            self.show_none(message_of(exc))
            return
        self.application_id, self.explanation, self.app = application_id, ex, app
        colour = STATE_COLOURS.get(ex.state, "#1c2433")
        self.title.setText(
            self.tr("<b style='font-size:14px'>{application_no}</b>　<span style='color:#fff;background:{colour};padding:1px 6px'>&nbsp;{state}&nbsp;</span><br>{enterprise_name}　保单 {policy_no}").format(application_no=escape(ex.application_no), colour=colour, state=escape(ex.state), enterprise_name=escape(ex.enterprise_name), policy_no=escape(ex.policy_no)))
        parts = [self.tr("实缴保费 {premium_paid_fen} 元").format(premium_paid_fen=yuan(ex.premium_paid_fen)), self.tr("测算补贴 <b>{computed_fen}</b> 元").format(computed_fen=yuan(ex.computed_fen))]
        if ex.approved_fen:
            parts.append(self.tr("核定 {approved_fen} 元").format(approved_fen=yuan(ex.approved_fen)))
        if ex.paid_fen:
            parts.append(self.tr("已拨付 {paid_fen} 元").format(paid_fen=yuan(ex.paid_fen)))
        if ex.recovered_fen:
            parts.append(self.tr("已追回 {recovered_fen} 元").format(recovered_fen=yuan(ex.recovered_fen)))
        if app.get("publicity_start"):
            parts.append(self.tr("公示期 {publicity_start} 至 {publicity_end}").format(publicity_start=app['publicity_start'], publicity_end=app['publicity_end']))
        self.amounts.setText(self.tr("；").join(parts))
        items = "".join(f"<tr><td style='color:{MUTED};padding-right:6px' valign='top'>{n}.</td>"
                        f"<td>{escape(s)}</td></tr>" for n, s in enumerate(ex.steps, 1))
        self.steps.setText(f"<table cellspacing=0 cellpadding=1>{items}</table>" if items else self.tr("（尚无测算）"))
        self.steps.show()
        if ex.stale and ex.current is not None:
            self.stale.setText(self.tr("按当前规则和台账重新测算为 {amount_fen} 元（已存 {computed_fen} 元），可点“重新测算”更新。").format(amount_fen=yuan(ex.current.amount_fen), computed_fen=yuan(ex.computed_fen)))
        elif ex.state in PENDING_STATES:
            self.stale.setText(self.tr("审核阶段金额为暂定数，公示时冻结。"))
        else:
            self.stale.setText("")
        self._history(ex.events)
        if not keep_banner:
            set_banner(self.banner, "")
        self._buttons(allowed_transitions(self.store, ex.state))

    def _history(self, events: tuple[dict[str, Any], ...]) -> None:
        self.history.setRowCount(len(events))
        for r, e in enumerate(events):
            step = f"{e['from_state']} → {e['to_state']}" if e["from_state"] else e["to_state"]
            cells = [(e["at"] or "").replace("T", " ")[:16], step, e["actor"], e["reason"] or "",
                     "" if e["amount_fen"] is None else yuan(e["amount_fen"])]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.history.setItem(r, c, item)

    def _buttons(self, transitions: list[Transition]) -> None:
        while self.button_row.count():
            w = self.button_row.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.buttons = {}
        for t in transitions:
            b = QPushButton(t.label, self)
            b.setObjectName(f"flow_{t.action}")
            b.clicked.connect(lambda _c=False, a=t.action: self.ask(a))
            self.button_row.addWidget(b)
            self.buttons[t.action] = b
        if self.explanation is not None and self.explanation.state in PENDING_STATES and can(self.store, "subsidy.record"):
            b = QPushButton(self.tr("重新测算"), self)
            b.clicked.connect(lambda _c=False: self.recompute())
            self.button_row.addWidget(b)
            self.buttons["recompute"] = b
        self.button_row.addStretch(1)
        if self.explanation is None:
            self.hint.setText("")
        elif not transitions:
            self.hint.setText(self.tr("当前用户在此环节没有可办理的操作") if self.explanation.state not in ("不予支持",)
                              else self.tr("该申请已办结"))
        else:
            self.hint.setText(self.tr("录入人和初审人不能办理复核与批准（双人复核）"))

    def explanation_text(self) -> str:
        return self.tr("；").join(self.explanation.steps) if self.explanation else ""

    def step_texts(self) -> list[str]:
        return numbered_steps(self.explanation.steps) if self.explanation else []

    # -- doing ---------------------------------------------------------------------------------
    def ask(self, action: str) -> None:
        if self.application_id is None:
            return
        dialog = TransitionDialog(BY_ACTION[action], self.app, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.run(action, **dialog.options())

    def run(self, action: str, **opts: Any) -> bool:
        """Run a transition on the shown application; the refusal's message goes to the banner."""
        if self.application_id is None:
            return False
        app_id = self.application_id
        t = BY_ACTION[action]
        opts = {k: v for k, v in opts.items() if v is not None or k == "amount_fen"}
        try:
            subsidy_workflow.transition(self.store, app_id, action, **opts)
        except LedgerError as exc:
            set_banner(self.banner, self.tr("未能{label}：").format(label=t.label) + message_of(exc))
            return False
        self.show_application(app_id, keep_banner=True)
        set_banner(self.banner, self.tr("已{label}").format(label=t.label), "ok")
        self.changed.emit(app_id)
        return True

    def recompute(self) -> bool:
        if self.application_id is None:
            return False
        try:
            calc = subsidies.recompute(self.store, self.application_id)
        except LedgerError as exc:
            set_banner(self.banner, self.tr("未能重新测算：") + message_of(exc))
            return False
        self.show_application(self.application_id, keep_banner=True)
        set_banner(self.banner, self.tr("已重新测算：{amount_fen} 元").format(amount_fen=yuan(calc.amount_fen)), "ok")
        self.changed.emit(self.application_id)
        return True

    def banner_text(self) -> str:
        return self.banner.text() if self.banner.isVisible() or self.banner.text() else ""
