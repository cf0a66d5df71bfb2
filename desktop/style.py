"""The application's look: Fusion, a calm light palette, CJK-friendly fonts, one stylesheet."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

FONT_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                 "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Sans Serif")

STYLESHEET = """
QMainWindow, QWidget#dashboardBody { background: #f5f7fa; }
QListWidget#navigation {
    background: #24324a; color: #d9e1ee; border: none; outline: none; padding-top: 6px;
}
QListWidget#navigation::item { padding: 9px 14px; border-left: 3px solid transparent; }
QListWidget#navigation::item:hover { background: #2d3d59; }
QListWidget#navigation::item:selected {
    background: #33476a; color: #ffffff; border-left: 3px solid #7fb2e5;
}
QToolBar { background: #ffffff; border: none; border-bottom: 1px solid #dde3ec; spacing: 4px; padding: 3px; }
QStatusBar { background: #ffffff; border-top: 1px solid #dde3ec; color: #4a5468; }
QStatusBar QLabel { padding: 0 8px; }
QTableView {
    background: #ffffff; alternate-background-color: #f7f9fc; gridline-color: #e6eaf0;
    border: 1px solid #dde3ec; selection-background-color: #d6e6f7; selection-color: #1c2433;
}
QHeaderView::section {
    background: #eef2f7; color: #33415c; border: none; border-right: 1px solid #dde3ec;
    border-bottom: 1px solid #d3dae5; padding: 5px 6px;
}
QTextBrowser#detailPane { background: #ffffff; border: 1px solid #dde3ec; padding: 8px; }
QLineEdit, QComboBox {
    background: #ffffff; border: 1px solid #c9d2de; border-radius: 3px; padding: 4px 6px; min-height: 20px;
}
QLineEdit:focus, QComboBox:focus { border: 1px solid #4a86c5; }
QPushButton, QToolButton#extraFilter {
    background: #ffffff; border: 1px solid #c9d2de; border-radius: 3px; padding: 4px 12px;
}
QPushButton:hover, QToolButton#extraFilter:hover { background: #eef4fb; }
QToolButton#extraFilter { background: #e4eefa; color: #24548a; border-color: #a9c4e4; }
QFrame[kpi="true"] { background: #ffffff; border: 1px solid #dde3ec; border-radius: 6px; }
QFrame[kpi="true"]:hover, QFrame[kpi="true"]:focus { border: 1px solid #7fa9d6; }
QLabel#kpiCaption { color: #5b6475; }
QLabel#kpiValue { color: #1f3b5c; font-size: 22px; font-weight: 600; }
QLabel#kpiNote { color: #8a94a6; font-size: 11px; }
QLabel#pageHeading { font-size: 18px; font-weight: 600; color: #1f2a3d; }
QLabel#sectionHeading { font-size: 14px; font-weight: 600; color: #1f2a3d; margin-top: 4px; }
QLabel#countLabel { color: #4a5468; }
QLabel#placeholderText { color: #4a5468; font-size: 13px; }
QChartView { background: #ffffff; border: 1px solid #dde3ec; border-radius: 6px; }
QTabWidget::pane { border: 1px solid #dde3ec; background: #ffffff; }
"""


def ui_font() -> QFont:
    available = set(QFontDatabase.families())
    font = QFont()
    for family in FONT_FAMILIES:
        if family in available:
            font = QFont(family)
            break
    font.setPointSizeF(10.0)
    return font


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f5f7fa"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f9fc"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#d6e6f7"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#1c2433"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1c2433"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1c2433"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#1c2433"))
    app.setPalette(palette)
    app.setFont(ui_font())
    app.setStyleSheet(STYLESHEET)
