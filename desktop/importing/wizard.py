"""数据导入向导: choose kind + file → check (worker thread, progress, 取消) → preview (counts, rows,
errors, error workbook, warnings with a reason) → write (worker thread, progress, 取消) → summary.

Calls ``ledger.importing.writer.plan_import`` / ``apply_import`` and ``reports.import_workbooks``;
emits :attr:`ImportWizard.imported` after a write so the main window refreshes its pages.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.importing.common import SHEET_FILTER, XLSX_FILTER, is_cancel, message_of
from desktop.importing.plan_model import ACTIONS, changes_text, row_messages
from desktop.importing.wizard_pages import ChoosePage, PreviewPage, ProgressPage, kind_label
from desktop.jobs import Job
from desktop.ops import Ops
from ledger.errors import Refused
from ledger.importing.columns import get_kind
from ledger.importing.writer import WARNING_HINT

STEPS = (
    QT_TRANSLATE_NOOP("importing.wizard", "选择文件"),
    QT_TRANSLATE_NOOP("importing.wizard", "检查"),
    QT_TRANSLATE_NOOP("importing.wizard", "预览"),
    QT_TRANSLATE_NOOP("importing.wizard", "导入"),
)
SMALL_TABLE = 300  # rows whose heights follow their wrapped text
DIR_KEY = "import/lastDir"
WIZARD_CSS = """
QPushButton:disabled { color: #a0a7b4; background: #f3f5f8; border-color: #dde3ec; }
QPushButton[primary="true"]:enabled { background: #2f6fb3; color: #ffffff; border-color: #2a5f98; }
QPushButton[primary="true"]:enabled:hover { background: #3b7cc2; }
QLabel#wizardSteps { font-size: 13px; background: #ffffff; border-bottom: 1px solid #dde3ec; padding: 6px 4px; }
"""


def template_name(kind: str) -> str:
    return f"{get_kind(kind).title}导入模板.xlsx"


class ImportWizard(QDialog):
    imported = Signal(str, object)  # kind, ImportResult — registers and dashboard refresh
    planned = Signal(object)  # the ImportPlan shown in the preview
    failed = Signal(str)  # a message shown on the first page (file problems, cancelled check)

    def __init__(self, ops: Ops, parent: QWidget | None = None, *, kind: str | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("数据导入向导"))
        self.setSizeGripEnabled(True)
        self.resize(1080, 720)
        self.ops = ops
        self.settings = settings or QSettings()
        self.plan: Any = None
        self.result: Any = None
        self.reason = ""
        self.accept_valid = False
        self.sheet_names: list[str] = []
        self.check_job = Job(ops, "import:check", self)
        self.write_job = Job(ops, "import:write", self)
        self.file_job = Job(ops, "import:file", self)  # template / error workbook
        self.steps = QLabel(self)
        self.steps.setObjectName("wizardSteps")
        self.setStyleSheet(WIZARD_CSS)
        self.choose = ChoosePage(self)
        self.checking = ProgressPage(self.tr("第二步：检查文件（不会改动台账）"), self)
        self.preview = PreviewPage(self)
        self.writing = ProgressPage(self.tr("第四步：写入台账"), self)
        self.stack = QStackedWidget(self)
        for page in (self.choose, self.checking, self.preview, self.writing):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.stack, 1)
        if kind:
            self.choose.kind_box.setCurrentIndex(max(0, self.choose.kind_box.findData(kind)))
        self._connect()
        self._show(0)

    def _connect(self) -> None:
        c, p = self.choose, self.preview
        c.browse_button.clicked.connect(self.browse)
        c.file_edit.editingFinished.connect(self._file_edited)
        c.kind_box.currentIndexChanged.connect(lambda _i: self._inspect())
        c.template_button.clicked.connect(self.save_template)
        c.close_button.clicked.connect(self.reject)
        c.check_button.clicked.connect(self.start_check)
        self.checking.cancel_button.clicked.connect(self._cancel_check)
        self.check_job.progressed.connect(self.checking.progress.setValue)
        self.check_job.finished.connect(self._checked)
        self.check_job.failed.connect(self._check_failed)
        p.errors_only.toggled.connect(self._filter)
        p.tiles["error"].clicked.connect(lambda: p.errors_only.toggle())
        p.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._detail(cur.row()))
        p.report_button.clicked.connect(self.save_error_report)
        p.warn_button.clicked.connect(self.accept_warnings)
        p.back_button.clicked.connect(lambda: self._show(0))
        p.valid_button.clicked.connect(lambda: self.start_write(accept_valid=True))
        p.all_button.clicked.connect(lambda: self.start_write(accept_valid=False))
        self.writing.cancel_button.clicked.connect(self._cancel_write)
        self.writing.done_button.clicked.connect(self.accept)
        self.writing.again_button.clicked.connect(self.restart)
        self.write_job.progressed.connect(self.writing.progress.setValue)
        self.write_job.finished.connect(self._written)
        self.write_job.failed.connect(self._write_failed)

    # -- steps -------------------------------------------------------------------------------
    def _show(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        parts = [(f"<b style='color:#1f3b5c'>{i + 1}. {s}</b>" if i == index else
                  f"<span style='color:#8a94a6'>{i + 1}. {s}</span>") for i, s in enumerate(translate("importing.wizard", s) for s in STEPS)]
        self.steps.setText(self.tr("　›　").join(parts))
        p = self.preview
        for button in (self.choose.check_button, p.all_button, p.valid_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        if index == 0:  # no default on the preview: Enter must not write (Alt+A / Alt+V do)
            self.choose.check_button.setDefault(True)
        if index == 0:
            self.choose.file_edit.setFocus()
        elif index == 2:
            self.preview.table.setFocus()

    def kind(self) -> str:
        return str(self.choose.kind_box.currentData())

    def path(self) -> Path | None:
        text = self.choose.file_edit.text().strip()
        return Path(text) if text else None

    def restart(self) -> None:
        self.plan, self.result, self.reason = None, None, ""
        self.choose.file_edit.clear()
        self.choose.show_sheets([])
        self.choose.banner.clear_message()
        self._show(0)

    # -- step 1: file ------------------------------------------------------------------------
    def browse(self) -> None:
        start = str(self.path().parent if self.path() else self.settings.value(DIR_KEY, str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择要导入的文件"), start, translate("importing.common", SHEET_FILTER))
        if path:
            self.set_file(path)

    def set_file(self, path: str | Path) -> None:
        self.choose.file_edit.setText(str(path))
        self.settings.setValue(DIR_KEY, str(Path(path).parent))
        self.reason = ""
        self._inspect()

    def _file_edited(self) -> None:
        if self.path() is not None and str(self.path()) != getattr(self, "_inspected", None):
            self._inspect()

    def _inspect(self) -> None:
        """List the sheets that have a header of this kind (worker thread); show file problems early."""
        path, kind = self.path(), self.kind()
        self.choose.show_sheets([])
        self.choose.banner.clear_message()
        self._inspected = str(path) if path else None
        if path is None:
            return
        from ledger.importing import read_workbook

        self.ops.run("import:sheets", lambda _store: [s.sheet for s in read_workbook(path, kind)],
                     self._sheets_found, self._sheets_failed)

    def _sheets_found(self, names: list[str]) -> None:
        self.sheet_names = names
        self.choose.show_sheets(names)

    def _sheets_failed(self, exc: Exception) -> None:
        if self.stack.currentIndex() == 0:
            self.choose.banner.show_message(message_of(exc, self.tr("读取文件")), "error")

    def save_template(self) -> None:
        kind = self.kind()
        start = Path(str(self.settings.value(DIR_KEY, str(Path.home())))) / template_name(kind)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存空白导入模板"), str(start), translate("importing.common", XLSX_FILTER))
        if not path or self.file_job.running():
            return
        from reports.import_workbooks import write_template

        out = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        self._file_target = (self.choose.banner, self.tr("已生成{title}导入模板：{out}").format(title=get_kind(kind).title, out=out))
        self._connect_file_job()
        self.file_job.start(lambda _store, _p, _c: write_template(kind, out))

    def _connect_file_job(self) -> None:
        if getattr(self, "_file_connected", False):
            return
        self._file_connected = True
        self.file_job.finished.connect(lambda _r: self._file_target[0].show_message(self._file_target[1], "ok"))
        self.file_job.failed.connect(lambda exc: self._file_target[0].show_message(
            message_of(exc, self.tr("保存文件")), "error"))

    # -- step 2: check -----------------------------------------------------------------------
    def start_check(self) -> None:
        path = self.path()
        if path is None:
            self.choose.banner.show_message(self.tr("请先选择要导入的文件。"), "warning")
            self.choose.file_edit.setFocus()
            return
        if self.check_job.running():
            return
        kind, sheet = self.kind(), self.choose.sheet_box.currentData()
        reason = self.reason
        self.checking.label.setText(self.tr("正在检查「{name}」（{kind}）……").format(name=path.name, kind=kind_label(kind))
                                    + (self.tr("<br>忽略警告的理由：{reason}").format(reason=escape(reason)) if reason else ""))
        self.checking.progress.setValue(0)
        self.checking.banner.clear_message()
        self.checking.running(True)
        self._show(1)
        self.checking.cancel_button.setFocus()
        from ledger.importing.writer import plan_import

        self.check_job.start(lambda store, progress, cancel: plan_import(
            store, kind, path, sheet=sheet, accept_warnings_reason=reason, progress=progress, cancel=cancel))

    def _cancel_check(self) -> None:
        self.check_job.cancel()
        self.checking.cancel_button.setEnabled(False)
        self.checking.label.setText(self.tr("正在取消……"))

    def _check_failed(self, exc: Exception) -> None:
        text = self.tr("已取消检查，未写入任何数据。") if is_cancel(exc) else message_of(exc, self.tr("检查文件"))
        self._show(0)
        self.choose.banner.show_message(text, "info" if is_cancel(exc) else "error")
        self.failed.emit(text)

    def _checked(self, plan: Any) -> None:
        self.plan = plan
        self._fill_preview(plan)
        self._show(2)
        self.planned.emit(plan)

    # -- step 3: preview ---------------------------------------------------------------------
    def _fill_preview(self, plan: Any) -> None:
        p = self.preview
        counts = plan.counts
        for action, tile in p.tiles.items():
            tile.set_value(f"{counts[action]:,}", self.tr("行"))
        p.heading.setText(self.tr("第三步：检查结果 — {name}（{kind}）").format(name=plan.path.name, kind=kind_label(plan.kind)))
        notes = []
        for sp in plan.sheets:
            line = self.tr("工作表「{sheet}」：表头在第 {header_row} 行，数据 {data_rows:,} 行").format(sheet=sp.sheet, header_row=sp.header_row, data_rows=sp.data_rows)
            if sp.examples_skipped:
                line += self.tr("，已跳过示例行 {examples_skipped} 行").format(examples_skipped=sp.examples_skipped)
            extra = [f"{h}" for _i, h in sp.header_map.unmapped]
            if extra:
                line += self.tr("；未识别的列（将忽略）：{extra}").format(extra='、'.join(extra))
            notes.append(escape(line))
            notes += [self.tr("　· {problem}").format(problem=escape(problem)) for problem in sp.problems]
        if plan.accept_warnings_reason:
            notes.append(escape(self.tr("已填写忽略警告的理由：{accept_warnings_reason}").format(accept_warnings_reason=plan.accept_warnings_reason)))
        p.notes.show_message("<br>".join(notes), "info")
        p.banner.clear_message()
        if not plan.rows:
            p.banner.show_message(self.tr("文件中没有数据行。"), "warning")
        n_err = counts["error"]
        ok = n_err == 0
        flagged = [r for r in plan.rows if r.action == "error" or r.warnings]  # one pass over the rows
        p.model.set_plan(plan, errors_only=n_err > 0)  # errors first when there are any
        p.errors_only.blockSignals(True)
        p.errors_only.setChecked(n_err > 0)
        p.errors_only.blockSignals(False)
        p.errors_only.setEnabled(bool(flagged))
        self._after_filter()
        writable = counts["insert"] + counts["update"]
        p.all_button.setEnabled(ok and writable > 0)
        p.all_button.setToolTip(
            self.tr("有 {n_err} 行数据有误，不能全部导入：改正文件后重新检查，或选择“只导入无误的行”").format(n_err=n_err) if not ok
            else (self.tr("没有需要新增或更新的行（文件内容与台账一致）") if not writable
                  else self.tr("在一个事务中写入 {writable:,} 行").format(writable=writable)))
        p.valid_button.setEnabled(not ok and writable > 0)
        p.valid_button.setToolTip(
            self.tr("写入无误的 {writable:,} 行，跳过有误的 {n_err} 行").format(writable=writable, n_err=n_err) if not ok and writable
            else (self.tr("没有错误，请用“全部导入”") if ok else self.tr("没有无误且需要写入的行")))
        warned = any(e.message.endswith(WARNING_HINT) for r in flagged for e in r.errors)
        p.warn_button.setEnabled(warned)
        p.warn_button.setToolTip(self.tr("有校验位等警告：核对无误后填写理由，重新检查时这些行可以导入") if warned
                                 else self.tr("没有可以填写理由后忽略的警告"))
        p.report_button.setEnabled(n_err > 0)
        p.report_button.setToolTip(self.tr("原始各行加上“错误说明”列，另存为 Excel 工作簿，便于改正后重新导入") if n_err
                                   else self.tr("没有错误，无需错误报告"))

    def _filter(self, on: bool) -> None:
        self.preview.model.set_errors_only(on)
        self._after_filter()

    def _after_filter(self) -> None:
        p = self.preview
        shown, total = p.model.rowCount(), len(p.model.rows)
        p.count_label.setText(self.tr("显示 {shown:,} / {total:,} 行").format(shown=shown, total=total))
        # wrapped messages: rows follow their text when few (re-fitted as columns resize), else one line
        mode = QHeaderView.ResizeMode.ResizeToContents if shown <= SMALL_TABLE else QHeaderView.ResizeMode.Fixed
        p.table.verticalHeader().setSectionResizeMode(mode)
        if shown:
            p.table.selectRow(0)
        else:
            p.detail.clear()

    def _detail(self, view_row: int) -> None:
        p = self.preview
        if view_row < 0 or view_row >= p.model.rowCount():
            p.detail.clear()
            return
        row = p.model.row_at(view_row)
        lines = [self.tr("<b>{escape}</b>　{action}　{key}").format(escape=escape(p.model.cell_text(row, 0)), action=translate("importing.plan_model", ACTIONS[row.action]), key=escape(row.key))]
        if row.changes:
            lines.append(self.tr("变更：") + escape(changes_text(self.plan.kind, row.changes)))
        colour = "#a11d1d" if row.action == "error" else "#7a4a00"
        lines += [f"<span style='color:{colour}'>{escape(m)}</span>" for m in row_messages(row)]
        p.detail.setHtml("<br>".join(lines))

    def save_error_report(self) -> None:
        if self.plan is None or self.file_job.running():
            return
        default = self.plan.path.with_name(f"{self.plan.path.stem}-错误报告.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存错误报告"), str(default), translate("importing.common", XLSX_FILTER))
        if not path:
            return
        from reports.import_workbooks import write_error_workbook

        out = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        plan = self.plan
        self._file_target = (self.preview.banner, self.tr("已保存错误报告：{out}").format(out=out))
        self._connect_file_job()
        self.file_job.start(lambda _store, _p, _c: write_error_workbook(plan, out))

    def accept_warnings(self) -> None:
        reason, ok = QInputDialog.getText(
            self, self.tr("填写理由后忽略警告"),
            self.tr("这些警告多为早期试点地区不符合国标的真实代码。\n核对营业执照或证书无误后，请填写理由"
            "（随数据保存并记入审计日志）："), QLineEdit.EchoMode.Normal, self.reason or self.tr("已核对营业执照，代码无误"))
        if ok and reason.strip():
            self.reason = reason.strip()
            self.start_check()

    # -- step 4: write -----------------------------------------------------------------------
    def start_write(self, *, accept_valid: bool) -> None:
        if self.plan is None or self.write_job.running():
            return
        plan = self.plan
        self.accept_valid = accept_valid
        counts = plan.counts
        todo = counts["insert"] + counts["update"]
        self.writing.label.setText(self.tr("正在写入 {todo:,} 行（新增 {insert:,}、更新 {update:,}）").format(todo=todo, insert=counts['insert'], update=counts['update'])
                                   + (self.tr("，跳过有误的 {error:,} 行").format(error=counts['error']) if accept_valid and counts["error"] else "")
                                   + self.tr("。取消则不写入任何数据。"))
        self.writing.heading.setText(self.tr("第四步：写入台账"))
        self.writing.progress.setValue(0)
        self.writing.banner.clear_message()
        self.writing.running(True)
        self._show(3)
        self.writing.cancel_button.setFocus()
        from ledger.importing.writer import apply_import

        self.write_job.start(lambda store, progress, cancel: apply_import(
            store, plan, accept_valid=accept_valid, progress=progress, cancel=cancel))

    def _cancel_write(self) -> None:
        self.write_job.cancel()
        self.writing.cancel_button.setEnabled(False)
        self.writing.label.setText(self.tr("正在取消（撤销本次写入）……"))

    def _written(self, result: Any) -> None:
        self.result = result
        self.writing.progress.setValue(100)
        self.writing.heading.setText(self.tr("导入完成"))
        self.writing.label.setText(self.tr("文件「{name}」已导入{kind}台账。").format(name=self.plan.path.name, kind=kind_label(self.plan.kind)))
        self.writing.banner.show_message(result.summary() + self.tr("。"), "ok")
        self.writing.running(False)
        self.writing.done_button.setDefault(True)
        self.writing.done_button.setFocus()
        self.imported.emit(self.plan.kind, result)

    def _write_failed(self, exc: Exception) -> None:
        if is_cancel(exc):
            self._show(2)
            self.preview.banner.show_message(self.tr("已取消导入，未写入任何数据。"), "info")
        elif isinstance(exc, Refused):  # the ledger changed since the check: check again
            self.start_check()
            self.checking.banner.show_message(exc.message, "warning")
        else:
            self._show(2)
            self.preview.banner.show_message(message_of(exc, self.tr("导入")), "error")

    # -- closing -----------------------------------------------------------------------------
    def busy(self) -> bool:
        return self.check_job.running() or self.write_job.running()

    def reject(self) -> None:
        """Esc / 关闭: cancel what runs (a write in progress rolls back) and close."""
        self.check_job.cancel()
        self.write_job.cancel()
        super().reject()
