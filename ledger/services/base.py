"""Shared steps of every write service: turn issues into a refusal, describe dependants."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, is_dataclass
from typing import Any

from ledger.errors import InvalidInput, Issue, Refused
from ledger.store import lookups


def enforce(issues: list[Issue], override_reason: str = "") -> list[Issue]:
    """Raise on errors, or on warnings without an override reason; return accepted warnings."""
    errors = [i for i in issues if i.is_error]
    warnings = [i for i in issues if not i.is_error]
    if errors:
        raise InvalidInput(errors + warnings)
    if warnings and not override_reason.strip():
        raise InvalidInput(
            warnings,
            "；".join(w.message for w in warnings) + "。如确认无误，请填写忽略警告的理由后再保存",
        )
    return warnings


def refuse_if_dependants(conn: sqlite3.Connection, table: str, row_id: int, what: str) -> None:
    found = lookups.dependants(conn, table, row_id)
    if found:
        listed = "、".join(f"{label} {n} 条" for label, n in found)
        raise Refused(f"不能删除该{what}：仍有{listed}引用它。请先删除或改挂这些记录。")


def json_list(values: Iterable[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def row_dict(row: sqlite3.Row | None) -> dict[str, Any]:
    return {} if row is None else {k: row[k] for k in row.keys()}  # noqa: SIM118 (Row iterates values)


def as_values(inp: Any, skip: Iterable[str] = ()) -> dict[str, Any]:
    """Dataclass → column dict (booleans as 0/1), leaving out nested parts named in ``skip``."""
    assert is_dataclass(inp)
    skipped = set(skip)
    out = {}
    for key, value in asdict(inp).items():
        if key in skipped:
            continue
        out[key] = int(value) if isinstance(value, bool) else value
    return out
