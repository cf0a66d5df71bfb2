"""Bulk actions on the 补贴 register's selection: 批量初审 / 批量复核 / 批量公示 / 批量批准 / 批量拨付.

Each runs ``ledger.services.subsidy_workflow.run_batch`` on a worker thread: one transaction, all or
nothing. ``BatchRefused`` names the item (position, application number) and why, and nothing was
changed; success refreshes the register, the panel and the dashboard.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from desktop.i18n import translate
from desktop.subsidy.common import BULK, message_of  # noqa: F401 — BULK re-exported
from desktop.subsidy.transition_dialogs import TransitionDialog
from ledger.services import subsidies, subsidy_workflow
from ledger.services.subsidy_workflow import BatchRefused
from ledger.subsidy.workflow import BY_ACTION


def vouchers_for(ids: list[int], prefix: str, batch: str) -> dict[int, str]:
    """Voucher numbers prefix + batch + serial: PZ-20250301-第1批-001, -002, …"""
    stem = f"{prefix}{batch}-" if batch else prefix
    return {app_id: f"{stem}{n:03d}" for n, app_id in enumerate(ids, start=1)}


def batch_call(action: str, ids: list[int], opts: dict[str, Any]) -> Any:
    """The worker-thread function of one bulk action."""
    if action == "pay":
        prefix = opts.get("voucher_prefix") or "PZ-"
        batch = opts.get("payment_batch") or ""
        vouchers = vouchers_for(ids, prefix, batch)
        return lambda store: subsidy_workflow.pay_many(store, vouchers, paid_at=opts["paid_at"],
                                                       payment_batch=batch, reason=opts.get("reason", ""))
    if action == "publish":
        return lambda store: subsidy_workflow.publish_many(store, ids, start=opts["publicity_start"],
                                                           end=opts["publicity_end"], reason=opts.get("reason", ""))
    if action == "approve":
        return lambda store: subsidy_workflow.approve_many(store, ids, reason=opts.get("reason", ""),
                                                           at=opts.get("at"))
    return lambda store: subsidy_workflow.review_many(store, ids, action, reason=opts.get("reason", ""),
                                                      at=opts.get("at"))


def refusal_text(store: Any, exc: BaseException) -> str:
    if isinstance(exc, BatchRefused):
        try:
            no = subsidies.get_application(store, exc.application_id)["application_no"]
        except Exception:  # noqa: BLE001 — the message already names it
            no = f"#{exc.application_id}"
        return translate("subsidy.bulk_actions", "{message}\n\n被拒绝的是第 {position} 项：申请 {no}。\n本批次未做任何更改。").format(message=exc.message, position=exc.position, no=no)
    return message_of(exc) + translate("subsidy.bulk_actions", "\n\n本批次未做任何更改。")


class BulkActions(QObject):
    finished = Signal(str, bool, str)  # action, ok, message

    def __init__(self, window: Any, page: Any) -> None:
        super().__init__(page)
        self.window, self.page = window, page
        self.running = False
        self.last_message = ""
        self.quiet = False  # tests: no message boxes

    def ask(self, action: str) -> None:
        ids = self.page.selected_ids()
        if not ids:
            self.window.statusBar().showMessage(self.tr("请先在补贴台账中选择申请（可按住 Ctrl 或 Shift 多选）"), 5000)
            return
        t = BY_ACTION[action]
        first = subsidies.get_application(self.window.store, ids[0]) if len(ids) == 1 else {}
        dialog = TransitionDialog(t, first, self.window, count=len(ids))
        dialog.setWindowTitle(self.tr("批量{label} — 选中的 {n} 件申请").format(label=t.label, n=len(ids)))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.run(action, ids, dialog.options())

    def run(self, action: str, ids: list[int], opts: dict[str, Any]) -> None:
        if self.running:
            return
        t = BY_ACTION[action]
        self.running = True
        progress = None
        if not self.quiet:
            progress = QProgressDialog(self.tr("正在批量{label} {n} 件申请…（全部成功才会保存）").format(label=t.label, n=len(ids)), "", 0, 0, self.window)
            progress.setCancelButton(None)
            progress.setWindowTitle(self.tr("批量{label}").format(label=t.label))
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(300)
        fn = batch_call(action, list(ids), opts)

        def done(rows: list[dict[str, Any]]) -> None:
            self._end(progress)
            self.last_message = self.tr("已批量{label} {n} 件申请").format(label=t.label, n=len(rows))
            self.window.statusBar().showMessage(self.last_message, 8000)
            self.finished.emit(action, True, self.last_message)

        def failed(exc: Exception) -> None:
            self._end(progress)
            self.last_message = refusal_text(self.window.store, exc)
            if not self.quiet:
                QMessageBox.warning(self.window, self.tr("批量{label}未执行").format(label=t.label), self.last_message)
            self.finished.emit(action, False, self.last_message)

        self.window.ops.run(f"bulk:{action}", fn, done, failed)

    def _end(self, progress: QWidget | None) -> None:
        self.running = False
        if progress is not None:
            progress.close()
            progress.deleteLater()
