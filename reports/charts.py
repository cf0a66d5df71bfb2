"""Vector charts (reportlab.graphics) in the bundled 黑体; every function returns ``None``
for empty data so the caller writes “本年度无数据” instead of drawing broken axes."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.graphics import shapes
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from reports.fonts import HEI, register_fonts

register_fonts()
# renderPDF starts every drawing with STATE_DEFAULTS' font (Helvetica, never embedded).
shapes.STATE_DEFAULTS["fontName"] = HEI

PALETTE = [colors.HexColor(c) for c in ("#2F5597", "#C55A11", "#548235", "#7F6000", "#7030A0")]
LINE_COLOR = colors.HexColor("#C00000")
FONT_SIZE = 8
UNITS = (("亿元", 10_000_000_000), ("万元", 1_000_000), ("元", 100))


def pick_unit(values_fen: Sequence[int]) -> tuple[str, int]:
    """Largest unit in which the biggest value is at least 1: ('亿元', 10**10) etc."""
    top = max((abs(v) for v in values_fen), default=0)
    for name, div in UNITS:
        if top >= div:
            return name, div
    return "元", 100


def scale(values_fen: Sequence[int], divisor: int) -> list[float]:
    """fen → unit for plotting only (display floats; the tables carry the exact figures)."""
    return [float(Decimal(v) / Decimal(divisor)) for v in values_fen]


def _empty(values: Sequence[float]) -> bool:
    return not values or all(v == 0 for v in values)


def _style_axis_labels(axis) -> None:
    axis.labels.fontName = HEI
    axis.labels.fontSize = FONT_SIZE


def _nice_max(top: float) -> float:
    if top <= 0:
        return 1.0
    exp = Decimal(str(top)).adjusted()
    step = 10.0**exp
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * step >= top * 1.08:
            return m * step
    return 10 * step


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 or v == int(v) else f"{v:,.2f}".rstrip("0").rstrip(".")


def _legend(d: Drawing, items: list[tuple[object, str]], width: float, y: float) -> None:
    lg = Legend()
    lg.fontName = HEI
    lg.fontSize = FONT_SIZE
    lg.alignment = "right"
    lg.columnMaximum = 1
    lg.boxAnchor = "n"
    lg.dx = lg.dy = 8
    lg.deltax = max(60, max(len(t) for _, t in items) * FONT_SIZE + 24)
    lg.x = width / 2 - (len(items) - 1) * lg.deltax / 2
    lg.y = y
    lg.colorNamePairs = items
    d.add(lg)


def bar_line_chart(categories: Sequence[str], bars: Sequence[float], line: Sequence[float], *,
                   bar_name: str, line_name: str, bar_unit: str, line_unit: str,
                   width: float = 440, height: float = 220) -> Drawing | None:
    """Bars on the left axis and a line on a second (right) axis, as the white paper's 图 2."""
    if not categories or (_empty(bars) and _empty(line)):
        return None
    d = Drawing(width, height)
    x0, y0, w, h = 50, 30, width - 100, height - 70
    bc = VerticalBarChart()
    bc.x, bc.y, bc.width, bc.height = x0, y0, w, h
    bc.data = [list(bars)]
    bc.categoryAxis.categoryNames = [str(c) for c in categories]
    bc.valueAxis.valueMin = 0
    bc.valueAxis.valueMax = _nice_max(max(bars or [0]))
    bc.valueAxis.labelTextFormat = _fmt
    bc.bars[0].fillColor = PALETTE[0]
    bc.bars[0].strokeColor = None
    bc.barWidth = 10
    bc.groupSpacing = 12
    _style_axis_labels(bc.categoryAxis)
    _style_axis_labels(bc.valueAxis)
    d.add(bc)
    lc = HorizontalLineChart()
    lc.x, lc.y, lc.width, lc.height = x0, y0, w, h
    lc.data = [list(line)]
    lc.joinedLines = 1
    lc.lines[0].strokeColor = LINE_COLOR
    lc.lines[0].strokeWidth = 1.5
    from reportlab.graphics.widgets.markers import makeMarker

    lc.lines[0].symbol = makeMarker("FilledCircle", size=4, fillColor=LINE_COLOR)
    lc.categoryAxis.categoryNames = [str(c) for c in categories]
    lc.categoryAxis.visible = 0
    lc.valueAxis.valueMin = 0
    lc.valueAxis.valueMax = _nice_max(max(line or [0]))
    lc.valueAxis.labelTextFormat = _fmt
    lc.valueAxis.joinAxisMode = "right"
    lc.valueAxis.joinAxis = lc.categoryAxis
    lc.valueAxis.labels.boxAnchor = "w"
    lc.valueAxis.labels.dx = 6
    lc.valueAxis.visibleGrid = 0
    _style_axis_labels(lc.valueAxis)
    d.add(lc)
    d.add(String(x0 - 4, y0 + h + 8, bar_unit, fontName=HEI, fontSize=FONT_SIZE, textAnchor="middle"))
    d.add(String(x0 + w + 4, y0 + h + 8, line_unit, fontName=HEI, fontSize=FONT_SIZE,
                 textAnchor="middle"))
    _legend(d, [(PALETTE[0], bar_name), (LINE_COLOR, line_name)], width, height - 2)
    return d


def hbar_chart(labels: Sequence[str], values: Sequence[float], *, unit: str,
               width: float = 440, bar_height: float = 16) -> Drawing | None:
    """Horizontal bars (by IP type, by product…), largest first as given."""
    if not labels or _empty(values):
        return None
    label_w = min(170, max(len(s) for s in labels) * FONT_SIZE + 12)
    n = len(labels)
    plot_h = n * (bar_height + 8)
    height = plot_h + 50
    d = Drawing(width, height)
    hc = HorizontalBarChart()
    hc.x, hc.y, hc.width, hc.height = label_w, 25, width - label_w - 50, plot_h
    hc.data = [list(reversed(values))]
    hc.categoryAxis.categoryNames = list(reversed([str(s) for s in labels]))
    hc.valueAxis.valueMin = 0
    hc.valueAxis.valueMax = _nice_max(max(values))
    hc.valueAxis.labelTextFormat = _fmt
    hc.bars[0].fillColor = PALETTE[0]
    hc.bars[0].strokeColor = None
    hc.barWidth = bar_height
    _style_axis_labels(hc.categoryAxis)
    _style_axis_labels(hc.valueAxis)
    hc.barLabels.fontName = HEI
    hc.barLabels.fontSize = FONT_SIZE - 1
    hc.barLabelFormat = _fmt
    hc.barLabels.boxAnchor = "w"
    hc.barLabels.dx = 3
    d.add(hc)
    d.add(String(width - 10, height - 12, f"单位：{unit}", fontName=HEI, fontSize=FONT_SIZE,
                 textAnchor="end"))
    return d


def grouped_bar_chart(categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], *,
                      unit: str, width: float = 440, height: float = 220) -> Drawing | None:
    """Side-by-side bars per category (e.g. 保费 vs 补贴), legend above the plot."""
    if not categories or all(_empty(v) for _, v in series):
        return None
    d = Drawing(width, height)
    bc = VerticalBarChart()
    bc.x, bc.y, bc.width, bc.height = 50, 30, width - 80, height - 70
    bc.data = [list(v) for _, v in series]
    bc.categoryAxis.categoryNames = [str(c) for c in categories]
    bc.valueAxis.valueMin = 0
    bc.valueAxis.valueMax = _nice_max(max(max(v) for _, v in series))
    bc.valueAxis.labelTextFormat = _fmt
    for i in range(len(series)):
        bc.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        bc.bars[i].strokeColor = None
    bc.barSpacing = 2
    bc.groupSpacing = 14
    _style_axis_labels(bc.categoryAxis)
    _style_axis_labels(bc.valueAxis)
    if len(categories) > 6:
        bc.categoryAxis.labels.angle = 30
        bc.categoryAxis.labels.boxAnchor = "ne"
    d.add(bc)
    d.add(String(50, height - 32, unit, fontName=HEI, fontSize=FONT_SIZE, textAnchor="middle"))
    _legend(d, [(PALETTE[i % len(PALETTE)], name) for i, (name, _) in enumerate(series)],
            width, height - 2)
    return d
