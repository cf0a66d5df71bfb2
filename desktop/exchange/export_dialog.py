"""导出数据包: choose the file (and optionally an audit seq to start after), export in the background,
then show the :class:`ledger.exchange.PackageSummary` (number, counts per table, size, path)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.common import (
    RECORD_TABLE_LABELS,
    Banner,
    JobDialog,
    fill_table,
    human_size,
    ipx_filter,
    make_table,
    message_of,
    open_folder,
    table_label,
)
from ledger import exchange

LAST_DIR = "exchange/lastDir"


class ExportDialog(JobDialog):
    exported = Signal(object)  # PackageSummary

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.window = window
        self.summary: exchange.PackageSummary | None = None
        self._build_steps(window, self.tr("导出数据包"), (680, 780), "exchange:export",
                          self._form_page(), self._result_page())
        self._load_office()

    # -- pages -------------------------------------------------------------------------------
    def _form_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(self.tr("把本办公室自上一个数据包以来新增、修改和删除的记录写成一个签名的数据包（.ipx），"
                               "交上级机关导入。数据包含联系人和银行账号等个人信息，请妥善传递。"), page)
        intro.setWordWrap(True)
        self.office_label = QLabel(page)
        self.office_label.setWordWrap(True)
        self.path_edit = QLineEdit(page)
        self.browse_button = QPushButton(self.tr("浏览…"), page)
        self.browse_button.clicked.connect(self.choose_path)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        self.since_check = QCheckBox(self.tr("自审计序号"), page)
        self.since_spin = QSpinBox(page)
        self.since_spin.setRange(0, 2_000_000_000)
        self.since_spin.setEnabled(False)
        self.since_check.toggled.connect(self.since_spin.setEnabled)
        since_row = QHBoxLayout()
        since_row.addWidget(self.since_check)
        since_row.addWidget(self.since_spin)
        since_row.addWidget(QLabel(self.tr("之后的变化起导出（补发丢失的数据包时使用；默认自上一个数据包之后）"), page), 1)
        form = QFormLayout()
        form.addRow(self.tr("本办公室："), self.office_label)
        form.addRow(self.tr("数据包文件："), row)
        form.addRow(self.tr("范围："), since_row)
        self.banner = Banner(page)
        self.offices_button = QPushButton(self.tr("办公室与密钥…"), page)
        self.offices_button.clicked.connect(self._open_offices)
        self.export_button = QPushButton(self.tr("导出"), page)
        self.export_button.setProperty("primary", True)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        cancel = QPushButton(self.tr("取消"), page)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.offices_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget(self)
        self.result_banner = Banner(page)
        self.info = QFormLayout()
        self.info_labels: dict[str, QLabel] = {}
        for key, text in (("package", self.tr("数据包：")), ("range", self.tr("审计序号：")),
                          ("records", self.tr("记录：")), ("size", self.tr("大小：")), ("path", self.tr("文件：")),
                          ("sha256", self.tr("SHA-256：")), ("elapsed", self.tr("用时："))):
            label = QLabel(page)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.info_labels[key] = label
            self.info.addRow(text, label)
        self.counts_table = make_table([self.tr("表"), self.tr("记录数")], page, stretch=0)
        self.folder_button = QPushButton(self.tr("打开所在文件夹"), page)
        self.folder_button.clicked.connect(lambda: self.summary and open_folder(self.summary.path))
        close = QPushButton(self.tr("关闭"), page)
        close.setProperty("primary", True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_banner)
        layout.addLayout(self.info)
        layout.addWidget(self.counts_table, 1)
        layout.addLayout(buttons)
        return page

    # -- behaviour ---------------------------------------------------------------------------
    def _settings(self) -> Any:
        return getattr(self.window, "settings", None)

    def _load_office(self) -> None:
        me = exchange.office(self.window.store)
        ready = bool(me.code and me.name)
        self.office_label.setText(f"{me.name}（{me.code}）" if ready else self.tr("尚未设置"))
        self.offices_button.setVisible(not ready)
        self.export_button.setEnabled(ready)
        if not ready:
            self.banner.show_message(self.tr("尚未设置本办公室的代码和名称，无法导出。请先在“办公室与密钥…”中设置。"),
                                     "warning")
        else:
            self.banner.clear_message()
        if not self.path_edit.text():
            settings = self._settings()
            folder = Path(str(settings.value(LAST_DIR, "") or "")) if settings is not None else Path()
            if not str(folder) or str(folder) == "." or not folder.is_dir():
                folder = Path.home()
            self.path_edit.setText(str(folder / f"{me.code or 'office'}-{date.today():%Y%m%d}.ipx"))

    def _open_offices(self) -> None:
        from desktop.exchange.offices_dialog import OfficesDialog

        OfficesDialog(self.window, self).exec()
        self._load_office()

    def choose_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出数据包"), self.path_edit.text(), ipx_filter())
        if path:
            if not path.lower().endswith(".ipx"):
                path += ".ipx"
            self.path_edit.setText(path)
        return path

    def start_export(self) -> bool:
        if self.job.running():
            return False
        text = self.path_edit.text().strip() or self.choose_path()
        if not text:
            return False
        path = Path(text)
        if path.suffix.lower() != ".ipx":
            path = path.with_name(path.name + ".ipx")
            self.path_edit.setText(str(path))
        if path.exists():
            answer = QMessageBox.question(self, self.tr("导出数据包"), self.tr("文件 {0} 已存在，是否覆盖？").format(path))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        since = self.since_spin.value() if self.since_check.isChecked() else None
        self.banner.clear_message()
        self.pages.setCurrentIndex(1)
        self.busy.start(self.tr("正在导出数据包到 {0}…").format(path))
        self.job.start(lambda store, _progress, _cancel: exchange.export_package(store, path, since_seq=since))
        return True

    def _done(self, summary: exchange.PackageSummary) -> None:
        self.busy.stop()
        self.summary = summary
        settings = self._settings()
        if settings is not None:
            settings.setValue(LAST_DIR, str(summary.path.parent))
        records = sum(n for t, n in summary.counts.items() if t in RECORD_TABLE_LABELS)
        self.result_banner.show_message(self.tr("已导出 {0} 第 {1} 号数据包。").format(
            summary.office.name, summary.package_seq), "ok")
        lab = self.info_labels
        lab["package"].setText(self.tr("{0}（{1}）第 {2} 号").format(summary.office.name, summary.office.code,
                                                                   summary.package_seq))
        lab["range"].setText(f"{summary.from_seq + 1:,} – {summary.to_seq:,}" if summary.to_seq > summary.from_seq
                             else self.tr("（无新的变化）"))
        extra = self.tr("，附件 {0} 个").format(summary.attachments) if summary.attachments else ""
        if summary.attachments_missing:
            extra += self.tr("（缺失 {0} 个）").format(summary.attachments_missing)
        lab["records"].setText(self.tr("{0} 条，删除 {1} 条").format(f"{records:,}", f"{summary.deleted:,}") + extra)
        lab["size"].setText(human_size(summary.size_bytes))
        lab["path"].setText(str(summary.path))
        lab["sha256"].setText(summary.sha256)
        lab["elapsed"].setText(self.tr("{0} 秒").format(f"{summary.elapsed_seconds:.1f}"))
        rows = [[table_label(t), n] for t, n in summary.counts.items()]
        if summary.deleted:
            rows.append([self.tr("删除的记录"), summary.deleted])
        fill_table(self.counts_table, rows)
        self.pages.setCurrentIndex(2)
        self.exported.emit(summary)

    def _failed(self, exc: Exception) -> None:
        self.busy.stop()
        self.pages.setCurrentIndex(0)
        self.banner.show_message(self.tr("导出失败：") + message_of(exc, "导出数据包"), "error")
        self._load_office_keep_banner()

    def _load_office_keep_banner(self) -> None:
        me = exchange.office(self.window.store)
        self.export_button.setEnabled(bool(me.code and me.name))

    def reject(self) -> None:
        if self.job.running():
            return  # the export finishes on its own (it cannot be interrupted halfway)
        super().reject()
