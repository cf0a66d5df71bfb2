"""Header-row detection and tolerant header → column-key mapping."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ledger.errors import InvalidInput, Issue
from ledger.importing.columns import RecordKind, column_letter, get_kind
from ledger.importing.normalise import normalise_text

__all__ = ["HEADER_SCAN_ROWS", "HeaderMap", "MappedColumn", "column_letter", "detect_header",
           "header_key", "map_headers", "split_header"]

HEADER_SCAN_ROWS = 20

# Units that may follow an amount header, in brackets or as a suffix: value = yuan per unit.
UNIT_MULTIPLIERS: dict[str, int] = {
    "元": 1, "人民币元": 1, "rmb": 1, "cny": 1, "¥": 1,
    "万元": 10_000, "万": 10_000, "人民币万元": 10_000, "千元": 1_000, "亿元": 100_000_000,
}
_BRACKETS = re.compile(r"[(\[【〔{<《]([^)\]】〕}>》]*)[)\]】〕}>》]")
_MARKS = re.compile(r"^[*＊※#]+|[*＊※]+$")
_NOISE = ("必填", "选填", "可选", "必输")


def header_key(text: object) -> str:
    """Comparable form of a header: NFKC, no spaces (incl. U+3000), lower case."""
    return re.sub(r"\s+", "", normalise_text(text)).lower()


def split_header(text: object) -> tuple[str, str, int | None]:
    """Return ``(full_key, base_key, unit_multiplier)`` for a header cell.

    ``保费（万元）`` → (``保费(万元)``, ``保费``, 10000); ``*企业名称(必填)`` →
    (``企业名称(必填)``, ``企业名称``, None); ``保险金额万元`` → (…, ``保险金额``, 10000).
    """
    full = _MARKS.sub("", header_key(text))
    unit: int | None = None

    def drop(m: re.Match[str]) -> str:
        nonlocal unit
        inner = m.group(1)
        if inner in UNIT_MULTIPLIERS:
            unit = UNIT_MULTIPLIERS[inner]
        elif inner.startswith("单位:") and inner[3:] in UNIT_MULTIPLIERS:
            unit = UNIT_MULTIPLIERS[inner[3:]]
        return ""

    base = _MARKS.sub("", _BRACKETS.sub(drop, full))
    for noise in _NOISE:
        base = base.removesuffix(noise)
    if unit is None:
        for suffix in ("万元", "元"):
            if base.endswith(suffix) and len(base) > len(suffix) + 1:
                unit, base = UNIT_MULTIPLIERS[suffix], base[: -len(suffix)]
                break
    return full, base, unit


@dataclass(frozen=True)
class MappedColumn:
    index: int  # 0-based absolute column index (0 = column A)
    key: str
    header: str  # the header text as written in the file
    unit_multiplier: int = 1  # yuan per unit for amount columns (万元 → 10000)


@dataclass
class HeaderMap:
    kind: RecordKind
    columns: dict[int, MappedColumn] = field(default_factory=dict)
    unmapped: list[tuple[int, str]] = field(default_factory=list)  # non-blank unknown headers
    duplicates: list[tuple[int, str, str]] = field(default_factory=list)  # (index, header, key)
    missing_required: list[str] = field(default_factory=list)

    @property
    def score(self) -> int:
        return len(self.columns)

    @property
    def keys(self) -> set[str]:
        return {c.key for c in self.columns.values()}

    def index_of(self, key: str) -> int | None:
        for col in self.columns.values():
            if col.key == key:
                return col.index
        return None

    @property
    def is_header(self) -> bool:
        """At least two recognised columns, one of them the kind's anchor."""
        return self.score >= 2 and self.kind.anchor in self.keys

    def problems(self) -> list[str]:
        """Chinese header-level messages (missing required columns, duplicate columns)."""
        out = [f"缺少必填列「{self.kind.spec(k).header}」" for k in self.missing_required]
        for index, header, key in self.duplicates:
            first = self.columns[self.index_of(key)]  # type: ignore[index]
            out.append(f"{column_letter(index)} 列「{header}」与 {column_letter(first.index)} 列"
                       f"「{first.header}」重复，已忽略 {column_letter(index)} 列")
        return out


def _lookup(kind: RecordKind, extra: Mapping[str, str] | None) -> dict[str, str]:
    table: dict[str, str] = {}
    for col in kind.columns:
        for name in (*col.synonyms, col.key):
            table.setdefault(split_header(name)[1], col.key)
    for col in kind.columns:  # canonical headers win over other keys' synonyms
        table[split_header(col.header)[1]] = col.key
    for theirs, ours in (extra or {}).items():
        if ours not in kind.keys:
            raise InvalidInput([Issue("extra_synonyms", "import.unknown_key",
                                      f"列对应关系中的“{ours}”不是{kind.title}的字段")])
        key_full, key_base, _ = split_header(theirs)
        table[key_full] = ours
        table[key_base] = ours
    return table


def map_headers(kind: str | RecordKind, headers: Sequence[object],
                extra_synonyms: Mapping[str, str] | None = None) -> HeaderMap:
    """Map header cells to column keys of ``kind``.

    ``extra_synonyms`` is a user-supplied ``{their header: our key}`` mapping (insurers'
    own column names); it takes precedence over the built-in synonyms.
    """
    spec = get_kind(kind)
    return _map(spec, _lookup(spec, extra_synonyms), headers)


def _map(spec: RecordKind, table: dict[str, str], headers: Sequence[object]) -> HeaderMap:
    hmap = HeaderMap(spec)
    for index, cell in enumerate(headers):
        text = normalise_text(cell)
        if not text:
            continue
        full, base, unit = split_header(text)
        key = table.get(full) or table.get(base)
        if key is None:
            hmap.unmapped.append((index, " ".join(str(cell).split())))
            continue
        if key in hmap.keys:
            hmap.duplicates.append((index, " ".join(str(cell).split()), key))
            continue
        col_type = spec.spec(key).type
        multiplier = unit if (unit is not None and col_type == "amount") else 1
        shown = " ".join(str(cell).split())  # as written (full-width kept) for messages
        hmap.columns[index] = MappedColumn(index, key, shown, multiplier)
    hmap.missing_required = [k for k in spec.required_keys if k not in hmap.keys]
    return hmap


def detect_header(kind: str | RecordKind, rows: Sequence[Sequence[object]],
                  extra_synonyms: Mapping[str, str] | None = None) -> tuple[int, HeaderMap] | None:
    """Best header among the first rows: ``(0-based row offset, HeaderMap)`` or ``None``.

    Each row is scored by the number of cells that map to a key; the best row with at
    least two matches including the anchor key wins (earliest on ties).
    """
    spec = get_kind(kind)
    table = _lookup(spec, extra_synonyms)
    best: tuple[int, HeaderMap] | None = None
    for offset, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        hmap = _map(spec, table, row)
        if hmap.is_header and (best is None or hmap.score > best[1].score):
            best = (offset, hmap)
    return best
