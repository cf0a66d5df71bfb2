"""Render the application icon: resources/icons/ipdesk.svg -> ipdesk-<N>.png and ipdesk.ico.

Sizes 16 to 32 px come from ``ipdesk-small.svg`` (same design, bolder, fewer details); 48 px and up
from ``ipdesk.svg``. The PNGs and the ICO are committed, so building the bundle needs no SVG
renderer; run this after editing an SVG:

    .venv/bin/python packaging/render_icons.py

Needs ``rsvg-convert`` (Debian: librsvg2-bin) or the ``cairosvg`` package, and Pillow for the ICO.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SMALL_UP_TO = 32


def source_for(size: int) -> Path:
    return ICONS / ("ipdesk-small.svg" if size <= SMALL_UP_TO else "ipdesk.svg")


def png_path(size: int) -> Path:
    return ICONS / f"ipdesk-{size}.png"


def render(svg: Path, size: int) -> bytes:
    rsvg = shutil.which("rsvg-convert")
    if rsvg:
        return subprocess.run([rsvg, "-w", str(size), "-h", str(size), str(svg)],
                              check=True, capture_output=True).stdout
    import cairosvg  # pip install cairosvg

    return cairosvg.svg2png(url=str(svg), output_width=size, output_height=size)


def main() -> int:
    from PIL import Image

    images = {}
    for size in PNG_SIZES:
        data = render(source_for(size), size)
        png_path(size).write_bytes(data)
        images[size] = Image.open(io.BytesIO(data)).convert("RGBA")
        print(f"{png_path(size).relative_to(ICONS.parent.parent)}  {size}x{size}")
    largest = images[max(ICO_SIZES)]
    largest.save(ICONS / "ipdesk.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    print(f"resources/icons/ipdesk.ico  {', '.join(map(str, ICO_SIZES))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
