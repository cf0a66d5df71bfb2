"""Dashboard charts (QtCharts): coverage and enterprises by year, IP types, products.

Each chart emits ``barClicked(key)`` with the category's key (a year, an IP type, a product code)
so the dashboard can open the matching filtered register.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

ACCENT = QColor("#2f6ea5")
ACCENT_2 = QColor("#d08a2e")
GRID = QColor("#e3e7ee")
TEXT = QColor("#3a4356")


def _wan(fen: int) -> float:
    return float(Decimal(fen) / 1_000_000)


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


class _Chart(QChartView):
    barClicked = Signal(object)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(230)
        self._keys: list[Any] = []
        chart = QChart()
        chart.setTitle(title)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() + 1)
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setTitleBrush(TEXT)
        chart.setBackgroundRoundness(4)
        chart.setMargins(QMargins(6, 6, 6, 6))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(chart)

    def _clear(self) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)

    def _axis_style(self, axis) -> None:
        axis.setLabelsBrush(TEXT)
        axis.setGridLineColor(GRID)
        axis.setLinePenColor(GRID)

    def _on_bar(self, index: int, _barset=None) -> None:
        if 0 <= index < len(self._keys):
            self.barClicked.emit(self._keys[index])


class YearChart(_Chart):
    """Sum insured (bars, 万元) and enterprises served (line) by year — the white paper's 图2."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("历年风险保障金额与服务企业数"), parent)

    def set_data(self, by_year: list[dict[str, Any]]) -> None:
        self._clear()
        rows = sorted(by_year, key=lambda r: r["year"])
        self._keys = [r["year"] for r in rows]
        chart = self.chart()
        amounts = [_wan(r.get("sum_insured_fen", 0)) for r in rows]
        unit = self.tr("万元")
        if max(amounts, default=0) >= 10_000:
            amounts, unit = [a / 10_000 for a in amounts], self.tr("亿元")
        bars = QBarSet(self.tr("风险保障金额（{unit}）").format(unit=unit))
        bars.setColor(ACCENT)
        bars.setBorderColor(ACCENT)
        bars.append(amounts)
        series = QBarSeries()
        series.append(bars)
        series.setBarWidth(0.55)
        series.clicked.connect(self._on_bar)
        line = QLineSeries()
        line.setName(self.tr("服务企业（家）"))
        line.setPen(QPen(ACCENT_2, 2.5))
        line.setPointsVisible(True)
        for i, r in enumerate(rows):
            line.append(i, r.get("enterprises", 0))
        chart.addSeries(series)
        chart.addSeries(line)
        cats = QBarCategoryAxis()
        cats.append([self.tr("{y}年").format(y=y) for y in self._keys])
        self._axis_style(cats)
        chart.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(cats)
        line.attachAxis(cats)
        left = QValueAxis()
        left.setRange(0, _nice_max(max(amounts, default=0)))
        left.setLabelFormat("%.0f" if _nice_max(max(amounts, default=0)) >= 10 else "%.1f")
        left.setTickCount(6)
        self._axis_style(left)
        chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(left)
        right = QValueAxis()
        right.setRange(0, _nice_max(max((r.get("enterprises", 0) for r in rows), default=0)))
        right.setLabelFormat("%.0f")
        right.setTickCount(6)
        self._axis_style(right)
        right.setGridLineVisible(False)
        chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
        line.attachAxis(right)


class CategoryChart(_Chart):
    """Horizontal bars of one figure per category (IP type, product)."""

    def __init__(self, title: str, series_name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.series_name = series_name
        self.chart().legend().hide()

    def set_data(self, items: list[tuple[Any, str, float]], label_format: str = "%.0f") -> None:
        """``items``: (key, label, value), drawn top to bottom in the given order."""
        self._clear()
        items = list(reversed(items))  # horizontal bar charts draw the first category at the bottom
        self._keys = [k for k, _label, _v in items]
        bars = QBarSet(self.series_name)
        bars.setColor(ACCENT)
        bars.setBorderColor(ACCENT)
        bars.append([float(v) for _k, _l, v in items])
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setBarWidth(0.6)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        bars.setLabelColor(TEXT)
        series.clicked.connect(self._on_bar)
        chart = self.chart()
        chart.addSeries(series)
        cats = QBarCategoryAxis()
        cats.append([label for _k, label, _v in items])
        self._axis_style(cats)
        chart.addAxis(cats, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(cats)
        values = QValueAxis()
        values.setRange(0, _nice_max(max((v for _k, _l, v in items), default=0) * 1.15))
        values.setLabelFormat(label_format)
        values.setTickCount(6)
        self._axis_style(values)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
