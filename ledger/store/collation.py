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

import sqlite3
from functools import lru_cache

# Imported eagerly (~0.3 s): a lazy import would land on the first pinyin sort instead, on a
# worker thread that holds the GIL long enough to stall the window.
from pypinyin import Style, lazy_pinyin
from pypinyin.seg.simpleseg import seg

COLLATION = "PINYIN"
KEY_FUNCTION = "pinyin_key"

_END = "\x01"  # end of the pinyin part: shorter strings first (张 < 张三)
_SEP = "\x02"  # between syllables: li < lian


@lru_cache(maxsize=65536)
def _segment_key(segment: str) -> tuple[str, ...]:
    return tuple(
        p.lower()
        for p in lazy_pinyin(segment, style=Style.TONE3, neutral_tone_with_five=True)
    )


@lru_cache(maxsize=262144)
def sort_key(text: str | None) -> str:
    """The BINARY-comparable pinyin key of ``text`` (ties broken by the original text)."""
    if not text:
        return ""
    parts: list[str] = []
    for segment in seg(text):
        parts.extend(_segment_key(segment))
    return _SEP.join(parts) + _END + text


def compare(a: str, b: str) -> int:
    ka, kb = sort_key(a), sort_key(b)
    return (ka > kb) - (ka < kb)


def register(conn: sqlite3.Connection) -> None:
    """Install the ``PINYIN`` collation and ``pinyin_key()`` on one connection."""
    conn.create_collation(COLLATION, compare)
    conn.create_function(KEY_FUNCTION, 1, sort_key, deterministic=True)
