"""The statistics service: the single source of every figure in dashboards, reports and exports.

``compute(store, year=…, programme_id=…, office=…)`` returns a JSON-ready dict (``compute_years``
gives the same dicts for several years plus the all-years trend from one read of the facts). Money
stays integer fen; ratios are integer basis points (``*_bp``) with ``loss_ratio`` as a decimal
string (e.g. "0.1234") for readers of the JSON. Loss ratio (赔付率) = claims paid ÷ premium, on the
policies' underwriting year, rounded half-up to the basis point. Co-insured figures per insurer
are weighted by share and rounded half-up to the fen once, at the end.

The fact rows are read once (ledger/store/stats_queries.py) and folded here in one pass.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ledger.errors import LedgerError
from ledger.money import ratio_bp_of
from ledger.store import Store
from ledger.store import stats_queries as q
from ledger.store.audit import now_text
from ledger.validation import region_name

IP_TYPE_ORDER = ("发明专利", "实用新型", "外观设计", "商标", "著作权", "软件著作权", "地理标志",
                 "植物新品种", "集成电路布图设计", "商业秘密")
APPROVED = frozenset(q.APPROVED_STATES)


@dataclass
class _Policies:
    """Running totals for one group of policies."""

    policies: int = 0
    enterprises: set[int] = field(default_factory=set)
    sum_insured: int = 0
    premium: int = 0
    claims: int = 0
    paid: int = 0

    def add(self, enterprise: int, sum_insured: int, premium: int, claims: int, paid: int) -> None:
        self.policies += 1
        self.enterprises.add(enterprise)
        self.sum_insured += sum_insured
        self.premium += premium
        self.claims += claims
        self.paid += paid

    def figures(self) -> dict[str, Any]:
        return {
            "policies": self.policies,
            "enterprises": len(self.enterprises),
            "sum_insured_fen": self.sum_insured,
            "premium_fen": self.premium,
            "claims": self.claims,
            "claims_paid_fen": self.paid,
            "loss_ratio_bp": ratio_bp_of(self.paid, self.premium),
        }


def _half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def loss_ratio_text(bp: int | None) -> str | None:
    return None if bp is None else str((Decimal(bp) / 10000).quantize(Decimal("0.0001")))


class _Fold:
    """One pass over the fact rows, keeping every breakdown the report and dashboard need."""

    def __init__(self) -> None:
        self.total = _Policies()
        self.by_year: dict[int, _Policies] = defaultdict(_Policies)
        self.by_district: dict[str, _Policies] = defaultdict(_Policies)
        self.by_product: dict[int, _Policies] = defaultdict(_Policies)
        self.by_office: dict[str, _Policies] = defaultdict(_Policies)
        self.policy: dict[int, tuple[int, int, int]] = {}  # id → (sum insured, premium, paid)
        self.policy_year: dict[int, int] = {}

    def policies(self, rows) -> None:
        for row in rows:
            self.add(row)

    def add(self, row: tuple) -> None:
        pid, ent, district, product, year, insured, premium, claims, paid, office = row
        args = (ent, insured, premium, claims, paid)
        self.total.add(*args)
        self.by_year[year].add(*args)
        self.by_district[district].add(*args)
        self.by_product[product].add(*args)
        self.by_office[office].add(*args)
        self.policy[pid] = (insured, premium, paid)
        self.policy_year[pid] = year


def _insurer_rows(fold: _Fold, shares, insurers: dict[int, Any]) -> list[dict[str, Any]]:
    acc: dict[int, list] = defaultdict(lambda: [0, 0, 0, 0, 0])  # policies, lead, insured×bp, premium×bp, paid×bp
    for pid, insurer, share, lead in shares:
        insured, premium, paid = fold.policy[pid]
        row = acc[insurer]
        row[0] += 1
        row[1] += lead
        row[2] += insured * share
        row[3] += premium * share
        row[4] += paid * share
    out = []
    for insurer, (policies, lead, insured_x, premium_x, paid_x) in acc.items():
        info = insurers[insurer]
        premium, paid = _half_up(Decimal(premium_x) / 10000), _half_up(Decimal(paid_x) / 10000)
        out.append({
            "insurer_code": info["code"], "insurer_name": info["full_name"], "short_name": info["short_name"],
            "policies": policies, "lead_policies": lead,
            "sum_insured_fen": _half_up(Decimal(insured_x) / 10000), "premium_fen": premium,
            "claims_paid_fen": paid, "loss_ratio_bp": ratio_bp_of(paid, premium),
            "_premium_x": premium_x,
        })
    out.sort(key=lambda r: -r.pop("_premium_x"))
    return out


def _rights(fold: _Fold, links) -> tuple[set[int], dict[int, set[int]], dict[str, dict[str, Any]]]:
    covered: set[int] = set()
    by_year: dict[int, set[int]] = defaultdict(set)
    by_type: dict[str, dict[str, Any]] = defaultdict(lambda: {"rights": set(), "owners": set(), "policies": set()})
    for pid, right, ip_type, owner in links:
        covered.add(right)
        by_year[fold.policy_year[pid]].add(right)
        entry = by_type[ip_type]
        entry["rights"].add(right)
        entry["owners"].add(owner)
        entry["policies"].add(pid)
    return covered, by_year, by_type


@dataclass
class _Subsidies:
    applications: int = 0
    approved: int = 0
    committed: int = 0
    paid: int = 0
    recovered: int = 0
    by_state: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_year: dict[int, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    by_district: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_office: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def fold(self, rows) -> None:
        for state, approved, paid, recovered, year, district, office in rows:
            self.applications += 1
            self.by_state[state] += 1
            self.paid += paid
            self.recovered += recovered
            self.by_year[year][1] += paid
            if state in APPROVED:
                self.approved += approved
                self.by_year[year][0] += approved
                self.by_district[district] += approved
                self.by_office[office] += approved
            if state == "批准":
                self.committed += approved - paid


def _budget(allocated: int | None, s: _Subsidies) -> dict[str, Any] | None:
    if allocated is None:
        return None
    return {
        "allocated_fen": allocated,
        "committed_fen": s.committed,
        "paid_fen": s.paid,
        "recovered_fen": s.recovered,
        "remaining_fen": allocated - s.committed - s.paid + s.recovered,
        "used_bp": ratio_bp_of(s.committed + s.paid - s.recovered, allocated) if allocated else None,
    }


def compute(
    store: Store, *, year: int | None = None, programme_id: int | None = None, office: str | None = None
) -> dict[str, Any]:
    """All figures for one scope (a year, a programme, an office, or everything)."""
    conn = store.conn
    scope = q.Scope(year=year, programme_id=programme_id, office=office)
    fold = _Fold()
    fold.policies(q.policy_facts(conn, scope))
    links = q.covered_rights(conn, scope)
    subsidy = _Subsidies()
    subsidy.fold(q.subsidy_facts(conn, scope))
    trend = subsidy if year is None else _Subsidies()
    if year is not None:  # the by-year rows show subsidies of every programme year in scope
        trend.fold(q.subsidy_facts(conn, q.Scope(programme_id=programme_id, office=office)))
    return _result(conn, scope, fold, links, subsidy, trend)


def compute_years(
    store: Store, *, years: Iterable[int], programme_id: int | None = None, office: str | None = None
) -> dict[str, Any]:
    """``compute(year=y)`` for each of ``years`` and the all-years trend ``compute()["by_year"]``.

    Returns ``{"years": {y: figures}, "by_year": [...]}``: each ``figures`` equals
    ``compute(store, year=y, …)`` and ``by_year`` equals ``compute(store, …)["by_year"]`` (same
    programme/office scope). The trend comes from per-year aggregates instead of a second fold of
    every fact of every year (the annual report needs its year in full and only the trend before it).
    """
    conn = store.conn
    base = q.Scope(programme_id=programme_id, office=office)
    rights = q.rights_trend(conn, base)
    subsidies = q.subsidy_trend(conn, base)
    by_year = []
    for y, policies, enterprises, insured, premium, claims, paid in q.policy_trend(conn, base):
        approved_paid = subsidies.get(y, (0, 0))
        by_year.append({"year": y, "policies": policies, "enterprises": enterprises, "sum_insured_fen": insured,
                        "premium_fen": premium, "claims": claims, "claims_paid_fen": paid,
                        "loss_ratio_bp": ratio_bp_of(paid, premium), "ip_rights": rights.get(y, 0),
                        "subsidy_approved_fen": approved_paid[0], "subsidy_paid_fen": approved_paid[1]})
    out = {}
    for y in sorted(set(years)):
        scope = q.Scope(year=y, programme_id=programme_id, office=office)
        fold = _Fold()
        fold.policies(q.policy_facts(conn, scope))
        subsidy = _Subsidies()
        subsidy.fold(q.subsidy_facts(conn, scope))
        out[y] = _result(conn, scope, fold, q.covered_rights(conn, scope), subsidy,
                         [r for r in by_year if r["year"] in fold.by_year])
    return {"years": out, "by_year": by_year}


def _year_row(year: int, acc: _Policies, rights_by_year: dict[int, set[int]], trend: _Subsidies) -> dict[str, Any]:
    return {"year": year, **acc.figures(), "ip_rights": len(rights_by_year.get(year, ())),
            "subsidy_approved_fen": trend.by_year[year][0] if year in trend.by_year else 0,
            "subsidy_paid_fen": trend.by_year[year][1] if year in trend.by_year else 0}


def _result(conn: Any, scope: q.Scope, fold: _Fold, links: Iterable[tuple], subsidy: _Subsidies,
            trend: _Subsidies | list[dict[str, Any]]) -> dict[str, Any]:
    """The figures dict of one scope from its folded facts; ``trend``: the subsidies of every
    programme year in scope (for the by-year rows), or the by-year rows themselves."""
    covered, rights_by_year, by_type = _rights(fold, links)
    products = q.products(conn)
    total = fold.total.figures()
    result: dict[str, Any] = {
        "scope": {"year": scope.year, "programme_id": scope.programme_id, "office": scope.office},
        "enterprises": total["enterprises"],
        "ip_rights": len(covered),
        "ip_rights_by_type": {t: len(by_type[t]["rights"]) for t in IP_TYPE_ORDER if t in by_type},
        "policies": total["policies"],
        "sum_insured_fen": total["sum_insured_fen"],
        "premium_fen": total["premium_fen"],
        "subsidy_applications": subsidy.applications,
        "subsidy_approved_fen": subsidy.approved,
        "subsidy_paid_fen": subsidy.paid,
        "subsidy_recovered_fen": subsidy.recovered,
        "subsidy_by_state": dict(subsidy.by_state),
        "claims": total["claims"],
        "claims_paid_fen": total["claims_paid_fen"],
        "loss_ratio_bp": total["loss_ratio_bp"],
        "loss_ratio": loss_ratio_text(total["loss_ratio_bp"]),
        "budget": _budget(q.budget_allocated(conn, scope), subsidy),
        "by_year": trend if isinstance(trend, list) else [_year_row(y, fold.by_year[y], rights_by_year, trend)
                                                          for y in sorted(fold.by_year)],
        "by_district": [
            {"district_code": d, "district_name": region_name(d) or d, **fold.by_district[d].figures(),
             "subsidy_approved_fen": subsidy.by_district.get(d, 0)}
            for d in sorted(fold.by_district)
        ],
        "by_office": _by_office(conn, fold, subsidy),
        "by_product": sorted(
            ({"product_code": products[p]["code"], "product_name": products[p]["name"],
              "liability_class": products[p]["liability_class"], "subject": products[p]["subject"],
              "function_class": products[p]["function_class"], "insurance_type": products[p]["insurance_type"],
              **acc.figures()} for p, acc in fold.by_product.items()),
            key=lambda r: (-r["premium_fen"], r["product_code"])),
        "by_insurer": _insurer_rows(fold, q.insurer_shares(conn, scope), q.insurers(conn)),
        "by_ip_type": [
            {"ip_type": t, "ip_rights": len(by_type[t]["rights"]), "enterprises": len(by_type[t]["owners"]),
             "sum_insured_fen": sum(fold.policy[p][0] for p in by_type[t]["policies"])}
            for t in IP_TYPE_ORDER if t in by_type
        ],
    }
    return result


def _by_office(conn: Any, fold: _Fold, subsidy: _Subsidies) -> list[dict[str, Any]]:
    """Figures per origin office; names from the exchange registry (unknown ids shown as such)."""
    names = q.office_names(conn)
    rows = []
    for office in sorted(fold.by_office):
        code, name = names.get(office, ("", ""))
        rows.append({"office_id": office, "office_code": code,
                     "office_name": name or (f"未登记办公室 {office[:8]}" if office else "未标注来源"),
                     **fold.by_office[office].figures(), "subsidy_approved_fen": subsidy.by_office.get(office, 0)})
    return rows


def compute_cached(
    store: Store, *, year: int | None = None, programme_id: int | None = None, office: str | None = None
) -> dict[str, Any]:
    """:func:`compute`, remembered in the database until the next write (for the dashboard).

    A national ledger takes seconds to fold; the dashboard asks for the same scope at every
    start-up. The cached figures are exactly ``compute``'s, keyed by the audit-log position, so
    any write makes them stale. A read-only ledger computes without storing.
    """
    conn = store.conn
    key = json.dumps({"year": year, "programme_id": programme_id, "office": office}, sort_keys=True)
    version = q.data_version(conn)
    cached = q.cached_figures(conn, key, version)
    if cached is not None:
        return json.loads(cached)
    figures = compute(store, year=year, programme_id=programme_id, office=office)
    if not store.readonly:
        text = json.dumps(figures, ensure_ascii=False)
        try:
            with store.write() as wconn:
                if q.data_version(wconn) == version:  # nothing was written meanwhile
                    q.store_figures(wconn, key, version, text, now_text())
        except LedgerError:
            pass  # busy or read-only: the figures are still right, just not remembered
    return json.loads(json.dumps(figures))  # the same JSON types as a cached answer
