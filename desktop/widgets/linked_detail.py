"""The detail pane with clickable links: linked counts open the filtered register
(``linkRequested(target register)``), plus links to the record's parents (enterprise, policy)."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QWidget

from desktop.i18n import QT_TRANSLATE_NOOP, register_text, translate
from desktop.models.formatting import display
from desktop.widgets.detail_pane import DetailPane

# (source register, target register) pairs navigation can open; the detail's own link rows
# carry their target register (ledger/store/registers.py Link.register)
FOLLOWABLE = {
    ("enterprise", "ip_right"), ("enterprise", "policy"), ("enterprise", "subsidy"), ("enterprise", "claim"),
    ("policy", "subsidy"), ("policy", "claim"), ("ip_right", "policy"),
}
# parent links shown under the fields: source register → [(label, target register)]
PARENTS: dict[str, list[tuple[str, str]]] = {
    "ip_right": [(QT_TRANSLATE_NOOP("widgets.linked_detail", "所属企业"), "enterprise")],
    "policy": [(QT_TRANSLATE_NOOP("widgets.linked_detail", "投保企业"), "enterprise")],
    "subsidy": [(QT_TRANSLATE_NOOP("widgets.linked_detail", "保单"), "policy"), (QT_TRANSLATE_NOOP("widgets.linked_detail", "申请企业"), "enterprise")],
    "claim": [(QT_TRANSLATE_NOOP("widgets.linked_detail", "出险保单"), "policy"), (QT_TRANSLATE_NOOP("widgets.linked_detail", "被保险企业"), "enterprise")],
}


class LinkedDetailPane(DetailPane):
    linkRequested = Signal(str)  # target register key

    def __init__(self, source: str, parent: QWidget | None = None) -> None:
        self.source = source
        super().__init__(parent)
        self.anchorClicked.connect(self._clicked)

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == "nav":
            self.linkRequested.emit(url.path())

    def show_detail(self, title: str, detail: dict[str, Any] | None) -> None:
        if detail is None:
            super().show_detail(title, detail)
            return
        rows = []
        for header, value, kind in detail["fields"]:
            text = display(kind, value)
            if kind == "bool" and not value:
                text = self.tr("否")
            cell = escape(text).replace("\n", "<br>") if text else "<span style='color:#a0a8b8'>—</span>"
            rows.append(f"<tr><th>{escape(register_text(header))}</th><td>{cell}</td></tr>")
        links = []
        for label, n, register in detail["links"]:
            shown = escape(register_text(label))
            if register and n and (self.source, register) in FOLLOWABLE:
                shown = f"<a href='nav:{register}'>{shown}</a>"
            links.append(f"<tr><th>{shown}</th><td>{n:,}</td></tr>")
        parents = "　".join(f"<a href='nav:{target}'>{escape(translate('widgets.linked_detail', label))} ›</a>"
                           for label, target in PARENTS.get(self.source, []))
        html = (
            "<style>th{color:#5b6475;font-weight:normal;text-align:left;padding:3px 10px 3px 0;"
            "white-space:nowrap;vertical-align:top} td{padding:3px 0;vertical-align:top}"
            "h3{margin:0 0 8px 0} h4{margin:14px 0 4px 0;color:#33415c} a{color:#1f5fae}</style>"
            f"<h3>{escape(title)}</h3><table cellspacing=0>{''.join(rows)}</table>"
        )
        if parents:
            html += self.tr("<h4>转到</h4><p style='margin:2px 0'>{parents}</p>").format(parents=parents)
        if links:
            html += self.tr("<h4>关联记录（单击打开）</h4><table cellspacing=0>{links}</table>").format(links=''.join(links))
        self.setHtml(html)
