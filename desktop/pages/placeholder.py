"""Pages that are not built yet (报表, 设置): a heading and what will come."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, key: str, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        heading = QLabel(title, self)
        heading.setObjectName("pageHeading")
        self.body = QLabel(text, self)
        self.body.setObjectName("placeholderText")
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(heading)
        layout.addWidget(self.body)
        layout.addStretch(1)

    def set_text(self, text: str) -> None:
        self.body.setText(text)
