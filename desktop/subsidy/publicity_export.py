"""导出公示名单… (PDF or xlsx) for one programme, from the programme editor or the 补贴 register.
The file is written on a worker thread (``reports.publicity_list.export_publicity``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.subsidy.common import message_of
from ledger.services import programmes as psvc

FILTERS = QT_TRANSLATE_NOOP("subsidy.publicity_export", "PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)")


def choose_programme(window: Any, parent: QWidget | None = None) -> int | None:
    rows = psvc.list_programmes(window.store)
    if not rows:
        QMessageBox.information(parent or window, translate("subsidy.publicity_export", "导出公示名单"), translate("subsidy.publicity_export", "还没有试点项目"))
        return None
    labels = [translate("subsidy.publicity_export", "{name}（{year} 年度）").format(name=r['name'], year=r['year']) for r in rows]
    label, ok = QInputDialog.getItem(parent or window, translate("subsidy.publicity_export", "导出公示名单"), translate("subsidy.publicity_export", "试点项目："), labels, 0, False)
    return rows[labels.index(label)]["id"] if ok else None


def export_publicity(window: Any, programme_id: int | None = None, parent: QWidget | None = None) -> None:
    parent = parent or window
    if programme_id is None:
        programme_id = choose_programme(window, parent)
        if programme_id is None:
            return
    prog = psvc.get_programme(window.store, programme_id)
    suggested = str(Path.home() / f"{prog['name']}拟资助名单公示.pdf")
    path, chosen = QFileDialog.getSaveFileName(parent, translate("subsidy.publicity_export", "导出公示名单"), suggested, translate("subsidy.publicity_export", FILTERS))
    if not path:
        return
    fmt = "xlsx" if path.lower().endswith(".xlsx") or "xlsx" in chosen else "pdf"
    if not path.lower().endswith(f".{fmt}"):
        path += f".{fmt}"
    write(window, programme_id, Path(path), fmt, parent)


def write(window: Any, programme_id: int, path: Path, fmt: str, parent: QWidget | None = None,
          on_done: Any = None) -> None:
    from reports.publicity_list import export_publicity as build

    def done(result: Path) -> None:
        window.statusBar().showMessage(translate("subsidy.publicity_export", "公示名单已导出：{result}").format(result=result), 8000)
        if on_done is not None:
            on_done(result)

    def failed(exc: Exception) -> None:
        QMessageBox.warning(parent or window, translate("subsidy.publicity_export", "未能导出公示名单"), message_of(exc))
        if on_done is not None:
            on_done(exc)

    window.ops.run(f"publicity:{programme_id}", lambda store: build(store, programme_id, path, fmt), done, failed)
