"""A clickable KPI tile: caption, big figure with unit, optional note."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class KpiTile(QFrame):
    clicked = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("kpi", True)  # styled by QFrame[kpi="true"]; the object name is the caller's
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("kpiCaption")
        self.value = QLabel("—", self)
        self.value.setObjectName("kpiValue")
        self.note = QLabel("", self)
        self.note.setObjectName("kpiNote")
        for w in (self.caption, self.value, self.note):
            layout.addWidget(w)

    def set_value(self, value: str, unit: str = "", note: str = "") -> None:
        self.value.setText(f"{value}<span style='font-size:12px;font-weight:normal'> {unit}</span>"
                           if unit else value)
        self.note.setText(note)

    def figure(self) -> str:
        """The figure as plain text (tests)."""
        text = self.value.text()
        return text.split("<span")[0]

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
