"""Pinyin ordering for Chinese text in SQL: the ``PINYIN`` collation and ``pinyin_key()``.

SQLite compares text by code point (北京 < 张三 < 重庆 < 阿里); Chinese users expect the
dictionary (pinyin) order 阿里, 北京, 重庆, 张三. :func:`register` adds to a connection

* the collation ``PINYIN`` (``ORDER BY name COLLATE PINYIN``), and
* the deterministic function ``pinyin_key(text)`` returning a BINARY-sortable key, so that
  ``ORDER BY pinyin_key(name)`` computes one key per row instead of one Python call per
  comparison (about 20× cheaper on large tables). Both give the same order.

Keys are built per phrase segment (pypinyin's phrase dictionary picks 重庆 → chong2 qing4,
银行 → yin2 hang2) and cached, so repeated words such as 科技 / 有限公司 cost a dict lookup.
Latin letters compare case-insensitively and before nothing else special; digits before letters.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sqlite3
import sys
import threading
import types
from functools import lru_cache
from pathlib import Path
from typing import Any

COLLATION = "PINYIN"
KEY_FUNCTION = "pinyin_key"

_END = "\x01"  # end of the pinyin part: shorter strings first (张 < 张三)
_SEP = "\x02"  # between syllables: li < lian


# pypinyin is loaded on first use or by :func:`warm_up` (the desktop calls it once the window is
# usable), not at import: it costs ~0.3 s, which start-up would otherwise wait for. Its two
# dictionaries are JSON files that pypinyin parses with one ``json.loads`` call each (~0.1 s for
# the phrases) — one C call that holds the GIL, so on a worker thread it would freeze the window
# for that long. :func:`_preload_json_module` parses them entry by entry instead (the GIL is free
# between entries) and registers the result as the module pypinyin imports.
_pypinyin: Any = None
_load_lock = threading.Lock()
_WS = re.compile(r"[\s,]*")


def _preload_json_module(package_dir: Path, name: str, int_keys: bool) -> None:
    module_name = f"pypinyin.{name}"
    path = package_dir / f"{name}.json"
    if module_name in sys.modules or not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    data: dict[Any, Any] = {}
    i = _WS.match(text, text.index("{") + 1).end()
    while text[i] != "}":
        key, i = decoder.raw_decode(text, i)
        i = text.index(":", i) + 1
        i = _WS.match(text, i).end()
        value, i = decoder.raw_decode(text, i)
        data[int(key) if int_keys else key] = value
        i = _WS.match(text, i).end()
    module = types.ModuleType(module_name)
    module.__file__ = str(package_dir / f"{name}.py")
    setattr(module, name, data)
    sys.modules[module_name] = module


def _load() -> Any:
    """pypinyin's ``lazy_pinyin``, ``Style`` and ``seg``, imported once (thread-safe)."""
    global _pypinyin
    if _pypinyin is not None:
        return _pypinyin
    with _load_lock:
        if _pypinyin is None:
            os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")  # we never change its dictionaries
            spec = importlib.util.find_spec("pypinyin")  # locates the package without importing it
            if "pypinyin" not in sys.modules and spec is not None and spec.submodule_search_locations:
                package_dir = Path(next(iter(spec.submodule_search_locations)))
                _preload_json_module(package_dir, "pinyin_dict", int_keys=True)
                _preload_json_module(package_dir, "phrases_dict", int_keys=False)
            from pypinyin import Style, lazy_pinyin
            from pypinyin.seg.simpleseg import seg

            _pypinyin = types.SimpleNamespace(Style=Style, lazy_pinyin=lazy_pinyin, seg=seg)
    return _pypinyin


def warm_up() -> threading.Thread:
    """Load pypinyin on a background thread now, so the first pinyin sort does not wait for it."""
    thread = threading.Thread(target=_load, name="pinyin-warm-up", daemon=True)
    thread.start()
    return thread


@lru_cache(maxsize=65536)
def _segment_key(segment: str) -> tuple[str, ...]:
    p = _load()
    return tuple(
        syllable.lower()
        for syllable in p.lazy_pinyin(segment, style=p.Style.TONE3, neutral_tone_with_five=True)
    )


@lru_cache(maxsize=262144)
def sort_key(text: str | None) -> str:
    """The BINARY-comparable pinyin key of ``text`` (ties broken by the original text)."""
    if not text:
        return ""
    parts: list[str] = []
    for segment in _load().seg(text):
        parts.extend(_segment_key(segment))
    return _SEP.join(parts) + _END + text


def compare(a: str, b: str) -> int:
    ka, kb = sort_key(a), sort_key(b)
    return (ka > kb) - (ka < kb)


def register(conn: sqlite3.Connection) -> None:
    """Install the ``PINYIN`` collation and ``pinyin_key()`` on one connection."""
    conn.create_collation(COLLATION, compare)
    conn.create_function(KEY_FUNCTION, 1, sort_key, deterministic=True)
