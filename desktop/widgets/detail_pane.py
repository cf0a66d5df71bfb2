"""Read-only detail of the selected record: its fields and linked counts."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.i18n import register_text
from desktop.models.formatting import display


class DetailPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setOpenLinks(False)
        self.show_empty()

    def show_empty(self, text: str = "") -> None:
        text = text or self.tr("选择一条记录查看详情")
        self.setHtml(f"<p style='color:#8a94a6'>{escape(text)}</p>")

    def show_many(self, count: int) -> None:
        self.show_empty(self.tr("已选择 {count} 条记录").format(count=count))

    def show_detail(self, title: str, detail: dict[str, Any] | None) -> None:
        if detail is None:
            self.show_empty(self.tr("记录已不存在（可能已被删除），请刷新"))
            return
        rows = []
        for header, value, kind in detail["fields"]:
            text = display(kind, value)
            if kind == "bool" and not value:
                text = self.tr("否")
            cell = escape(text).replace("\n", "<br>") if text else "<span style='color:#a0a8b8'>—</span>"
            rows.append(f"<tr><th>{escape(register_text(header))}</th><td>{cell}</td></tr>")
        links = "".join(
            f"<tr><th>{escape(register_text(label))}</th><td>{n:,}</td></tr>" for label, n, _reg in detail["links"]
        )
        html = (
            "<style>th{color:#5b6475;font-weight:normal;text-align:left;padding:3px 10px 3px 0;"
            "white-space:nowrap;vertical-align:top} td{padding:3px 0;vertical-align:top}"
            "h3{margin:0 0 8px 0} h4{margin:14px 0 4px 0;color:#33415c}</style>"
            f"<h3>{escape(title)}</h3><table cellspacing=0>{''.join(rows)}</table>"
        )
        if links:
            html += self.tr("<h4>关联记录</h4><table cellspacing=0>{links}</table>").format(links=links)
        self.setHtml(html)
