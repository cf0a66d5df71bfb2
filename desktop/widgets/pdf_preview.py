"""A PDF preview inside the window: QPdfView with page navigation, zoom, print and open-folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import QT_TRANSLATE_NOOP, translate

ZOOMS = ((QT_TRANSLATE_NOOP("widgets.pdf_preview", "适合宽度"), "width"), (QT_TRANSLATE_NOOP("widgets.pdf_preview", "整页"), "page"), ("50%", 0.5), ("75%", 0.75), ("100%", 1.0),
         ("125%", 1.25), ("150%", 1.5), ("200%", 2.0))
PRINT_DPI = 300  # pages are rendered at most at this resolution for printing


def open_folder(path: str | Path) -> bool:
    """Show the folder holding ``path`` in the system file manager."""
    target = Path(path)
    folder = target if target.is_dir() else target.parent
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class PdfPreview(QWidget):
    printed = Signal(int)  # pages sent to the printer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.prev_button = QPushButton(self.tr("上一页"), self)
        self.next_button = QPushButton(self.tr("下一页"), self)
        self.page_box = QSpinBox(self)
        self.page_box.setMinimum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_count_label = QLabel(self.tr("共 0 页"), self)
        self.zoom_box = QComboBox(self)
        for text, value in ZOOMS:
            text = translate("widgets.pdf_preview", text)
            self.zoom_box.addItem(text, value)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.folder_button = QPushButton(self.tr("打开所在文件夹"), self)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.prev_button, self.next_button, QLabel(self.tr("第"), self), self.page_box,
                  self.page_count_label):
            bar.addWidget(w)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("缩放"), self))
        bar.addWidget(self.zoom_box)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.prev_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_box.valueChanged.connect(lambda v: self.go_to(v - 1))
        self.zoom_box.currentIndexChanged.connect(self._apply_zoom)
        self.view.pageNavigator().currentPageChanged.connect(self._on_page)
        self.print_button.clicked.connect(lambda: self.print_document())
        self.folder_button.clicked.connect(lambda: self.path is not None and open_folder(self.path))
        self._update_controls()

    # -- document ----------------------------------------------------------------------------
    def load(self, path: str | Path) -> bool:
        self.clear()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            return False
        self.path = Path(path)
        self.page_box.setMaximum(max(1, self.page_count()))
        self._apply_zoom()
        self.go_to(0)
        self._update_controls()
        return True

    def clear(self) -> None:
        self.document.close()
        self.path = None
        self._update_controls()

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if not 0 <= page < self.page_count():
            return
        self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
        self._on_page(page)

    def _on_page(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < self.page_count())

    def _apply_zoom(self) -> None:
        value = self.zoom_box.currentData()
        if value == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif value == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(value))

    def _update_controls(self) -> None:
        n = self.page_count() if self.path is not None else 0
        self.page_count_label.setText(self.tr("页，共 {n} 页").format(n=n))
        for w in (self.page_box, self.zoom_box, self.print_button, self.folder_button):
            w.setEnabled(n > 0)
        self.prev_button.setEnabled(n > 0 and self.current_page() > 0)
        self.next_button.setEnabled(n > 0 and self.current_page() + 1 < n)

    # -- printing ----------------------------------------------------------------------------
    def print_document(self, printer: QPrinter | None = None) -> int:
        """Ask for a printer (QPrintDialog), then print the chosen pages; return pages printed."""
        n = self.page_count()
        if n <= 0:
            return 0
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.stem if self.path else self.tr("报表"))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印报表"))
        dialog.setMinMax(1, n)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first - 1, last) if first > 0 and last >= first else range(n)
        printed = self.render_pages(printer, [p for p in pages if 0 <= p < n])
        self.printed.emit(printed)
        return printed

    def render_pages(self, printer: QPrinter, pages: list[int]) -> int:
        painter = QPainter()
        if not pages or not painter.begin(printer):
            return 0
        dpi = min(printer.resolution(), PRINT_DPI)
        try:
            for i, page in enumerate(pages):
                if i:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                size = QSize(int(points.width() * dpi / 72), int(points.height() * dpi / 72))
                image = self.document.render(page, size)
                area = QRectF(painter.viewport())
                scale = min(area.width() / size.width(), area.height() / size.height())
                w, h = size.width() * scale, size.height() * scale
                target = QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)
                painter.drawImage(target, image)
        finally:
            painter.end()
        return len(pages)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(640, 800)

