"""Bundled CJK fonts for the PDF reports (see ``resources/fonts/README.md``).

Four logical faces are registered with reportlab, all real TrueType (glyf) fonts, subset-embedded:

* ``IPSong``  – 宋体 body face (Noto Serif SC Regular);
* ``IPHei``   – 黑体 heading/table face (Noto Sans SC Regular);
* ``IPHei-Bold`` – bold 黑体 (Noto Sans SC Bold), the real bold of both families: Chinese
  house style sets emphasis inside 宋体 text in bold 黑体, so ``<b>`` in a Song paragraph
  switches to it (no fake bold, no missing-bold silent fallback).
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SONG = "IPSong"
HEI = "IPHei"
HEI_BOLD = "IPHei-Bold"

FONT_FILES: dict[str, str] = {
    SONG: "NotoSerifSC-Regular.ttf",
    HEI: "NotoSansSC-Regular.ttf",
    HEI_BOLD: "NotoSansSC-Bold.ttf",
}

_lock = threading.Lock()
_registered = False


def font_dir() -> Path:
    from ledger.paths import resources_root

    return resources_root() / "fonts"


def register_fonts() -> None:
    """Register the bundled faces and their families once (thread-safe, idempotent)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        base = font_dir()
        for name, filename in FONT_FILES.items():
            path = base / filename
            if not path.exists():
                raise FileNotFoundError(f"找不到报告字体文件：{path}")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        for family, normal in ((SONG, SONG), (HEI, HEI)):
            addMapping(family, 0, 0, normal)
            addMapping(family, 0, 1, normal)
            addMapping(family, 1, 0, HEI_BOLD)
            addMapping(family, 1, 1, HEI_BOLD)
        addMapping(HEI_BOLD, 0, 0, HEI_BOLD)
        addMapping(HEI_BOLD, 1, 0, HEI_BOLD)
        addMapping(HEI_BOLD, 0, 1, HEI_BOLD)
        addMapping(HEI_BOLD, 1, 1, HEI_BOLD)
        _registered = True


def missing_glyphs(text: str, font: str = SONG) -> list[str]:
    """Characters of ``text`` (other than whitespace) that ``font`` cannot draw."""
    register_fonts()
    face = pdfmetrics.getFont(font).face
    widths = face.charWidths
    out: list[str] = []
    for ch in dict.fromkeys(text):
        if not ch.isspace() and ord(ch) not in widths and ch not in out:
            out.append(ch)
    return out
