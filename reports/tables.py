"""Report tables: 序号 column, wrapped CJK text cells, right-aligned non-wrapping amounts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table, TableStyle

from reports.fonts import HEI_BOLD, SONG
from reports.typography import CJKParagraph, escape, styles

Kind = Literal["text", "center", "num", "code"]
CELL_FONT_SIZE = 9
_PAD = 4


def make_table(headers: Sequence[str], rows: Sequence[Sequence[object]], kinds: Sequence[Kind],
               *, width: float, seq: bool = True, total: Sequence[object] | None = None) -> Table:
    """A grid table; ``code`` cells are one-line left-aligned identifiers; ``num`` cells are strings drawn right-aligned on one line (never wrapped).

    ``seq`` prepends a 序号 column; ``total`` is an optional 合计 row (its first cell is the
    label, placed in the 序号 column span when ``seq``).
    """
    st = styles()
    kinds = list(kinds)
    headers = list(headers)
    body = [[("" if v is None else str(v)) for v in r] for r in rows]
    tot = [("" if v is None else str(v)) for v in total] if total is not None else None
    if seq:
        headers = ["序号", *headers]
        kinds = ["center", *kinds]
        body = [[str(i), *r] for i, r in enumerate(body, 1)]
        if tot is not None:
            tot = ["", *tot]
    all_rows = body + ([tot] if tot is not None else [])
    widths = _column_widths(headers, all_rows, kinds, width)
    data: list[list[object]] = [[CJKParagraph(escape(h), st["head"]) for h in headers]]
    for r_index, r in enumerate(all_rows):
        is_total = tot is not None and r_index == len(all_rows) - 1
        row: list[object] = []
        for value, kind in zip(r, kinds, strict=True):
            if kind in ("num", "code"):
                row.append(value)
            else:
                style = st["cell_center"] if kind == "center" else st["cell"]
                text = f"<b>{escape(value)}</b>" if is_total else escape(value)
                row.append(CJKParagraph(text, style))
        data.append(row)
    t = Table(data, colWidths=widths, repeatRows=1, hAlign="CENTER")
    cmds: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8ECF2")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), SONG),
        ("FONTSIZE", (0, 1), (-1, -1), CELL_FONT_SIZE),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for c, kind in enumerate(kinds):
        if kind == "num":
            cmds.append(("ALIGN", (c, 1), (c, -1), "RIGHT"))
    if tot is not None:
        cmds += [("FONTNAME", (0, -1), (-1, -1), HEI_BOLD),
                 ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F4F4F4"))]
        if seq:
            cmds.append(("SPAN", (0, -1), (1, -1)))
            data[-1][0] = CJKParagraph("<b>合计</b>", st["cell_center"])
    t.setStyle(TableStyle(cmds))
    return t


def _column_widths(headers: list[str], rows: list[list[str]], kinds: list[Kind],
                   total: float) -> list[float]:
    n = len(headers)
    natural = []
    for c in range(n):
        cells = [r[c] for r in rows[:500]]
        longest = max([stringWidth(v, SONG, CELL_FONT_SIZE) for v in cells] or [0])
        natural.append(longest + 2 * _PAD + 1)
    widths = [0.0] * n
    fixed = 0.0
    for c, kind in enumerate(kinds):
        head_min = min(stringWidth(headers[c], HEI_BOLD, CELL_FONT_SIZE), 4.5 * CELL_FONT_SIZE)
        if kind in ("num", "center", "code"):
            widths[c] = max(natural[c], head_min + 2 * _PAD + 1, 24)
            fixed += widths[c]
    text_cols = [c for c, k in enumerate(kinds) if k == "text"]
    remaining = max(total - fixed, 40.0 * max(1, len(text_cols)))
    if text_cols:
        want = [max(natural[c], 3 * CELL_FONT_SIZE + 2 * _PAD) for c in text_cols]
        if sum(want) <= remaining:
            extra = (remaining - sum(want)) / len(text_cols)
            for c, w in zip(text_cols, want, strict=True):
                widths[c] = w + extra
        else:
            floor = 4 * CELL_FONT_SIZE + 2 * _PAD
            capped = [min(w, remaining) for w in want]
            scale = remaining / sum(capped)
            for c, w in zip(text_cols, capped, strict=True):
                widths[c] = max(floor, w * scale)
    elif fixed < total:
        scale = total / fixed
        widths = [w * scale for w in widths]
    over = sum(widths) - total
    if over > 0.5 and text_cols:
        per = over / len(text_cols)
        for c in text_cols:
            widths[c] = max(30.0, widths[c] - per)
    return widths
