"""Chinese line breaking (禁则, kinsoku) and the paragraph styles of the reports.

reportlab's ``wordWrap='CJK'`` only keeps a short list of characters off line starts, ignores
characters that may not end a line and splits numbers anywhere. :class:`CJKParagraph` replaces
its breaker with :func:`kinsoku_split`, which breaks only at allowed points:

* never before a closing/pause mark (:data:`CANNOT_START`), never after an opening mark
  (:data:`CANNOT_END`);
* never inside a run of non-space Latin/ASCII characters, so ``1,234,567.89``, ``62.5%`` and
  ``ABC-123`` stay whole; spaces are break points and are dropped at line starts;
* when no allowed break exists in the line (a word wider than the column), it breaks by force.
"""

from __future__ import annotations

import re
from unicodedata import category

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.rl_accel import sameFrag
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import (
    FragLine,
    Paragraph,
    ParaLines,
    _handleBulletWidth,
    cjkU,
    makeCJKParaLine,
)

from reports.fonts import HEI, HEI_BOLD, SONG, register_fonts

CANNOT_START = frozenset(
    "，。、；：！？）》」』”’…—·％‰℃°】〕〉｝］〗〙〞・～｡､!%),.:;?]}¢′″"
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻ー"
)
CANNOT_END = frozenset("（《「『“‘【〔〈｛［〖〘〝([{¥￥$£")
_SPACE = frozenset(" \u3000\t")
_FUZZ = 1e-6
_NUMERIC_SPLIT = re.compile(r"[0-9][0-9,.]*$")


def _is_ascii_word(ch: str) -> bool:
    return len(ch) == 1 and " " < ch < "\x7f" or ch == "\u00a0"


def can_break_between(a: str, b: str, *, keep_words: bool = True) -> bool:
    """May a line end after ``a`` with the next line starting at ``b``?

    ``keep_words=False`` is the fallback used when a Latin/number run is wider than the line.
    """
    if not a or not b:  # inline images / markers
        return True
    if b in _SPACE or a in _SPACE:
        return True
    if b in CANNOT_START or a in CANNOT_END:
        return False
    return not (keep_words and _is_ascii_word(a) and _is_ascii_word(b))


def _width(u: cjkU, max_width: float) -> float:
    w = u.width
    if hasattr(w, "normalizedValue"):
        w._normalizer = max_width
        w = w.normalizedValue(max_width)
    return w


# Glyph advance per (font, size): a paragraph measures each character once per font, not once per
# occurrence (reportlab's cjkU calls stringWidth for every character).
_ADVANCE: dict[tuple[str, float], dict[str, float]] = {}
_new_str = str.__new__


def _units(frags: list) -> tuple[list[cjkU], bool]:
    """One :class:`cjkU` per character; ``True`` when every width is a plain number."""
    units: list[cjkU] = []
    plain = True
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode("utf8")
        if not text or hasattr(f, "cbDefn"):
            if text:
                units.extend(cjkU(t, f, "utf8") for t in text)
            else:
                units.append(cjkU(text, f, "utf8"))
            plain = plain and all(isinstance(u.width, (int, float)) for u in units[-max(1, len(text)):])
            continue
        key = (f.fontName, f.fontSize)
        table = _ADVANCE.get(key)
        if table is None:
            table = _ADVANCE[key] = {}
        for t in text:
            w = table.get(t)
            if w is None:
                w = table[t] = stringWidth(t, f.fontName, f.fontSize)
            u = _new_str(cjkU, t)
            u._frag = f
            u._width = w
            units.append(u)
    return units, plain


def _make_line(seg: list[cjkU], max_width: float, width: float) -> FragLine:
    """reportlab's ``makeCJKParaLine`` (the same FragLine) per run of one frag instead of per glyph."""
    words: list = []
    max_size = max_ascent = min_descent = 0
    cur = None  # the frag whose clone collects the current word
    chars: list[str] = []
    n = len(seg)
    i = 0
    while i < n:
        f = seg[i]._frag
        j = i + 1
        while j < n and seg[j]._frag is f:
            j += 1
        size = f.fontSize
        ascent, descent = getAscentDescent(f.fontName, size)
        if size > max_size:
            max_size = size
        if ascent > max_ascent:
            max_ascent = ascent
        if descent < min_descent:
            min_descent = descent
        if cur is None or not sameFrag(cur, f):
            if cur is not None:
                w = cur.clone()
                w.text = "".join(chars)
                words.append(w)
            cur, chars = f, []
        chars.extend(seg[i:j])
        i = j
    if cur is not None:
        w = cur.clone()
        w.text = "".join(chars)
        words.append(w)
    return FragLine(kind=1, extraSpace=max_width - width, wordCount=1, words=words, fontSize=max_size,
                    ascent=max_ascent, descent=min_descent, maxWidth=max_width, currentWidth=width,
                    lineBreak=False)


def _allowed(a: str, b: str) -> bool:
    """``can_break_between(a, b)`` (keeping words whole), inlined for the hot path."""
    if not a or not b or a in _SPACE or b in _SPACE:
        return True
    if b in CANNOT_START or a in CANNOT_END:
        return False
    return not (_is_ascii_word(a) and _is_ascii_word(b))


def kinsoku_split(frags: list, max_widths: list[float], calc_bounds: bool) -> ParaLines:
    """Drop-in replacement for reportlab's ``cjkFragSplit`` honouring 禁则 and number runs."""
    units, plain = _units(frags)
    if not plain or any(hasattr(f, "lineBreak") or hasattr(f, "cbDefn") for f in frags):
        return _kinsoku_general(units, max_widths, calc_bounds)
    return _kinsoku_plain(units, max_widths)


def _kinsoku_plain(units: list[cjkU], max_widths: list[float]) -> ParaLines:
    """Text only (no images, no ``<br/>``): widths by prefix sums, the overflow point by bisection,
    then the 禁则 search back from it — each line costs O(log n + its own length)."""
    n = len(units)
    cum = [0.0] * (n + 1)
    acc = 0.0
    for k, u in enumerate(units):
        acc += u._width
        cum[k + 1] = acc
    lines: list = []
    start = 0
    last = len(max_widths) - 1
    while start < n:
        max_width = max_widths[min(len(lines), last)]
        limit = cum[start] + max_width + _FUZZ
        if cum[n] <= limit:  # the rest fits
            end = n
        else:
            # first unit that overflows (bisect on the prefix sums), never before start + 1
            lo, hi = start + 1, n
            while lo < hi:
                mid = (lo + hi) // 2
                if cum[mid + 1] > limit:
                    hi = mid
                else:
                    lo = mid + 1
            i = lo
            # a space may hang past the margin (it is dropped at the break): move on to the next glyph
            while i < n and units[i] in _SPACE:
                i += 1
            if i >= n:
                end = n
            else:
                end = None
                for j in range(i, start, -1):
                    if _allowed(units[j - 1], units[j]):
                        end = j
                        break
                if end is None:
                    for j in range(i, start, -1):
                        if can_break_between(units[j - 1], units[j], keep_words=False):
                            end = j
                            break
                if end is None:
                    end = i
        width = cum[end] - cum[start]
        lines.append(_make_line(units[start:end], max_width, width))
        start = end
        while start < n and units[start] in _SPACE:
            start += 1
    return ParaLines(kind=1, lines=lines)


def _kinsoku_general(units: list[cjkU], max_widths: list[float], calc_bounds: bool) -> ParaLines:
    """The general breaker: inline images with relative widths and ``<br/>`` line breaks."""
    lines: list = []
    n = len(units)
    start = i = 0
    used = 0.0
    max_width = max_widths[0]

    def emit(end: int, line_break: bool) -> None:
        nonlocal start, used, max_width
        seg = units[start:end]
        width = sum(_width(u, max_width) for u in seg)
        lines.append(makeCJKParaLine(seg, max_width, width, max_width - width, line_break, calc_bounds))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        start = end
        while start < n and units[start] in _SPACE and not hasattr(units[start].frag, "lineBreak"):
            start += 1
        used = 0.0

    while i < n:
        if i < start:
            i = start
            continue
        u = units[i]
        if hasattr(u.frag, "lineBreak"):
            emit(i + 1, True)
            i = start
            continue
        w = _width(u, max_width)
        if used + w > max_width + _FUZZ and i > start and u not in _SPACE:
            brk = None
            for keep in (True, False):
                for j in range(i, start, -1):
                    if can_break_between(units[j - 1], units[j], keep_words=keep):
                        brk = j
                        break
                if brk is not None:
                    break
            emit(brk if brk is not None else i, False)
            used = sum(_width(x, max_width) for x in units[start:i])
            continue
        used += w
        i += 1
    if start < n:
        seg = units[start:]
        width = sum(_width(x, max_width) for x in seg)
        lines.append(makeCJKParaLine(seg, max_width, width, max_width - width, False, calc_bounds))
    return ParaLines(kind=1, lines=lines)


# Broken lines per (frags, widths): report tables repeat the same cell text (district, product,
# insurer names) and reportlab wraps every cell several times (row heights, splitting, drawing)
# and again in each multiBuild pass. Lines are read-only for drawing; ``split`` gets copies.
_LINES: dict[tuple, ParaLines] = {}
_LINES_MAX = 50_000
_SCALARS = (str, int, float, bool, type(None))


def _frags_key(frags: list) -> tuple | None:
    """A hashable description of a paragraph's frags (None: not cacheable, e.g. images)."""
    out = []
    for f in frags:
        d = f.__dict__
        if "cbDefn" in d or "lineBreak" in d:
            return None
        out.append(tuple(sorted((k, v if isinstance(v, _SCALARS) else repr(v)) for k, v in d.items())))
    return tuple(out)


def _copy_lines(bl: ParaLines) -> ParaLines:
    return bl.clone(lines=[ln.clone(words=[w.clone() for w in ln.words]) for ln in bl.lines])


class CJKParagraph(Paragraph):
    """A Paragraph that always breaks lines with :func:`kinsoku_split` (results cached)."""

    def __init__(self, text, style=None, *args, **kw):
        if style is not None and getattr(style, "wordWrap", None) != "CJK":
            style = ParagraphStyle(style.name + "-cjk", parent=style, wordWrap="CJK")
        super().__init__(text, style, *args, **kw)

    def breakLinesCJK(self, maxWidths):  # noqa: N802,N803 (reportlab API)
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, maxWidths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        frags = self.frags
        if not frags:
            return ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName,
                             textColor=style.textColor, lines=[], ascent=style.fontSize,
                             descent=-0.2 * style.fontSize)
        auto = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        calc = auto not in ("", "off")
        fkey = self.__dict__.get("_kinsoku_key", False)
        if fkey is False:
            fkey = self._kinsoku_key = _frags_key(frags)
        if fkey is None:
            return kinsoku_split(frags, maxWidths, calc)
        key = (fkey, tuple(maxWidths), calc)
        bl = _LINES.get(key)
        if bl is None:
            if len(_LINES) >= _LINES_MAX:
                _LINES.clear()
            bl = _LINES[key] = kinsoku_split(frags, maxWidths, calc)
        return bl

    def split(self, availWidth, availHeight):  # noqa: N803 (reportlab API)
        # reportlab's split appends spaces to the words of the lines it hands on: give it a copy
        # of the (shared, cached) lines.
        bl = self.__dict__.get("blPara")
        if bl is not None and getattr(bl, "kind", 0) == 1 and not getattr(self, "_splitpara", 0):
            self.blPara = _copy_lines(bl)
        return super().split(availWidth, availHeight)


def para_lines(p: Paragraph) -> list[str]:
    """Text of each line of a wrapped paragraph (call ``p.wrap`` first)."""
    out: list[str] = []
    bl = p.blPara
    for line in bl.lines:
        if bl.kind == 1:
            out.append("".join(getattr(w, "text", "") for w in line.words))
        else:
            out.append(" ".join(line[1]) if isinstance(line, tuple) else str(line))
    return out


def check_lines(lines: list[str], *, numbers: bool = True) -> list[str]:
    """Problems (Chinese messages) with a sequence of rendered lines; empty when all is well.

    Checks: a line starting with a :data:`CANNOT_START` character, a line ending with a
    :data:`CANNOT_END` character and, when ``numbers``, a number split across two lines.
    """
    problems: list[str] = []
    prev = ""
    for no, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            prev = ""
            continue
        if line[0] in CANNOT_START:
            problems.append(f"第 {no} 行以“{line[0]}”开头：{line[:20]}")
        if line[-1] in CANNOT_END:
            problems.append(f"第 {no} 行以“{line[-1]}”结尾：{line[-20:]}")
        if (numbers and prev and _NUMERIC_SPLIT.search(prev) and line[0].isdigit()
                and (prev[-1].isdigit() or prev[-1] in ",.")):
            problems.append(f"第 {no} 行数字被拆开：{prev[-12:]} | {line[:12]}")
        prev = line
    return problems


def escape(text: str) -> str:
    """Escape text for reportlab paragraph markup; ``**bold**`` becomes bold (黑体)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text).replace("**", "")


def _style(name: str, **kw) -> ParagraphStyle:
    kw.setdefault("wordWrap", "CJK")
    return ParagraphStyle(name, **kw)


def styles() -> dict[str, ParagraphStyle]:
    """The report styles: body 宋体 11 pt, headings 黑体, captions, table cells, notes."""
    register_fonts()
    body = _style("body", fontName=SONG, fontSize=11, leading=19, firstLineIndent=22,
                  alignment=TA_JUSTIFY, spaceAfter=4)
    return {
        "body": body,
        "body_noindent": _style("body_noindent", parent=body, firstLineIndent=0),
        "title": _style("title", fontName=HEI_BOLD, fontSize=22, leading=34, alignment=TA_CENTER),
        "subtitle": _style("subtitle", fontName=HEI, fontSize=14, leading=22, alignment=TA_CENTER),
        "h0": _style("h0", fontName=HEI_BOLD, fontSize=16, leading=24, alignment=TA_CENTER,
                     spaceBefore=6, spaceAfter=10),
        "h1": _style("h1", fontName=HEI_BOLD, fontSize=14, leading=22, spaceBefore=10, spaceAfter=6),
        "h2": _style("h2", fontName=HEI, fontSize=12, leading=20, spaceBefore=6, spaceAfter=4,
                     firstLineIndent=22),
        "h3": _style("h3", fontName=SONG, fontSize=11, leading=19, spaceBefore=2, spaceAfter=2,
                     firstLineIndent=22),
        "caption": _style("caption", fontName=HEI, fontSize=10, leading=15, alignment=TA_CENTER,
                          spaceBefore=6, spaceAfter=4),
        "note": _style("note", fontName=SONG, fontSize=8.5, leading=12, alignment=TA_LEFT),
        "cell": _style("cell", fontName=SONG, fontSize=9, leading=12.5, alignment=TA_LEFT),
        "cell_center": _style("cell_center", fontName=SONG, fontSize=9, leading=12.5,
                              alignment=TA_CENTER),
        "cell_right": _style("cell_right", fontName=SONG, fontSize=9, leading=12.5,
                             alignment=TA_RIGHT),
        "head": _style("head", fontName=HEI_BOLD, fontSize=9, leading=12.5, alignment=TA_CENTER),
        "toc1": _style("toc1", fontName=HEI, fontSize=11.5, leading=20, leftIndent=0),
        "toc2": _style("toc2", fontName=SONG, fontSize=10.5, leading=17, leftIndent=22),
    }


def is_cjk(ch: str) -> bool:
    return category(ch) == "Lo" and ord(ch) >= 0x2E80
