"""报表 page: choose a report, year, programme; build it in the background with progress and Cancel;
preview PDFs in the window (print, open folder), summarise workbooks. Builders: reports.ledger_reports
(each export audited there)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.jobs import Job
from desktop.ops import Ops
from desktop.widgets.pdf_preview import PdfPreview, open_folder

log = logging.getLogger(__name__)
PDF_FILTER = QT_TRANSLATE_NOOP("pages.reports_page", "PDF 文件 (*.pdf)")
XLSX_FILTER = QT_TRANSLATE_NOOP("pages.reports_page", "Excel 工作簿 (*.xlsx)")


@dataclass(frozen=True)
class ReportKind:
    key: str
    title: str
    pdf: bool
    hint: str
    programme: bool = False
    case: bool = False
    year: bool = True
    cancellable: bool = False

    def default_name(self, year: int) -> str:
        names = {"annual": f"{year}年度知识产权保险试点工作报告.pdf", "cases": f"{year}年典型案例汇编.pdf",
                 "case": f"{year}年典型案例.pdf", "finance": f"{year}年保费补贴资金拨付明细表.xlsx",
                 "registers": f"台账导出-{date.today():%Y%m%d}.xlsx"}
        return names[self.key]


KINDS = (
    ReportKind("annual", QT_TRANSLATE_NOOP("pages.reports_page", "年度总结报告（PDF）"), True, QT_TRANSLATE_NOOP("pages.reports_page", "封面、目录、总体情况、图表、分产品/地区/机构统计、典型案例与附录。"),
               programme=True, cancellable=True),
    ReportKind("cases", QT_TRANSLATE_NOOP("pages.reports_page", "典型案例汇编（PDF）"), True, QT_TRANSLATE_NOOP("pages.reports_page", "所选年度的全部典型案例，按案例格式排版。")),
    ReportKind("case", QT_TRANSLATE_NOOP("pages.reports_page", "单个典型案例（PDF）"), True, QT_TRANSLATE_NOOP("pages.reports_page", "一个典型案例，按案例格式排版。"), case=True),
    ReportKind("finance", QT_TRANSLATE_NOOP("pages.reports_page", "补贴资金拨付明细表（Excel）"), False, QT_TRANSLATE_NOOP("pages.reports_page", "保费补贴资金拨付明细表、汇总表，含 SUM 公式与大写金额。"),
               programme=True),
    ReportKind("registers", QT_TRANSLATE_NOOP("pages.reports_page", "台账导出（Excel）"), False, QT_TRANSLATE_NOOP("pages.reports_page", "企业、知识产权、保单、补贴、理赔台账，每类一个工作表。"),
               year=False, cancellable=True),
)


SHEETS = {"enterprise": "企业台账", "ip_right": "知识产权台账", "policy": "保单台账",
          "subsidy_application": "保费补贴台账", "claim": "理赔台账"}


def build(store: Any, kind: str, params: dict[str, Any], progress, cancel) -> dict[str, Any]:
    """Worker-thread body: build one report; returns a summary for the page."""
    from ledger.services import audit_view
    from reports import ledger_reports as lr

    out, year, pid = params["path"], params.get("year"), params.get("programme_id")
    result: dict[str, Any] = {"kind": kind, "path": str(out)}
    if kind == "annual":
        lr.annual_report(store, year, out, programme_id=pid, progress=progress, cancel=cancel)
    elif kind == "cases":
        lr.cases_report(store, year, out)
    elif kind == "case":
        lr.case_report(store, params["case_id"], out)
    elif kind == "finance":
        lr.finance_workbook(store, year, out, programme_id=pid)
        result["rows"] = {"保费补贴资金拨付明细表": int(audit_view.last_export(store).get("rows") or 0)}
    elif kind == "registers":
        lr.register_workbook(store, out, progress=progress, cancel=cancel)
        counts = audit_view.last_export(store).get("rows") or {}  # per table, as audited
        result["rows"] = {SHEETS.get(k, k): int(n) for k, n in counts.items()}
    else:
        raise ValueError(kind)
    progress(1.0)
    return result


def error_text(exc: BaseException) -> str:
    from reports import Cancelled

    if isinstance(exc, Cancelled):
        return translate("pages.reports_page", "已取消，未生成文件。")
    message = getattr(exc, "message", None)
    if message:
        return str(message)
    if isinstance(exc, OSError):
        return translate("pages.reports_page", "无法写入文件：{strerror}").format(strerror=exc.strerror or exc)
    log.error("report failed", exc_info=exc)
    return translate("pages.reports_page", "生成失败：{exc}").format(exc=exc)


class ReportsPage(QWidget):
    reportFinished = Signal(object)  # the result dict
    reportFailed = Signal(str)  # Chinese message

    def __init__(self, ops: Ops, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_reports")
        self.ops = ops
        self.settings = settings or QSettings()
        self.job = Job(ops, "reports:build", self)
        self.result: dict[str, Any] | None = None
        self._loaded = False
        self._running_kind: ReportKind | None = None
        self._build_form()
        self._build_output()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 10)
        layout.setSpacing(16)
        layout.addWidget(self.form_panel)
        layout.addWidget(self.output, 1)
        self.job.progressed.connect(self._on_progress)
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)
        self._on_kind()

    # -- construction ------------------------------------------------------------------------
    def _build_form(self) -> None:
        panel = QFrame(self)
        panel.setObjectName("reportForm")
        panel.setFixedWidth(360)
        heading = QLabel(self.tr("生成报表"), panel)
        heading.setObjectName("pageHeading")
        self.kind_box = QComboBox(panel)
        for kind in KINDS:
            self.kind_box.addItem(translate("pages.reports_page", kind.title), kind.key)
        self.year_box = QSpinBox(panel)
        self.year_box.setRange(2000, date.today().year + 1)
        self.year_box.setValue(date.today().year)
        self.year_box.setSuffix(self.tr(" 年"))
        self.programme_box = QComboBox(panel)
        self.programme_box.addItem(self.tr("全部试点项目"), None)
        self.case_box = QComboBox(panel)
        self.hint = QLabel("", panel)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hintText")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("报表"), self.kind_box)
        form.addRow(self.tr("年度"), self.year_box)
        form.addRow(self.tr("试点项目"), self.programme_box)
        form.addRow(self.tr("典型案例"), self.case_box)
        self.form = form
        self.generate_button = QPushButton(self.tr("生成…"), panel)
        self.generate_button.setDefault(True)
        self.progress_bar = QProgressBar(panel)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setFormat("%p%")
        self.cancel_button = QPushButton(self.tr("取消"), panel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)
        self.status_label = QLabel("", panel)
        self.status_label.setObjectName("statusText")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = QPushButton(self.tr("打开所在文件夹"), panel)
        self.folder_button.setEnabled(False)
        v = QVBoxLayout(panel)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(heading)
        v.addLayout(form)
        v.addWidget(self.hint)
        v.addWidget(self.generate_button)
        v.addLayout(progress_row)
        v.addWidget(self.status_label)
        v.addWidget(self.folder_button)
        v.addStretch(1)
        self.form_panel = panel
        self.kind_box.currentIndexChanged.connect(self._on_kind)
        self.year_box.valueChanged.connect(self._on_year)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button.clicked.connect(self.cancel)
        self.folder_button.clicked.connect(self.open_result_folder)
        self._show_running(False)

    def _build_output(self) -> None:
        self.output = QStackedWidget(self)
        self.empty_label = QLabel(self.tr("生成 PDF 报表后，在此预览、打印。"), self.output)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setObjectName("placeholderText")
        self.preview = PdfPreview(self.output)
        self.summary_label = QLabel("", self.output)
        self.summary_label.setObjectName("workbookSummary")
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for w in (self.empty_label, self.preview, self.summary_label):
            self.output.addWidget(w)

    # -- choices -----------------------------------------------------------------------------
    def kind(self) -> ReportKind:
        return KINDS[max(0, self.kind_box.currentIndex())]

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.refresh()

    def store_changed(self) -> None:
        self.job.abandon()
        self._show_running(False)
        self._loaded = False
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._loaded = True

        def load(store: Any) -> dict[str, Any]:
            from ledger.services import programmes, settings

            return {"programmes": programmes.list_programmes(store),
                    "default": settings.get_setting(store, "default_programme_id")}

        self.ops.run("reports:choices", load, self._set_choices)

    def _set_choices(self, data: dict[str, Any]) -> None:
        current = self.programme_box.currentData()
        self.programme_box.blockSignals(True)
        self.programme_box.clear()
        self.programme_box.addItem(self.tr("全部试点项目"), None)
        for p in data["programmes"]:
            self.programme_box.addItem(f"{p['name']}", int(p["id"]))
        default = int(data["default"]) if str(data["default"]).isdigit() else None
        wanted = current if current is not None else default
        index = self.programme_box.findData(wanted) if wanted is not None else 0
        self.programme_box.setCurrentIndex(max(0, index))
        self.programme_box.blockSignals(False)
        years = [int(p["year"]) for p in data["programmes"] if p.get("year")]
        chosen = next((int(p["year"]) for p in data["programmes"] if int(p["id"]) == (default or -1)), None)
        if not self.job.running() and (chosen or years):
            self.year_box.setValue(chosen or max(years))
        self._load_cases()

    def _on_kind(self) -> None:
        kind = self.kind()
        for widget, visible in ((self.year_box, kind.year), (self.programme_box, kind.programme),
                                (self.case_box, kind.case)):
            widget.setVisible(visible)
            self.form.labelForField(widget).setVisible(visible)
        self.hint.setText(translate("pages.reports_page", kind.hint))
        if kind.case:
            self._load_cases()

    def _on_year(self) -> None:
        if self.kind().case:
            self._load_cases()

    def _load_cases(self) -> None:
        if not self.kind().case or not self._loaded:
            return
        year = self.year_box.value()

        def load(store: Any) -> list[tuple]:
            from ledger.store import registers

            return registers.fetch(store, registers.CASES, {"year": year}, None, "number", False, 0, 500)

        self.ops.run("reports:cases", load, self._set_cases)

    def _set_cases(self, rows: list[tuple]) -> None:
        self.case_box.clear()
        for row in rows:
            self.case_box.addItem(self.tr("案例 {row}：{row2}").format(row=row[2], row2=row[3]), int(row[0]))
        if not rows:
            self.case_box.addItem(self.tr("{value} 年没有典型案例").format(value=self.year_box.value()), None)

    # -- running -----------------------------------------------------------------------------
    def params(self) -> dict[str, Any]:
        return {"year": self.year_box.value(), "programme_id": self.programme_box.currentData(),
                "case_id": self.case_box.currentData()}

    def _default_dir(self) -> str:
        saved = self.settings.value("reports/lastDir")
        if saved and Path(str(saved)).is_dir():
            return str(saved)
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return docs or str(Path.home())

    def generate(self) -> None:
        """Ask where to save, then build in the background."""
        kind = self.kind()
        if kind.case and self.case_box.currentData() is None:
            self._show_status(self.tr("请先选择一个典型案例。"), error=True)
            return
        start = str(Path(self._default_dir()) / kind.default_name(self.year_box.value()))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存{title}").format(title=translate("pages.reports_page", kind.title)), start,
                                              translate("pages.reports_page", PDF_FILTER if kind.pdf else XLSX_FILTER))
        if not path:
            return
        suffix = ".pdf" if kind.pdf else ".xlsx"
        if not path.lower().endswith(suffix):
            path += suffix
        self.settings.setValue("reports/lastDir", str(Path(path).parent))
        self.run_report(kind.key, {**self.params(), "path": path})

    def run_report(self, key: str, params: dict[str, Any]) -> None:
        if self.job.running():
            return
        kind = next(k for k in KINDS if k.key == key)
        self._running_kind = kind
        if kind.pdf and self.preview.path is not None and Path(params["path"]) == self.preview.path:
            self.preview.clear()  # release the file we are about to replace
        self.result = None
        self._show_running(True)
        self.progress_bar.setRange(0, 100 if kind.cancellable else 0)
        self.progress_bar.setValue(0)
        self._show_status(self.tr("正在生成{title}…").format(title=translate("pages.reports_page", kind.title)))
        self.job.start(lambda store, progress, cancel: build(store, key, params, progress, cancel))

    def cancel(self) -> None:
        if self.job.running():
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self._show_status(self.tr("正在取消…"))

    def _on_progress(self, percent: int) -> None:
        if self.progress_bar.maximum() > 0:
            self.progress_bar.setValue(percent)

    def _show_running(self, running: bool) -> None:
        cancellable = running and self._running_kind is not None and self._running_kind.cancellable
        self.progress_bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(cancellable)
        self.cancel_button.setToolTip("" if cancellable else self.tr("此报表生成很快，不能中途取消"))
        self.generate_button.setEnabled(not running)
        self.kind_box.setEnabled(not running)

    def _show_status(self, text: str, *, error: bool = False, ok: bool = False) -> None:
        color = "#b3261e" if error else "#1e7b34" if ok else "#4a5468"
        self.status_label.setStyleSheet(f"color: {color};")
        self.status_label.setText(text)

    def _on_finished(self, result: dict[str, Any]) -> None:
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(100)
        self._show_running(False)
        self.result = result
        path = Path(result["path"])
        self.folder_button.setEnabled(True)
        if path.suffix.lower() == ".pdf":
            if self.preview.load(path):
                self.output.setCurrentWidget(self.preview)
                self._show_status(self.tr("已生成（共 {page_count} 页）：\n{path}").format(page_count=self.preview.page_count(), path=path), ok=True)
            else:
                self._show_status(self.tr("已生成，但无法预览：\n{path}").format(path=path), error=True)
        else:
            rows = result.get("rows") or {}
            lines = "".join(self.tr("<tr><td>{name}</td><td align='right'>{n:,} 行</td></tr>").format(name=name, n=n) for name, n in rows.items())
            self.summary_label.setText(
                self.tr("<h3>已导出 Excel 工作簿</h3><p>{path}</p><table cellspacing='0' cellpadding='4'>{lines}</table><p>合计 {sum:,} 行数据。</p>").format(path=path, lines=lines, sum=sum(rows.values())))
            self.output.setCurrentWidget(self.summary_label)
            self._show_status(self.tr("已导出：\n{path}").format(path=path), ok=True)
        self.reportFinished.emit(result)

    def _on_failed(self, exc: Exception) -> None:
        self._show_running(False)
        message = error_text(exc)
        self._show_status(message, error=True)
        self.reportFailed.emit(message)

    def open_result_folder(self) -> None:
        if self.result is not None:
            open_folder(self.result["path"])
