"""Search box + one combo box per register filter; emits ``changed`` (search debounced)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QToolButton, QWidget

from desktop.i18n import register_text
from ledger.store.registers import RegisterSpec

SEARCH_DELAY_MS = 250


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, spec: RegisterSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName("filterBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchBox")
        hint = register_text(spec.search_hint)
        self.search.setPlaceholderText(self.tr("搜索：{hint}").format(hint=hint) if hint else self.tr("搜索"))
        self.search.setToolTip(self.tr("输入一个字即可查找；Ctrl+F 定位到这里，回车立即查找"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(300)
        layout.addWidget(self.search, 2)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._search_now)
        self.combos: dict[str, QComboBox] = {}
        for flt in spec.filters:
            combo = QComboBox(self)
            combo.setObjectName(f"filter_{flt.key}")
            label = register_text(flt.label)
            combo.setToolTip(label)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            all_text = self.tr("全部{label}").format(label=label)
            combo.setMinimumContentsLength(sum(2 if ord(ch) >= 0x2E80 else 1 for ch in all_text) + 1)  # CJK: two "x" wide
            combo.setMaximumWidth(190)
            combo.view().setMinimumWidth(260)
            combo.addItem(self.tr("全部{label}").format(label=label), None)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.combos[flt.key] = combo
            layout.addWidget(combo)
        self.extra_button = QToolButton(self)
        self.extra_button.setObjectName("extraFilter")
        self.extra_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.extra_button.setToolTip(self.tr("单击取消此条件"))
        self.extra_button.clicked.connect(self.clear_extra)
        self.extra_button.hide()
        layout.addWidget(self.extra_button)
        self.reset_button = QPushButton(self.tr("清除条件"), self)
        self.reset_button.setObjectName("resetFilters")
        self.reset_button.clicked.connect(self.reset)
        layout.addWidget(self.reset_button)
        layout.addStretch(1)
        self._extra: dict[str, Any] = {}
        self._choices: dict[str, list[tuple[Any, str]]] | None = None

    def _search_now(self) -> None:
        self._timer.stop()
        self.changed.emit()

    def set_choices(self, choices: dict[str, list[tuple[Any, str]]]) -> None:
        if choices == self._choices:
            return  # a page opened again: the same (up to a thousand districts) items, not refilled
        self._choices = choices
        for key, combo in self.combos.items():
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value, label in choices.get(key, []):
                combo.addItem(label, value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def values(self) -> dict[str, Any]:
        out = {k: c.currentData() for k, c in self.combos.items() if c.currentData() is not None}
        out.update(self._extra)
        return out

    def text(self) -> str:
        return self.search.text().strip()

    def set_values(self, values: dict[str, Any], *, description: str = "", search: str = "") -> None:
        """Replace every condition (used when the dashboard opens a filtered register)."""
        self.blockSignals(True)
        self.search.setText(search)
        self._timer.stop()
        self._extra = {}
        for key, combo in self.combos.items():
            value = values.get(key)
            index = combo.findData(value) if value is not None else 0
            if value is not None and index < 0:  # not offered (yet): keep as an extra condition
                self._extra[key] = value
            combo.setCurrentIndex(max(index, 0))
        for key, value in values.items():
            if key not in self.combos:
                self._extra[key] = value
        self.blockSignals(False)
        if self._extra:
            self.extra_button.setText(f"{description or self.tr('附加条件')}  ✕")
            self.extra_button.show()
        else:
            self.extra_button.hide()
        self.changed.emit()

    def clear_extra(self) -> None:
        self._extra = {}
        self.extra_button.hide()
        self.changed.emit()

    def reset(self) -> None:
        self.set_values({})
