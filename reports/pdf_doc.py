"""A4 report framework: cover, 目录, header, “第 X 页 共 Y 页”, numbered headings, footnotes.

Headings follow the white paper: ``一、`` / ``（一）`` / ``1.`` / ``（1）``. Tables are titled above
(“表 N …”), figures below (“图 N …”); :class:`ReportBuilder` keeps the counters.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from ledger.errors import LedgerError
from reports import Cancelled
from reports.fonts import SONG, register_fonts
from reports.typography import CJKParagraph, escape, styles

PAGE_W, PAGE_H = A4
MARGIN_X = 25 * mm
MARGIN_TOP = 28 * mm
MARGIN_BOTTOM = 28 * mm
BODY_W = PAGE_W - 2 * MARGIN_X
WIDE_W = PAGE_H - 2 * MARGIN_X  # body width of an A4 landscape page (wide appendix tables)
_CN = "零一二三四五六七八九"


class ReportWriteError(LedgerError):
    """The report file cannot be written (permissions, missing folder, disk full…)."""


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (heading numbers)."""
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN[tens]
    return f"{head}十{_CN[ones] if ones else ''}"


def cn_date(d: dt.date | str | None = None) -> str:
    """2026-11-25 → '2026年11月25日'."""
    if d is None:
        d = dt.date.today()
    if isinstance(d, str):
        d = dt.date.fromisoformat(d[:10])
    return f"{d.year}年{d.month}月{d.day}日"


@contextlib.contextmanager
def atomic_output(out_path: str | os.PathLike) -> Iterator[str]:
    """Yield a temporary path next to ``out_path``; replace the target only on success."""
    target = Path(out_path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(fd)
    except PermissionError as exc:
        raise ReportWriteError(f"无法写入报告文件 {target}：权限不足") from exc
    except FileNotFoundError as exc:
        raise ReportWriteError(f"无法写入报告文件 {target}：文件夹不存在") from exc
    except OSError as exc:
        raise ReportWriteError(f"无法写入报告文件 {target}：{exc.strerror or exc}") from exc
    try:
        yield tmp
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise ReportWriteError(f"无法写入报告文件 {target}：{exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _numbered_canvas(header_title: str, skip_first: int) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Defers page furniture until the page count is known (“第 X 页 共 Y 页”)."""

        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = SONG  # no unembedded Helvetica anywhere
            kwargs["initialFontSize"] = 10.5
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab API)
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                if self._pageNumber > skip_first:
                    self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            width, height = self._pagesize  # portrait or landscape page
            self.saveState()
            self.setFont(SONG, 9)
            self.setFillGray(0.25)
            self.drawCentredString(width / 2, height - 16 * mm, header_title)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, height - 18 * mm, width - MARGIN_X, height - 18 * mm)
            self.drawCentredString(width / 2, 12 * mm, f"第 {self._pageNumber} 页 共 {total} 页")
            self.restoreState()

    return NumberedCanvas


class _FootnoteAnchor(Flowable):
    """Zero-size flowable registering a footnote on the page where it is drawn."""

    def __init__(self, number: int, text: str) -> None:
        super().__init__()
        self.number, self.text = number, text
        self.width = self.height = 0

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        notes = getattr(self.canv, "_ip_footnotes", None)
        if notes is None:
            notes = self.canv._ip_footnotes = []
        notes.append((self.number, self.text))


def _draw_footnotes(canv: Canvas, doc) -> None:
    notes = getattr(canv, "_ip_footnotes", None)
    if not notes:
        return
    canv.saveState()
    y = MARGIN_BOTTOM - 6 * mm
    canv.setLineWidth(0.4)
    canv.line(MARGIN_X, y + 3, MARGIN_X + 50 * mm, y + 3)
    canv.setFont(SONG, 7.5)
    for number, text in notes[:4]:
        y -= 9.5
        canv.drawString(MARGIN_X, y, f"{_circled(number)} {text}"[:90])
    canv.restoreState()
    canv._ip_footnotes = []


def _circled(n: int) -> str:
    return chr(0x2460 + n - 1) if 1 <= n <= 20 else f"[{n}]"


class _Doc(BaseDocTemplate):
    def __init__(self, filename, builder: ReportBuilder, **kw):
        super().__init__(filename, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                         topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, **kw)
        self.builder = builder
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, BODY_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
                      id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        wide = Frame(MARGIN_X, MARGIN_BOTTOM, WIDE_W, PAGE_W - MARGIN_TOP - MARGIN_BOTTOM,
                     id="wide", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", [frame], onPageEnd=_draw_footnotes, pagesize=A4),
            PageTemplate("body", [frame], onPageEnd=_draw_footnotes, pagesize=A4),
            PageTemplate("wide", [wide], onPageEnd=_draw_footnotes, pagesize=landscape(A4)),
        ])

    def afterFlowable(self, flowable):  # noqa: N802 (reportlab API)
        self.builder._after_flowable(self, flowable)


class ReportBuilder:
    """Collects the story of one report and builds it atomically."""

    def __init__(self, header_title: str, *, progress: Callable[[float], None] | None = None,
                 cancel: Callable[[], bool] | None = None, has_cover: bool = True) -> None:
        register_fonts()
        self.st = styles()
        self.header_title = header_title
        self.story: list[Flowable] = []
        self.progress, self.cancel = progress, cancel
        self.has_cover = has_cover
        self.tables = self.figures = self.notes = 0
        self._levels = [0, 0, 0, 0]
        self._toc_keys = 0
        self._drawn = 0

    # --- structure ---------------------------------------------------------------------
    def cover(self, bureau: str, title: str, date_text: str, subtitle: str | None = None) -> None:
        st = self.st
        self.story += [Spacer(1, 60 * mm), CJKParagraph(escape(f"《{title}》"), st["title"]),
                       Spacer(1, 10 * mm)]
        if subtitle:
            self.story.append(CJKParagraph(escape(subtitle), st["subtitle"]))
        self.story += [Spacer(1, 70 * mm), CJKParagraph(escape(bureau), st["subtitle"]),
                       Spacer(1, 4 * mm), CJKParagraph(escape(date_text), st["subtitle"]),
                       NextPageTemplate("body"), PageBreak()]

    def toc(self) -> None:
        toc = TableOfContents(dotsMinLevel=0)
        toc.levelStyles = [self.st["toc1"], self.st["toc2"]]
        toc.tableStyle = TableStyle([("FONTNAME", (0, 0), (-1, -1), SONG),
                                     ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                     ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                     ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
        self.story += [CJKParagraph("目　录", self.st["h0"]), toc, PageBreak()]

    def title(self, text: str) -> None:
        self.story.append(CJKParagraph(escape(text), self.st["h0"]))

    def heading(self, level: int, text: str, *, numbered: bool = True, toc: bool = True,
                new_page: bool = False) -> None:
        """level 1 一、 / 2 （一） / 3 1. / 4 （1）."""
        if numbered:
            self._levels[level - 1] += 1
            for k in range(level, 4):
                self._levels[k] = 0
            n = self._levels[level - 1]
            prefix = [f"{cn_number(n)}、", f"（{cn_number(n)}）", f"{n}. ", f"（{n}）"][level - 1]
            text = prefix + text
        style = self.st[f"h{min(level, 3)}"]
        if new_page:
            self.story.append(PageBreak())
        else:
            self.story.append(CondPageBreak(60 * mm if level <= 2 else 30 * mm))
        p = CJKParagraph(escape(text), style)
        p.keepWithNext = True
        if toc and level <= 2:
            self._toc_keys += 1
            p._toc = (level - 1, text, f"h{self._toc_keys}")
        self.story.append(p)

    def wide_pages(self, wide: bool = True) -> None:
        """Pages started from here on are A4 landscape (``wide``, body width ``WIDE_W``, for
        appendix tables with many columns) or portrait again; call before a ``new_page`` heading."""
        self.story.append(NextPageTemplate("wide" if wide else "body"))

    def reset_numbering(self) -> None:
        self._levels = [0, 0, 0, 0]

    def para(self, text: str, *, style: str = "body", footnote: str | None = None,
             markup: bool = False) -> None:
        body = text if markup else escape(text)
        if footnote:
            self.notes += 1
            body += f"<super>{_circled(self.notes)}</super>"
        self.story.append(CJKParagraph(body, self.st[style]))
        if footnote:
            self.story.append(_FootnoteAnchor(self.notes, footnote))

    def next_table(self) -> int:
        self.tables += 1
        return self.tables

    def add_table(self, title: str, table: Flowable, *, unit: str | None = None,
                  source: str | None = None) -> None:
        n = self.next_table()
        cap = CJKParagraph(escape(f"表 {n} {title}"), self.st["caption"])
        head: list[Flowable] = [cap]
        if unit:
            head.append(CJKParagraph(escape(f"单位：{unit}"), self.st["cell_right"]))
        table.repeatRows = 1
        self.story.append(KeepTogether(head + [table]) if _rows(table) <= 12 else cap)
        if _rows(table) > 12:
            self.story += head[1:] + [table]
        if source:
            self.para(f"资料来源：{source}", style="note")
        self.story.append(Spacer(1, 6))

    def add_figure(self, title: str, drawing: Flowable | None, *, source: str | None = None,
                   empty_text: str = "本年度无数据") -> None:
        if drawing is None:
            self.para(f"{title}：{empty_text}。")
            return
        self.figures += 1
        cap = CJKParagraph(escape(f"图 {self.figures} {title}"), self.st["caption"])
        self.story.append(KeepTogether([drawing, cap]))
        if source:
            self.para(f"资料来源：{source}", style="note")

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    # --- build -------------------------------------------------------------------------
    def _after_flowable(self, doc: _Doc, flowable: Flowable) -> None:
        self._drawn += 1
        if self.cancel is not None and self.cancel():
            raise Cancelled("已取消生成报告")
        if self.progress is not None and self.story:
            self.progress(min(0.99, 0.2 + 0.8 * self._drawn / (2.2 * len(self.story))))
        toc = getattr(flowable, "_toc", None)
        if toc:
            level, text, key = toc
            doc.canv.bookmarkPage(key)
            doc.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
            doc.notify("TOCEntry", (level, text, doc.page, key))

    def build(self, out_path: str | os.PathLike, *, author: str = "", subject: str = "") -> Path:
        if self.progress:
            self.progress(0.2)
        canvasmaker = _numbered_canvas(self.header_title, 1 if self.has_cover else 0)
        with atomic_output(out_path) as tmp:
            doc = _Doc(tmp, self, title=self.header_title, author=author, subject=subject,
                       creator="知识产权保险试点工作台")
            if not self.has_cover:
                self.story.insert(0, NextPageTemplate("body"))
            try:
                doc.multiBuild(self.story, canvasmaker=canvasmaker, maxPasses=6)
            except Cancelled:
                raise
        if self.progress:
            self.progress(1.0)
        return Path(out_path)


def _rows(table: Flowable) -> int:
    return len(getattr(table, "_cellvalues", []) or [])
