"""Register queries for the desktop tables: one :class:`RegisterSpec` per register.

A spec names the columns (key, Chinese header, SQL expression, display kind), the filters and
the searchable text. :func:`count` / :func:`fetch` build ``SELECT … FROM … WHERE … ORDER BY …
LIMIT … OFFSET …`` from the spec only: column and filter *names* come from the spec (anything
else raises ``ValueError``), every *value* is a bound parameter.

Search: three or more characters go through the trigram FTS5 tables (``MATCH`` with the text
quoted as one FTS string, so ``AND``/``*``/``"`` are literal); one or two characters use
``LIKE '%…%' ESCAPE '\\'`` on the base table with ``%``/``_``/``\\`` escaped. Both find the
text anywhere in the field, case-insensitively for Latin letters.

Names sort by pinyin via ``pinyin_key()`` (ledger/store/collation.py).

``fetch`` returns tuples ``(id, value_1, …, value_n)`` in the order of ``spec.columns``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from ledger.store.database import Store
from ledger.store.register_specs import (  # re-exported: callers import specs from here
    CASES,
    CLAIMS,
    ENTERPRISES,
    IP_RIGHTS,
    KINDS,
    POLICIES,
    REGISTERS,
    SUBSIDIES,
    Column,
    Filter,
    FtsTarget,
    Link,
    RegisterSpec,
    expiring_filter_value,
)
from ledger.validation.regions import region_info

__all__ = [
    "KINDS",
    "Column",
    "Filter",
    "FtsTarget",
    "Link",
    "RegisterSpec",
    "expiring_filter_value",
    "ENTERPRISES",
    "IP_RIGHTS",
    "POLICIES",
    "SUBSIDIES",
    "CLAIMS",
    "CASES",
    "REGISTERS",
    "count", "detail", "district_label", "escape_like", "expiring_policies", "fetch",
    "filter_choices", "fts_string", "order_clause", "policy_years", "tags_label",
]

MIN_FTS_CHARS = 3


def escape_like(text: str) -> str:
    """Escape LIKE wildcards for ``ESCAPE '\\'``."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fts_string(text: str) -> str:
    """Quote ``text`` as one FTS5 string literal (operators and quotes become plain text)."""
    return '"' + text.replace('"', '""') + '"'


def _where(
    spec: RegisterSpec, filters: Mapping[str, Any] | None, search: str | None
) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for key, value in (filters or {}).items():
        if value is None or value == "":
            continue
        flt = spec.filter(key)
        clauses.append(f"({flt.where})")
        params.extend([flt.cast(value)] * flt.where.count("?"))
    text = (search or "").strip()
    if text:
        alternatives: list[str] = []
        if len(text) >= MIN_FTS_CHARS:
            for target in spec.fts:
                alternatives.append(
                    f"{target.key_expr} IN (SELECT rowid FROM {target.table}"
                    f" WHERE {target.table} MATCH ?)"
                )
                params.append(fts_string(text))
            like_exprs = list(spec.like)
        else:
            like_exprs = [e for t in spec.fts for e in t.covers] + list(spec.like)
        pattern = f"%{escape_like(text)}%"
        for expr in like_exprs:
            alternatives.append(f"{expr} LIKE ? ESCAPE '\\'")
            params.append(pattern)
        clauses.append("(" + " OR ".join(alternatives or ["0"]) + ")")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def count(
    store: Store,
    spec: RegisterSpec,
    filters: Mapping[str, Any] | None = None,
    search: str | None = None,
) -> int:
    where, params = _where(spec, filters, search)
    return int(store.scalar(f"SELECT count(*) FROM {spec.from_sql}{where}", params))


def order_clause(spec: RegisterSpec, order_by: str | None, descending: bool) -> str:
    key = order_by or spec.default_order or spec.columns[0].key
    col = spec.column(key)
    if not col.sortable:
        raise ValueError(f"column {key!r} of register {spec.key} is not sortable")
    direction = "DESC" if descending else "ASC"
    expr = f"pinyin_key({col.expr})" if col.pinyin else col.expr
    return f" ORDER BY {expr} {direction}, {spec.id_expr} {direction}"


def fetch(
    store: Store,
    spec: RegisterSpec,
    filters: Mapping[str, Any] | None = None,
    search: str | None = None,
    order_by: str | None = None,
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[tuple]:
    """One page of rows ``(id, *column values)``; values raw (fen, ISO dates, codes, JSON)."""
    where, params = _where(spec, filters, search)
    select = ", ".join([spec.id_expr] + [c.expr for c in spec.columns])
    sql = (
        f"SELECT {select} FROM {spec.from_sql}{where}"
        f"{order_clause(spec, order_by, descending)} LIMIT ? OFFSET ?"
    )
    rows = store.rows(sql, [*params, int(limit), int(offset)])
    return [tuple(r) for r in rows]


def district_label(code: str | None) -> str:
    if not code:
        return ""
    info = region_info(code)
    if info is None:
        return code
    return info.name


def tags_label(value: str | None) -> str:
    try:
        items = json.loads(value or "[]")
    except ValueError:
        return value or ""
    return "、".join(str(t) for t in items) if isinstance(items, list) else str(items)


def filter_choices(store: Store, spec: RegisterSpec) -> dict[str, list[tuple[Any, str]]]:
    """For each filter of the filter bar: the (value, label) pairs present in the data."""
    out: dict[str, list[tuple[Any, str]]] = {}
    for flt in spec.filters:
        rows = store.rows(flt.choices) if flt.choices else []
        if flt.labels == "district":
            pairs = [(r[0], district_label(r[0])) for r in rows]
        else:
            pairs = [(r[0], str(r[1])) for r in rows]
        out[flt.key] = pairs
    return out


def detail(store: Store, spec: RegisterSpec, row_id: int) -> dict[str, Any] | None:
    """``{'fields': [(header, value, kind)], 'links': [(label, count, register)]}`` or None."""
    cols = spec.detail or spec.columns
    select = ", ".join(c.expr for c in cols)
    row = store.one(f"SELECT {select} FROM {spec.from_sql} WHERE {spec.id_expr} = ?", (row_id,))
    if row is None:
        return None
    fields = [(c.header, row[i], c.kind) for i, c in enumerate(cols)]
    links = [(ln.label, int(store.scalar(ln.sql, (row_id,)) or 0), ln.register) for ln in spec.links]
    return {"fields": fields, "links": links}


def expiring_policies(
    store: Store, days: int, *, today: date | None = None, limit: int = 200
) -> list[tuple]:
    """Policies in force whose end date falls in [today, today + days]:
    ``(id, policy_no, enterprise name, product name, end_date, sum_insured_fen)`` by end date."""
    value = expiring_filter_value(days, today)
    where, params = _where(POLICIES, {"expiring": value}, None)
    sql = (
        f"SELECT p.id, p.policy_no, e.name, pd.name, p.end_date, p.sum_insured_fen"
        f" FROM {POLICIES.from_sql}{where} ORDER BY p.end_date, p.id LIMIT ?"
    )
    return [tuple(r) for r in store.rows(sql, [*params, int(limit)])]


def expiring_counts(store: Store, windows: Sequence[int], *, today: date | None = None) -> dict[int, int]:
    """How many policies ``expiring_policies`` would list for each window, without its row limit.

    One pass over the ``policy_end`` index with the register's own 到期区间 filter for the widest
    window; the narrower ones share its start, so each is a sum over the same rows. The register's
    joins are on NOT NULL foreign keys: counting ``policy`` alone gives the rows it shows."""
    today = today or date.today()
    ends = [(today + timedelta(days=int(d))).isoformat() for d in windows]
    where, params = _where(POLICIES, {"expiring": expiring_filter_value(max(windows), today)}, None)
    sums = ", ".join("coalesce(sum(p.end_date <= ?), 0)" for _ in ends)
    sql = f"SELECT {sums} FROM policy p{where}"  # spec SQL and placeholders only
    row = store.one(sql, (*ends, *params))
    return {int(d): int(row[i]) for i, d in enumerate(windows)}


def policy_years(store: Store) -> list[int]:
    """Years in which policies started, newest first (for the dashboard's year selector)."""
    # A skip scan down the policy_start index: one O(log n) probe per year instead of reading
    # every policy (the dashboard asks at every start; 100k policies took ~30 ms).
    years: list[int] = []
    latest = store.scalar("SELECT max(start_date) FROM policy")
    while latest:
        year = int(str(latest)[:4]) if str(latest)[:4].isdigit() else 0
        years.append(year)
        if year <= 0:
            break
        latest = store.scalar("SELECT max(start_date) FROM policy WHERE start_date < ?", (f"{year:04d}",))
    return years
