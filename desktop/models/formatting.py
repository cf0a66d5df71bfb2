"""Display text for raw register values (fen, ISO dates, region codes, JSON tag lists)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from desktop.i18n import translate
from ledger.money import format_wan, format_yi, format_yuan
from ledger.store.registers import district_label, tags_label

RIGHT_ALIGNED = frozenset({"money", "wan", "int"})
# region codes are a fixed national list (a few thousand): look each name up once
_district_label = lru_cache(maxsize=8192)(district_label)

# The office's display choices (设置 › 日期格式 / 金额显示单位, stored in the ledger's settings).
# Module state on purpose: register pages format on worker threads, which read it, and only the
# GUI thread writes it (at start and when the settings are saved); the next query shows it.
_preferences = {"date_format": "YYYY-MM-DD", "amount_unit": "万元"}


def set_display_preferences(values: dict[str, str]) -> None:
    """Take ``date_format`` / ``amount_unit`` from a settings mapping (unknown values ignored)."""
    from ledger.services.settings import AMOUNT_UNITS, DATE_FORMATS

    if values.get("date_format") in DATE_FORMATS:
        _preferences["date_format"] = values["date_format"]
    if values.get("amount_unit") in AMOUNT_UNITS:
        _preferences["amount_unit"] = values["amount_unit"]


def apply_store_preferences(store: Any) -> None:
    """Read the display settings of ``store`` (a missing or unreadable table keeps the defaults).

    Called as the window opens: two indexed reads, and the settings service (≈15 ms of imports)
    is loaded only when an office changed a default."""
    try:
        values = {key: store.setting(key, "") or "" for key in _preferences}
    except Exception:  # an old or read-only file without settings: defaults are right
        return
    if any(value and value != _preferences[key] for key, value in values.items()):
        set_display_preferences(values)


def format_date(value: Any) -> str:
    """An ISO date as the office chose: 2024-03-05, 2024年3月5日 or 2024/03/05."""
    text = str(value)[:10]
    if len(text) != 10 or text[4] != "-" or text[7] != "-" or not text.replace("-", "").isdigit():
        return str(value)  # not an ISO date: shown as stored
    fmt = _preferences["date_format"]
    if fmt == "YYYY年M月D日":
        return f"{text[:4]}年{int(text[5:7])}月{int(text[8:10])}日"
    if fmt == "YYYY/MM/DD":
        return text.replace("-", "/")
    return text


def display(kind: str, value: Any) -> str:
    if value is None:
        return ""
    if kind == "money":
        return format_yuan(int(value), symbol=True)
    if kind == "wan":
        return format_wan(int(value), grouping=True)
    if kind == "date":
        return format_date(value)
    if kind == "bool":
        return translate("models.formatting", "是") if value else ""
    if kind == "year":
        return str(value)
    if kind == "int":
        return f"{int(value):,}"
    if kind == "district":
        return _district_label(str(value))
    if kind == "tags":
        return tags_label(str(value))
    return str(value)


def amount_short(fen: int) -> tuple[str, str]:
    """A KPI figure and its unit: 亿元 from one 亿 up, else 万元; two decimals, half-up.

    With 金额显示单位 = 元 the full amount in yuan (¥1,234,567.89 style, without the sign)."""
    if _preferences["amount_unit"] == "元":
        return format_yuan(fen), translate("models.formatting", "元")
    if abs(fen) >= 10_000_000_000:
        return format_yi(fen, 2, grouping=True), translate("models.formatting", "亿元")
    return format_wan(fen, 2, grouping=True), translate("models.formatting", "万元")
