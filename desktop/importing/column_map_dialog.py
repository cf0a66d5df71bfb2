"""列对应: an insurer's own column names → the fields of an insurer policy list.

One row per field (保单号 and 保费 required); each offers the file's header cells. Prefilled with
the mapping remembered for the insurer, then with what the app recognises by itself.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.importing.common import Banner
from ledger.importing import get_kind, map_headers

KIND = "insurer_policy_list"
NONE = QT_TRANSLATE_NOOP("importing.column_map_dialog", "（不对应）")


class ColumnMapDialog(QDialog):
    def __init__(self, headers: list[str], remembered: Mapping[str, str] | None = None, *,
                 insurer: str = "", note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("columnMapDialog")
        self.setWindowTitle(self.tr("列对应关系"))
        self.setMinimumWidth(480)
        self.spec = get_kind(KIND)
        self.headers = list(headers)
        intro = QLabel(self.tr("请指出{insurer}清单中各列对应的字段（带 * 的必须对应）。确定后对账，并为该机构记住这些列名，下次无需再选。").format(insurer=insurer or self.tr("保险机构")), self)
        intro.setWordWrap(True)
        self.note = Banner(self)
        if note:
            self.note.show_message(note, "warning")
        self.boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        guess = self._guess(remembered or {})
        for col in self.spec.columns:
            box = QComboBox(self)
            box.addItem(translate("importing.column_map_dialog", NONE), "")
            for h in self.headers:
                box.addItem(h, h)
            if guess.get(col.key):
                box.setCurrentIndex(max(0, box.findData(guess[col.key])))
            box.currentIndexChanged.connect(lambda _i: self._validate())
            self.boxes[col.key] = box
            label = QLabel(("* " if col.required else "") + col.header + self.tr("："), self)
            label.setBuddy(box)
            form.addRow(label, box)
        self.problem = Banner(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定并对账"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._validate()

    def _guess(self, remembered: Mapping[str, str]) -> dict[str, str]:
        """our key → their header: remembered names first, then the built-in synonyms."""
        out: dict[str, str] = {}
        for theirs, ours in remembered.items():
            if theirs in self.headers and ours not in out:
                out[ours] = theirs
        try:
            auto = map_headers(KIND, self.headers)
        except Exception:  # noqa: BLE001 - a guess only
            return out
        for col in auto.columns.values():
            if col.key not in out and col.header not in out.values():
                out[col.key] = col.header
        return out

    def mapping(self) -> dict[str, str]:
        """{their header: our key} for the fields that were given a column."""
        return {box.currentData(): key for key, box in self.boxes.items() if box.currentData()}

    def _validate(self) -> None:
        chosen = [box.currentData() for box in self.boxes.values() if box.currentData()]
        missing = [self.spec.spec(k).header for k in self.spec.required_keys if not self.boxes[k].currentData()]
        twice = sorted({h for h in chosen if chosen.count(h) > 1})
        problems = ([self.tr("请选择“{missing}”对应的列").format(missing='、'.join(missing))] if missing else []) + (
            [self.tr("列「{twice}」被选了两次").format(twice='」「'.join(twice))] if twice else [])
        self.problem.show_message(self.tr("；").join(problems), "error")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
