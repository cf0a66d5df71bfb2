"""Display text for raw register values (fen, ISO dates, region codes, JSON tag lists)."""

from __future__ import annotations

from typing import Any

from desktop.i18n import translate
from ledger.money import format_wan, format_yi, format_yuan
from ledger.store.registers import district_label, tags_label

RIGHT_ALIGNED = frozenset({"money", "wan", "int"})


def display(kind: str, value: Any) -> str:
    if value is None:
        return ""
    if kind == "money":
        return format_yuan(int(value), symbol=True)
    if kind == "wan":
        return format_wan(int(value), grouping=True)
    if kind == "date":
        return str(value)[:10]
    if kind == "bool":
        return translate("models.formatting", "是") if value else ""
    if kind == "year":
        return str(value)
    if kind == "int":
        return f"{int(value):,}"
    if kind == "district":
        return district_label(str(value))
    if kind == "tags":
        return tags_label(str(value))
    return str(value)


def amount_short(fen: int) -> tuple[str, str]:
    """A KPI figure and its unit: 亿元 from one 亿 up, else 万元; two decimals, half-up."""
    if abs(fen) >= 10_000_000_000:
        return format_yi(fen, 2, grouping=True), translate("models.formatting", "亿元")
    return format_wan(fen, 2, grouping=True), translate("models.formatting", "万元")
