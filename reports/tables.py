"""Report tables: 序号 column, wrapped CJK text cells, right-aligned non-wrapping amounts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from reports.fonts import HEI_BOLD, SONG
from reports.typography import CJKParagraph, escape, styles

Kind = Literal["text", "center", "num", "code"]
CELL_FONT_SIZE = 9
_PAD = 4


def _discarded_pass(canv: object) -> bool:
    """True while ``multiBuild`` runs a pass that cannot be the saved one.

    A pass is saved only when every indexing flowable is satisfied at its end; a table of
    contents whose entries already differ from the last pass's (a prefix check: entries only
    grow during a pass) makes this pass a layout-only one, whose canvas is thrown away.
    """
    doc = getattr(canv, "_doctemplate", None)
    if doc is None or getattr(doc, "_doSave", 1) or not hasattr(doc, "_multiBuildEdits"):
        return False
    for f in getattr(doc, "_indexingFlowables", ()):
        if isinstance(f, TableOfContents):
            entries, last = f._entries, f._lastEntries
            if len(entries) > len(last) or entries != last[:len(entries)]:
                return True
    return False


class ReportTable(Table):
    """A Table that skips drawing its cells in a ``multiBuild`` pass that is not saved (the
    first pass only lays out the pages to number the 目录); layout is unchanged."""

    def draw(self) -> None:
        if _discarded_pass(self.canv):
            return
        super().draw()


def make_table(headers: Sequence[str], rows: Sequence[Sequence[object]], kinds: Sequence[Kind],
               *, width: float, seq: bool = True, total: Sequence[object] | None = None) -> Table:
    """A grid table; ``code`` cells are one-line left-aligned identifiers; ``num`` cells are strings drawn right-aligned on one line (never wrapped).

    ``seq`` prepends a 序号 column; ``total`` is an optional 合计 row (its first cell is the
    label, 合计 when empty, spanning the 序号 column and the first column when ``seq``).
    """
    st = styles()
    kinds = list(kinds)
    headers = list(headers)
    body = [[("" if v is None else str(v)) for v in r] for r in rows]
    tot = [("" if v is None else str(v)) for v in total] if total is not None else None
    if tot is not None and not tot[0] and kinds[0] in ("text", "center"):
        tot[0] = "合计"
    if seq:
        headers = ["序号", *headers]
        kinds = ["center", *kinds]
        body = [[str(i), *r] for i, r in enumerate(body, 1)]
        if tot is not None:  # the label spans the 序号 column and the first column
            tot = [tot[0], "", *tot[1:]]
    all_rows = body + ([tot] if tot is not None else [])
    widths = _column_widths(headers, body, kinds, width, total=tot, label_span=seq)
    data: list[list[object]] = [[CJKParagraph(_head(h, w), st["head"]) for h, w in zip(headers, widths, strict=True)]]
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
    t = ReportTable(data, colWidths=widths, repeatRows=1, hAlign="CENTER")
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
    t.setStyle(TableStyle(cmds))
    return t


def _head(text: str, width: float) -> str:
    """Header markup: a unit in brackets that does not fit goes whole onto its own line."""
    cut = text.find("（")
    if cut > 0 and stringWidth(text, HEI_BOLD, CELL_FONT_SIZE) > width - 2 * _PAD:
        return f"{escape(text[:cut])}<br/>{escape(text[cut:])}"
    return escape(text)


def _column_widths(headers: list[str], rows: list[list[str]], kinds: list[Kind],
                   width: float, *, total: list[str] | None = None, label_span: bool = False) -> list[float]:
    """Column widths summing to ``width``; the (bold) ``total`` row is measured too, except its
    label when that spans the first two columns (``label_span``)."""
    n = len(headers)
    natural, typical = [], []  # the longest cell and the 80th-percentile cell of each column
    for c in range(n):
        cells = sorted(stringWidth(r[c], SONG, CELL_FONT_SIZE) for r in rows[:500]) or [0.0]
        longest = cells[-1]
        if total is not None and not (c == 0 and label_span):
            longest = max(longest, stringWidth(total[c], HEI_BOLD, CELL_FONT_SIZE))
        natural.append(longest + 2 * _PAD + 1)
        typical.append(cells[(len(cells) - 1) * 8 // 10] + 2 * _PAD + 1)
    widths = [0.0] * n
    fixed = 0.0
    for c, kind in enumerate(kinds):
        head_min = min(stringWidth(headers[c], HEI_BOLD, CELL_FONT_SIZE), 4.5 * CELL_FONT_SIZE)
        if kind in ("num", "center", "code"):
            widths[c] = max(natural[c], head_min + 2 * _PAD + 1, 24)
            fixed += widths[c]
    text_cols = [c for c, k in enumerate(kinds) if k == "text"]
    remaining = max(width - fixed, 40.0 * max(1, len(text_cols)))
    if text_cols:
        want = [max(natural[c], 3 * CELL_FONT_SIZE + 2 * _PAD) for c in text_cols]
        if sum(want) <= remaining:
            extra = (remaining - sum(want)) / len(text_cols)
            for c, w in zip(text_cols, want, strict=True):
                widths[c] = w + extra
        elif (fit := _fit_lines([max(typical[c], 3 * CELL_FONT_SIZE + 2 * _PAD) for c in text_cols], want,
                                remaining)) is not None:
            for c, w in zip(text_cols, fit, strict=True):
                widths[c] = w
        else:
            floor = 4 * CELL_FONT_SIZE + 2 * _PAD
            capped = [min(w, remaining) for w in want]
            scale = remaining / sum(capped)
            for c, w in zip(text_cols, capped, strict=True):
                widths[c] = max(floor, w * scale)
    elif fixed < width:
        scale = width / fixed
        widths = [w * scale for w in widths]
    over = sum(widths) - width
    if over > 0.5 and text_cols:
        per = over / len(text_cols)
        for c in text_cols:
            widths[c] = max(30.0, widths[c] - per)
    return widths


def _fit_lines(typical: list[float], longest: list[float], room: float) -> list[float] | None:
    """Text column widths when not every cell fits on one line: four in five cells do, and the
    longest cell of each column takes as few lines as possible (the same for all columns); None
    when even four lines do not fit in ``room``. Spare room is shared out equally."""
    inner = 2 * _PAD + 1
    for lines in (2, 3, 4):
        # slack of a glyph and a bit per line: breaks fall at allowed points, not mid-line
        need = [max(t, (w - inner) / lines + 1.2 * CELL_FONT_SIZE + inner)
                for t, w in zip(typical, longest, strict=True)]
        if sum(need) <= room:
            spare = (room - sum(need)) / len(need)
            return [w + spare for w in need]
    return None
