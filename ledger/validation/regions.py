"""GB/T 2260 administrative division codes, offline, including abolished codes.

Source: python-stdnum's ``stdnum/cn/loc.dat`` (compiled from zh.wikipedia's 中华人民共和国行政区划代码
pages). Its layout is one line per province (``11 province="北京市"``) followed by indented rows of
the last four digits (``  0103 county="[-2010]崇文区"``). A row may carry several names with validity
years, e.g. ``[1983-1999]郊区,[2000-]滨湖区``. Province (XX0000) and prefecture (XXXX00) rows are in
the same file, so full names are built from the code prefixes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ledger.errors import Issue

__all__ = [
    "RegionInfo",
    "districts_of",
    "is_known_region",
    "region_info",
    "region_name",
    "validate_region_code",
]

_PROVINCE_LINE = re.compile(r'^(\d{2}) province="([^"]*)"')
_COUNTY_LINE = re.compile(r'^\s+(\d{4}) county="([^"]*)"')
_PERIOD = re.compile(r"^\[(\d{4})?-(\d{4})?\](.*)$")
_CODE = re.compile(r"^\d{6}$")
# Names that stand for "no real prefecture" and are left out of full names.
_PLACEHOLDER_PREFECTURES = frozenset({"市辖区", "县", "市"})
_PLACEHOLDER_SUFFIXES = ("直辖县级行政单位", "直辖县级行政区划")


def _is_placeholder(name: str) -> bool:
    return name in _PLACEHOLDER_PREFECTURES or name.endswith(_PLACEHOLDER_SUFFIXES)


@dataclass(frozen=True)
class RegionInfo:
    code: str
    name: str  # latest name, e.g. "崇文区"
    full_name: str  # e.g. "北京市崇文区"
    province: str | None  # name of XX0000
    prefecture: str | None  # name of XXXX00 (None for provinces / placeholder rows)
    abolished: bool
    valid_from: int | None  # first year in use (None: before the records)
    valid_to: int | None  # last year in use (None: still in use)

    @property
    def display_name(self) -> str:
        return self.full_name + ("（已撤销）" if self.abolished else "")


@dataclass(frozen=True)
class _Raw:
    name: str
    abolished: bool
    valid_from: int | None
    valid_to: int | None


def _parse_names(value: str) -> _Raw:
    parts = re.split(r",(?=\[)", value)
    periods: list[tuple[int | None, int | None, str]] = []
    for part in parts:
        m = _PERIOD.match(part)
        if m:
            start = int(m.group(1)) if m.group(1) else None
            end = int(m.group(2)) if m.group(2) else None
            periods.append((start, end, m.group(3)))
        else:
            periods.append((None, None, part))
    current = [p for p in periods if p[1] is None]
    latest = current[-1] if current else max(periods, key=lambda p: p[1] or 0)
    starts = [p[0] for p in periods]
    valid_from = None if None in starts else min(s for s in starts if s is not None)
    valid_to = None if current else max(p[1] for p in periods if p[1] is not None)
    return _Raw(latest[2], not current, valid_from, valid_to)


@cache
def _raw_table() -> dict[str, _Raw]:
    text = resources.files("stdnum.cn").joinpath("loc.dat").read_text(encoding="utf-8")
    table: dict[str, _Raw] = {}
    province = ""
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = _PROVINCE_LINE.match(line)
        if m:
            province = m.group(1)
            continue
        m = _COUNTY_LINE.match(line)
        if m and province:
            table[province + m.group(1)] = _parse_names(m.group(2))
    return table


def _name_of(code: str) -> str | None:
    raw = _raw_table().get(code)
    return raw.name if raw else None


@cache
def _info(code: str) -> RegionInfo | None:
    raw = _raw_table().get(code)
    if raw is None:
        return None
    prov_code, pref_code = code[:2] + "0000", code[:4] + "00"
    province = _name_of(prov_code)
    prefecture = None
    if code[2:] != "0000" and code[4:] != "00":
        pref = _name_of(pref_code)
        if pref and not _is_placeholder(pref):
            prefecture = pref
    if code == prov_code:
        full = raw.name
    else:
        full = (province or "") + (prefecture or "") + raw.name
    return RegionInfo(code, raw.name, full, province, prefecture, raw.abolished,
                      raw.valid_from, raw.valid_to)


def region_info(code: str) -> RegionInfo | None:
    """Details of a six-digit code (current or abolished), or ``None`` when unknown."""
    if not isinstance(code, str) or not _CODE.match(code.strip()):
        return None
    return _info(code.strip())


def region_name(code: str) -> str | None:
    """Full name such as ``北京市崇文区`` (abolished codes too; see ``region_info``)."""
    info = region_info(code)
    return info.full_name if info else None


def is_known_region(code: str) -> bool:
    return region_info(code) is not None


def validate_region_code(code: object, field: str = "district_code") -> list[Issue]:
    """6 digits, known to GB/T 2260; abolished codes give a warning."""
    text = code.strip() if isinstance(code, str) else ""
    if not _CODE.match(text):
        return [Issue(field, "region.format", f"行政区划代码应为 6 位数字，实为 {code!r}")]
    info = region_info(text)
    if info is None:
        return [Issue(field, "region.unknown", f"行政区划代码 {text} 不在 GB/T 2260 代码表中")]
    if info.abolished:
        until = f"（{info.valid_to} 年后撤销）" if info.valid_to else ""
        return [Issue(field, "region.abolished",
                      f"行政区划代码 {text}（{info.full_name}）已撤销{until}", "warning")]
    return []


def districts_of(prefix: str, *, include_abolished: bool = False) -> list[RegionInfo]:
    """County-level codes under ``prefix`` ('32' province, '3202' prefecture), sorted by code.

    Province, prefecture and 市辖区 placeholder rows (XXXX00, XXXX01) are left out.
    """
    prefix = prefix.strip()
    out: list[RegionInfo] = []
    for code in sorted(_raw_table()):
        if not code.startswith(prefix) or code.endswith("00"):
            continue
        info = _info(code)
        if info is None or (info.abolished and not include_abolished):
            continue
        if code[4:] == "01" and info.name == "市辖区":
            continue
        out.append(info)
    return out
