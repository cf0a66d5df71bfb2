"""RecordForm: the dialog every record form builds on.

As the user types (debounced 300 ms) the form builds the service's input dataclass, calls its
``check_*`` (fast, on the GUI thread) and shows each Issue under the field it names (errors red,
warnings amber; fields without a widget go to the banner at the top). Save calls ``create_*`` /
``update_*`` (edits carry ``expected_revision``); a refusal lists its reasons, a warning-only input
offers “忽略警告并保存” with a reason. Closing with unsaved changes asks 保存/不保存/取消.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.forms.widgets import AmountEdit, LongText, TextLine, watch
from desktop.i18n import translate
from desktop.undo import SERVICES, UndoManager
from ledger.errors import InvalidInput, Issue, LedgerError

VALIDATE_DELAY_MS = 300
ERROR_COLOUR = "#c62828"
WARNING_COLOUR = "#a15c00"
_BANNER_CSS = {
    "error": "background:#fdecea;border:1px solid #f5c2c0;color:#8e1c1c;",
    "warning": "background:#fff4e0;border:1px solid #f3d19c;color:#7a4a00;",
    "info": "background:#e8f1fb;border:1px solid #b9d3f0;color:#1d4f8a;",
}


class RecordForm(QDialog):
    KIND = ""
    saved = Signal(str, int)  # kind, record id

    def __init__(self, store: Any, record_id: int | None = None, *, undo: UndoManager | None = None,
                 ops: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.record_id, self.undo, self.ops = store, record_id, undo, ops
        self.svc = SERVICES[self.KIND]
        self.setObjectName(f"form_{self.KIND}")
        title = translate("undo", self.svc.title)
        self.setWindowTitle(self.tr("编辑{title}").format(title=title) if record_id
                            else self.tr("新建{title}").format(title=title))
        self.setSizeGripEnabled(True)
        self.widgets: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self.local: dict[str, str] = {}  # field → message found by the widget itself (amount text, paste)
        self.issues: list[Issue] = []
        self._touched: set[str] = set()
        self._show_all = record_id is not None
        self._loading = True
        self.revision: int | None = None
        self.before: Any = None
        self.override_reason = ""
        self.stored_reason = ""
        self._save_failed = False
        self.saved_id: int | None = None

        self.banner = QLabel(self)
        self.banner.setObjectName("formBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.hide()
        body = QWidget(self)
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(4, 4, 12, 4)
        self.body.setSpacing(10)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        self.override_button = QPushButton(self.tr("忽略警告并保存…"), self)
        self.override_button.setObjectName("overrideButton")
        self.override_button.hide()
        self.override_button.clicked.connect(self.override_and_save)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.setToolTip(self.tr("保存（Ctrl+S）"))
        self.save_button.clicked.connect(lambda: self.save())
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.override_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        root = QVBoxLayout(self)
        root.addWidget(self.banner)
        root.addWidget(scroll, 1)
        root.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(VALIDATE_DELAY_MS)
        self._timer.timeout.connect(self.validate_now)
        self.build()
        if record_id is not None:
            row = self.svc.get(store, record_id)
            self.revision = row.get("revision")
            self.before = self.svc.from_row(row)
            self.stored_reason = str(row.get(self.svc.override) or "") if self.svc.override else ""
            self.load(self.before, row)
        else:
            self.defaults()
        self._loading = False
        self._initial = self.collect()[0]
        if self._show_all:
            self.validate_now()

    # -- to implement ------------------------------------------------------------------------
    def build(self) -> None:
        raise NotImplementedError

    def defaults(self) -> None:
        """Initial values of a new record."""

    def load(self, inp: Any, row: dict[str, Any]) -> None:
        raise NotImplementedError

    def collect(self) -> tuple[Any, list[Issue]]:
        """The service input from the widgets, plus problems the widgets found themselves."""
        raise NotImplementedError

    # -- layout helpers ----------------------------------------------------------------------
    def section(self, title: str, columns: int = 1) -> list[QFormLayout]:
        box = QGroupBox(title, self)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(24)
        forms = []
        for col in range(columns):
            form = QFormLayout()
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setVerticalSpacing(6)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            grid.addLayout(form, 0, col)
            grid.setColumnStretch(col, 1)
            forms.append(form)
        self.body.addWidget(box)
        return forms

    def field(self, form: QFormLayout | None, name: str, label: str, widget: QWidget,
              *, required: bool = False) -> QWidget:
        """Put ``widget`` with a message line under it into ``form`` (None: caller places it)."""
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        message = QLabel(holder)
        message.setObjectName(f"msg_{name}")
        message.setWordWrap(True)
        message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        message.hide()
        box.addWidget(message)
        self.widgets[name] = widget
        self.messages[name] = message
        widget.setObjectName(f"field_{name}")
        watch(widget, lambda n=name: self._edited(n))
        if isinstance(widget, (TextLine, LongText)):
            widget.refused.connect(lambda text, n=name: self._refused(n, text))
        if form is not None:
            caption = QLabel(("<span style='color:#c62828'>*</span>" if required else "") + escape(label) + self.tr("："))
            caption.setBuddy(widget)
            form.addRow(caption, holder)
        self._holders = getattr(self, "_holders", {})
        self._holders[name] = holder
        return holder

    def amount(self, name: str) -> int:
        """Fen from an AmountEdit field; a parse error becomes this field's local message."""
        widget = self.widgets[name]
        assert isinstance(widget, AmountEdit)
        fen, error = widget.fen()
        if error:
            self.local[name] = error
        return fen

    def long_text(self, name: str) -> str:
        widget = self.widgets[name]
        assert isinstance(widget, LongText)
        problem = widget.too_long()
        if problem:
            self.local[name] = problem
            return ""
        return widget.toPlainText()

    # -- validation --------------------------------------------------------------------------
    def _edited(self, name: str) -> None:
        if self._loading:
            return
        self._touched.add(name)
        self._timer.start()

    def _refused(self, name: str, text: str) -> None:
        self._touched.add(name)
        self._show_label(name, [Issue(name, "paste.too_long", text)])

    def gather(self) -> tuple[Any, list[Issue]]:
        self.local = {}
        inp, issues = self.collect()
        issues = list(issues) + [Issue(f, "input.local", m) for f, m in self.local.items()]
        return inp, issues

    def validate_now(self) -> list[Issue]:
        self._timer.stop()
        inp, issues = self.gather()
        local_fields = {i.field for i in issues}
        try:
            found = self.svc.check(self.store, inp, record_id=self.record_id)
        except LedgerError as exc:
            found = [Issue("", "check.failed", exc.message)]
        issues += [i for i in found if i.field not in local_fields]
        self.issues = issues
        self.show_issues(issues)
        return issues

    def _shown(self, name: str) -> bool:
        return self._show_all or name in self._touched

    def _show_label(self, name: str, issues: list[Issue]) -> None:
        label = self.messages[name]
        widget = self.widgets[name]
        if not issues:
            label.hide()
            label.setText("")
            widget.setProperty("issue", "")
        else:
            error = any(i.is_error for i in issues)
            colour = ERROR_COLOUR if error else WARNING_COLOUR
            label.setStyleSheet(f"color:{colour};")
            label.setText("\n".join(dict.fromkeys(("" if error else "⚠ ") + i.message for i in issues)))
            label.show()
            widget.setProperty("issue", "error" if error else "warning")
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def show_issues(self, issues: list[Issue]) -> None:
        by_field: dict[str, list[Issue]] = {}
        for issue in issues:
            by_field.setdefault(issue.field, []).append(issue)
        for name in self.messages:
            self._show_label(name, by_field.get(name, []) if self._shown(name) else [])
        other = [i for i in issues if i.field not in self.messages]
        errors = [i for i in issues if i.is_error]
        if self._save_failed and errors:  # after a refused save the list stays, kept up to date
            items = "".join(f"<li>{escape(i.message)}</li>" for i in dict.fromkeys(errors))
            self.set_banner(self.tr("<b>无法保存，请先修正以下问题：</b><ul style='margin:2px 0'>{items}</ul>").format(items=items), "error")
        elif other and (self._show_all or self._touched):
            kind = "error" if any(i.is_error for i in other) else "warning"
            self.set_banner("<br>".join(escape(i.message) for i in other), kind)
        elif not self._save_failed or not issues:
            self.set_banner("")
        has_errors = any(i.is_error for i in issues)
        self.override_button.setVisible(not has_errors and any(not i.is_error for i in issues)
                                        and self.svc.override != "" and self._show_all)

    def set_banner(self, html: str, kind: str = "error") -> None:
        self.banner.setProperty("kind", kind)
        if not html:
            self.banner.hide()
            self.banner.setText("")
            return
        self.banner.setStyleSheet(f"QLabel#formBanner{{{_BANNER_CSS.get(kind, '')}padding:8px;border-radius:4px;}}")
        self.banner.setText(html)
        self.banner.show()

    def message_for(self, name: str) -> str:
        return self.messages[name].text()

    # -- saving ------------------------------------------------------------------------------
    def save(self, override_reason: str = "") -> bool:
        self._show_all = True
        self._save_failed = True
        issues = self.validate_now()
        errors = [i for i in issues if i.is_error]
        if errors:
            return False
        warnings = [i for i in issues if not i.is_error]
        if warnings and not override_reason.strip():
            override_reason = self._earlier_reason(warnings)
        if warnings and not override_reason.strip():
            items = "".join(f"<li>{escape(i.message)}</li>" for i in dict.fromkeys(warnings))
            self.set_banner(self.tr("<b>有需要确认的警告：</b><ul style='margin:2px 0'>{items}</ul>如确认无误，请点“忽略警告并保存”并填写理由。").format(items=items), "warning")
            self.override_button.setVisible(self.svc.override != "")
            return False
        inp, _ = self.gather()
        kwargs = {"override_reason": override_reason} if self.svc.override and override_reason else {}
        try:
            if self.record_id is None:
                outcome = self.svc.create(self.store, inp, **kwargs)
            else:
                outcome = self.svc.update(self.store, self.record_id, inp, expected_revision=self.revision, **kwargs)
        except InvalidInput as exc:
            self.show_issues(exc.issues)
            self.set_banner(self.tr("<b>保存被拒绝：</b>{message}").format(message=escape(exc.message)), "error")
            return False
        except LedgerError as exc:
            self.set_banner(self.tr("<b>保存被拒绝：</b>{message}").format(message=escape(exc.message)), "error")
            return False
        self._save_failed = False
        self.override_reason = override_reason
        if self.undo is not None:
            if self.record_id is None:
                self.undo.record_create(self.KIND, outcome.id, inp, override_reason)
            elif inp != self.before:
                self.undo.record_update(self.KIND, self.record_id, self.before, inp, override_reason)
        self.saved_id = outcome.id
        self._initial = inp
        self.saved.emit(self.KIND, outcome.id)
        self.accept()
        return True

    def _earlier_reason(self, warnings: list[Issue]) -> str:
        """An edit that leaves the warned fields as they were keeps the reason given before."""
        if not self.stored_reason or self.before is None:
            return ""
        inp = self.gather()[0]
        same = all(getattr(inp, w.field, None) == getattr(self.before, w.field, object()) for w in warnings)
        return self.stored_reason if same else ""

    def ask_reason(self) -> str:
        text, ok = QInputDialog.getText(self, self.tr("忽略警告并保存"), self.tr("请填写忽略警告的理由（将记入审计日志）："))
        return text.strip() if ok else ""

    def override_and_save(self) -> bool:
        reason = self.ask_reason()
        if not reason:
            self.set_banner(self.tr("未填写理由，未保存。"), "warning")
            return False
        return self.save(reason)

    # -- closing -----------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.gather()[0] != self._initial

    def reject(self) -> None:
        if self.is_dirty():
            buttons = QMessageBox.StandardButton
            answer = QMessageBox.question(
                self, self.tr("未保存的修改"), self.tr("{windowTitle}：有尚未保存的修改，是否保存？").format(windowTitle=self.windowTitle()),
                buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
            if answer == buttons.Cancel:
                return
            if answer == buttons.Save:
                self.save()  # closes on success; otherwise the reasons stay in view
                return
        super().reject()
