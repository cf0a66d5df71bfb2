"""The four pages of the 数据导入向导 (layout only; the behaviour is in ``wizard.py``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.importing.common import Banner
from desktop.importing.plan_model import PlanRowsModel
from desktop.widgets.kpi_tile import KpiTile


def kind_label(kind: str) -> str:
    """The shown name of an import kind (``enterprises`` → 企业)."""
    return translate("importing.wizard_pages", dict(IMPORT_KINDS)[kind])

# (kind, label); 补贴申报 become applications in state 申报 (ledger/importing/subsidy_kind.py)
IMPORT_KINDS = (("enterprises", QT_TRANSLATE_NOOP("importing.wizard_pages", "企业")), ("ip_rights", QT_TRANSLATE_NOOP("importing.wizard_pages", "知识产权")), ("policies", QT_TRANSLATE_NOOP("importing.wizard_pages", "保单")),
                ("claims", QT_TRANSLATE_NOOP("importing.wizard_pages", "理赔")), ("subsidies", QT_TRANSLATE_NOOP("importing.wizard_pages", "补贴申报")))


def _buttons(*widgets: QWidget | None) -> QHBoxLayout:
    row = QHBoxLayout()
    for w in widgets:
        if w is None:
            row.addStretch(1)
        else:
            row.addWidget(w)
    return row


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("sectionHeading")
    label.setWordWrap(True)
    return label


class ChoosePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_box = QComboBox(self)
        for kind, label in IMPORT_KINDS:
            label = translate("importing.wizard_pages", label)
            self.kind_box.addItem(label, kind)
        self.file_edit = QLineEdit(self)
        self.file_edit.setPlaceholderText(self.tr("选择 .xlsx、.xls、.ods 或 .csv 文件"))
        self.browse_button = QPushButton(self.tr("浏览(&B)…"), self)
        self.sheet_label = QLabel(self.tr("工作表(&S)："), self)
        self.sheet_box = QComboBox(self)
        self.sheet_label.setBuddy(self.sheet_box)
        self.template_button = QPushButton(self.tr("下载空白模板(&T)…"), self)
        self.template_button.setToolTip(self.tr("生成所选类型的空白导入模板：中文表头、示例行、下拉选项和填写说明"))
        self.hint = QLabel(self.tr("先全部检查再写入：检查不会改动台账；有误的行会逐行列出原因。"), self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#5b6475;")
        self.banner = Banner(self)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.check_button = QPushButton(self.tr("检查文件(&C)"), self)
        self.check_button.setProperty("primary", True)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        kind_label = QLabel(self.tr("导入类型(&K)："), self)
        kind_label.setBuddy(self.kind_box)
        form.addRow(kind_label, _buttons(self.kind_box, None, self.template_button))
        file_label = QLabel(self.tr("文件(&F)："), self)
        file_label.setBuddy(self.file_edit)
        form.addRow(file_label, file_row)
        form.addRow(self.sheet_label, self.sheet_box)
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(self.tr("第一步：选择导入类型和文件"), self))
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        layout.addLayout(_buttons(None, self.close_button, self.check_button))
        self.show_sheets([])

    def show_sheets(self, names: list[str]) -> None:
        self.sheet_box.clear()
        self.sheet_box.addItem(self.tr("全部工作表（{n} 个）").format(n=len(names)), None)
        for name in names:
            self.sheet_box.addItem(name, name)
        several = len(names) > 1
        self.sheet_label.setVisible(several)
        self.sheet_box.setVisible(several)


class ProgressPage(QWidget):
    """Checking or writing: a label, a progress bar, 取消."""

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = _heading(heading, self)
        self.label = QLabel("", self)
        self.label.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.banner = Banner(self)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.done_button = QPushButton(self.tr("完成"), self)
        self.again_button = QPushButton(self.tr("继续导入其他文件"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addSpacing(12)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        layout.addLayout(_buttons(None, self.cancel_button, self.again_button, self.done_button))
        self.running(True)

    def running(self, on: bool) -> None:
        self.cancel_button.setVisible(on)
        self.cancel_button.setEnabled(on)
        self.done_button.setVisible(not on)
        self.again_button.setVisible(not on)


class PreviewPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = _heading(self.tr("第三步：检查结果"), self)
        self.tiles: dict[str, KpiTile] = {}
        tiles = QHBoxLayout()
        for action, caption in (("insert", self.tr("新增")), ("update", self.tr("更新")), ("unchanged", self.tr("未变")), ("error", self.tr("错误"))):
            tile = KpiTile(caption, self)
            tile.setObjectName(f"tile_{action}")
            tile.setMinimumWidth(130)
            self.tiles[action] = tile
            tiles.addWidget(tile)
        tiles.addStretch(1)
        self.tiles["error"].value.setStyleSheet("color:#a11d1d;")
        self.notes = Banner(self)
        self.banner = Banner(self)
        self.errors_only = QCheckBox(self.tr("只看有错误或警告的行(&E)"), self)
        self.count_label = QLabel("", self)
        self.count_label.setObjectName("countLabel")
        self.model = PlanRowsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        for col, width in enumerate((90, 56, 170, 240)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("importRowDetail")
        self.detail.setMaximumHeight(96)
        self.detail.setPlaceholderText(self.tr("选中一行可在此查看完整说明"))
        self.report_button = QPushButton(self.tr("保存错误报告(&R)…"), self)
        self.report_button.setToolTip(self.tr("原始各行加上“错误说明”列，另存为 Excel 工作簿，便于改正后重新导入"))
        self.warn_button = QPushButton(self.tr("填写理由后忽略警告(&W)…"), self)
        self.back_button = QPushButton(self.tr("重新选择文件"), self)
        self.valid_button = QPushButton(self.tr("只导入无误的行(&V)"), self)
        self.all_button = QPushButton(self.tr("全部导入(&A)"), self)
        for button in (self.valid_button, self.all_button):  # never both enabled: the enabled one is blue
            button.setProperty("primary", True)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.errors_only)
        filter_row.addStretch(1)
        filter_row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(tiles)
        layout.addWidget(self.notes)
        layout.addWidget(self.banner)
        layout.addLayout(filter_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(_buttons(self.report_button, self.warn_button, None, self.back_button,
                                  self.valid_button, self.all_button))
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
