"""预算台账视图: per programme allocated / committed / paid / recovered / remaining, a horizontal
stacked bar and the used share, with a warning above 80 %.

Figures are ``ledger.services.budget.budget_ledger`` as they are (no arithmetic of our own except
the bar's segment widths).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.subsidy.common import ERROR, MUTED, WARN, pct, yuan
from ledger.services.budget import WARN_USED_BP, BudgetLedger, budget_ledgers

PAID, COMMITTED, REMAINING = QColor("#2e6db4"), QColor("#f0a43a"), QColor("#e4e9f0")
FIGURES = (("allocated_fen", QT_TRANSLATE_NOOP("subsidy.budget_view", "年度预算")), ("committed_fen", QT_TRANSLATE_NOOP("subsidy.budget_view", "已批准未拨付")), ("paid_fen", QT_TRANSLATE_NOOP("subsidy.budget_view", "已拨付")),
           ("recovered_fen", QT_TRANSLATE_NOOP("subsidy.budget_view", "已追回")), ("remaining_fen", QT_TRANSLATE_NOOP("subsidy.budget_view", "剩余")))


class StackedBar(QWidget):
    """paid − recovered | committed | remaining, as shares of the allocated budget; an 80 % mark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts: list[tuple[int, QColor]] = []
        self.total = 0
        self.setMinimumHeight(18)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(300, 18)

    def set_ledger(self, b: BudgetLedger) -> None:
        spent = max(b.paid_fen - b.recovered_fen, 0)
        self.parts = [(spent, PAID), (b.committed_fen, COMMITTED), (max(b.remaining_fen, 0), REMAINING)]
        self.total = max(b.allocated_fen, spent + b.committed_fen, 1)
        self.setToolTip(b.figures())
        self.update()

    def paintEvent(self, _event: Any) -> None:  # noqa: N802 (Qt API)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 2.5, -0.5, -2.5)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(REMAINING)
        p.drawRoundedRect(rect, 3, 3)
        x = rect.left()
        for fen, colour in self.parts:
            if fen <= 0 or colour == REMAINING:
                continue
            w = rect.width() * min(fen / self.total, 1.0)
            p.setBrush(colour)
            p.drawRect(QRectF(x, rect.top(), min(w, rect.right() - x), rect.height()))
            x += w
        mark = rect.left() + rect.width() * WARN_USED_BP / 10000
        p.setPen(QPen(QColor("#b42318"), 1.2, Qt.PenStyle.DashLine))
        p.drawLine(int(mark), int(rect.top()) - 2, int(mark), int(rect.bottom()) + 2)
        p.end()


class BudgetRow(QFrame):
    def __init__(self, b: BudgetLedger, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = b
        self.setObjectName("budgetRow")
        self.setStyleSheet("QFrame#budgetRow { background: #ffffff; border: 1px solid #dde3ec; border-radius: 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        head = QHBoxLayout()
        title = QLabel(self.tr("<b>{name}</b>　<span style='color:{MUTED}'>{year} 年度 · {status}</span>").format(name=b.name, MUTED=MUTED, year=b.year, status=b.status), self)
        title.setTextFormat(Qt.TextFormat.RichText)
        head.addWidget(title, 1)
        self.used = QLabel(self)
        used = pct(b.used_bp)
        if b.above_threshold:
            self.used.setText(self.tr("<span style='color:{ERROR}'><b>已使用 {used}</b>（超过 80%）</span>").format(ERROR=ERROR, used=used))
        else:
            self.used.setText(self.tr("已使用 <b>{used}</b>").format(used=used))
        head.addWidget(self.used)
        layout.addLayout(head)
        self.bar = StackedBar(self)
        self.bar.set_ledger(b)
        layout.addWidget(self.bar)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(0)
        self.values: dict[str, QLabel] = {}
        swatches = {"paid_fen": PAID, "committed_fen": COMMITTED, "remaining_fen": QColor("#9aa6b8")}
        for c, (key, caption) in enumerate(FIGURES):
            colour = swatches.get(key)
            mark = f"<span style='color:{colour.name()}'>■</span> " if colour is not None else ""
            cap = QLabel(self.tr("{mark}<span style='color:{MUTED}'>{caption}（元）</span>").format(mark=mark, MUTED=MUTED, caption=translate("subsidy.budget_view", caption)), self)
            value = QLabel(yuan(getattr(b, key)), self)
            value.setObjectName(f"budget_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if key == "remaining_fen" and b.remaining_fen < 0:
                value.setStyleSheet(f"color: {ERROR}")
            grid.addWidget(cap, 0, c)
            grid.addWidget(value, 1, c)
            self.values[key] = value
        layout.addLayout(grid)
        extra = []
        if b.publicised_fen:
            extra.append(self.tr("公示中 {publicised_fen} 元").format(publicised_fen=yuan(b.publicised_fen)))
        if b.pending_fen:
            extra.append(self.tr("审核中测算 {pending_fen} 元").format(pending_fen=yuan(b.pending_fen)))
        if extra:
            extra[-1] += self.tr("（不占用预算）")
        if b.allocated_fen <= 0:
            extra.append(self.tr("尚未设置预算：批准会被拒绝"))
        if extra:
            note = QLabel(self.tr("；").join(extra), self)
            note.setStyleSheet(f"color: {WARN if b.allocated_fen <= 0 else MUTED}; font-size: 11px")
            layout.addWidget(note)

    def figures(self) -> dict[str, str]:
        return {key: label.text() for key, label in self.values.items()}


class BudgetPanel(QWidget):
    """The budget ledgers of every programme (or one year's), newest first."""

    def __init__(self, ops: Any, parent: QWidget | None = None, *, title: str = "",
                 open_only: bool = False) -> None:
        super().__init__(parent)
        self.open_only = open_only  # the dashboard: closed (已结转) years only when a year is chosen
        self.setObjectName("budgetPanel")
        self.ops = ops
        self.ledgers: list[BudgetLedger] = []
        self.rows: list[BudgetRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        head = QHBoxLayout()
        heading = QLabel(title or self.tr("补贴预算台账"), self)
        heading.setObjectName("sectionHeading")
        head.addWidget(heading)
        head.addStretch(1)
        legend = QLabel(self.tr("<span style='color:{name}'>■</span> 已拨付（扣除追回）　<span style='color:{name2}'>■</span> 已批准未拨付　<span style='color:#9aa6b8'>■</span> 剩余　<span style='color:{ERROR}'>┆</span> 80% 警戒线").format(name=PAID.name(), name2=COMMITTED.name(), ERROR=ERROR), self)
        legend.setStyleSheet(f"color: {MUTED}")
        head.addWidget(legend)
        layout.addLayout(head)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        layout.addLayout(self.body)
        self.empty = QLabel(self.tr("还没有试点项目"), self)
        self.empty.setStyleSheet(f"color: {MUTED}")
        layout.addWidget(self.empty)

    def refresh(self, year: int | None = None, programme_id: int | None = None) -> None:
        def load(store: Any) -> list[BudgetLedger]:
            rows = budget_ledgers(store, year=year)
            rows = [b for b in rows if programme_id is None or b.programme_id == programme_id]
            if self.open_only and year is None:
                shown = [b for b in rows if b.status != "已结转"]
                self.hidden = len(rows) - len(shown)
                return shown
            self.hidden = 0
            return rows

        self.ops.run(f"budget:{id(self)}", load, self.set_ledgers)

    def set_ledgers(self, ledgers: list[BudgetLedger]) -> None:
        for row in self.rows:
            self.body.removeWidget(row)
            row.deleteLater()
        self.ledgers = list(ledgers)
        self.rows = [BudgetRow(b, self) for b in self.ledgers]
        for row in self.rows:
            self.body.addWidget(row)
        hidden = getattr(self, "hidden", 0)
        self.empty.setText(self.tr("另有 {hidden} 个已结转的项目年度：选择统计年度或在“设置 › 试点项目”中查看").format(hidden=hidden)
                           if hidden else self.tr("还没有试点项目"))
        self.empty.setVisible(not self.rows or bool(hidden))
