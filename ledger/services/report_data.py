"""What the report builders are fed: every figure from ``ledger.stats``, names and lists from the store.

* ``annual_report_inputs(store, year, programme_id=None)`` → the statistics dict of the year plus
  ``year``, ``by_year`` (trend up to the year), ``bureau_name``, ``programme``, ``title``, ``cases``,
  ``enterprise_list`` and ``policy_list`` (keys of ``reports.annual_report.AnnualReportData``).
* ``case_inputs(store, case_id)`` / ``cases_of_year(store, year)`` → dicts with the fields of
  ``reports.case_report.CaseData``; empty text fields are filled from the linked records.
* ``finance_inputs(store, year, programme_id=None, batch=None)`` → payment rows (fields of
  ``reports.finance_workbook.PaymentRow``), district/product summaries and the budget.
* registers: ``ledger.services.report_registers.register_sheets(store)``.
* ``record_export(store, kind, path, **detail)`` → one EXPORT row in the audit chain.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

from ledger import stats
from ledger.errors import NotFound
from ledger.money import ratio_bp_of
from ledger.store import Store
from ledger.store import report_sql as q
from ledger.store.audit import log_event
from ledger.store.collation import sort_key as pinyin_sort_key
from ledger.store.stats_queries import Scope
from ledger.validation import region_info, region_name

DEFAULT_BUREAU = "知识产权保险试点工作办公室"
BUREAU_SETTING = "bureau_name"
_YEAR_SUFFIX = re.compile(r"[（(]\s*\d{4}\s*年度?\s*[）)]\s*$")
_RATIO_IN_TEXT = re.compile(r"[×xX*]\s*(\d{1,3}(?:\.\d{1,2})?)\s*%")


# -- names ------------------------------------------------------------------------------------------
def _region_short(code: str) -> str:
    info = region_info(code) if code else None
    return info.name if info else ""


def bureau_name(store: Store, programme_id: int | None = None) -> str:
    """app_setting 'bureau_name', else the programme region's name + 知识产权局."""
    name = (q.setting(store.conn, BUREAU_SETTING) or "").strip()
    if name:
        return name
    codes: list[str] = []
    if programme_id is not None:
        row = q.programme(store.conn, programme_id)
        if row is not None and row["region_code"]:
            codes.append(row["region_code"])
    codes += q.region_codes_in_use(store.conn)
    region = next((_region_short(c) for c in codes if _region_short(c)), "")
    return f"{region}知识产权局" if region else DEFAULT_BUREAU


def _pilot_label(store: Store, year: int, programme_id: int | None) -> tuple[str, str]:
    """(name used in the prose, report title)."""
    if programme_id is not None:
        row = q.programme(store.conn, programme_id)
        if row is None:
            raise NotFound(f"试点项目 #{programme_id} 不存在")
        label = _YEAR_SUFFIX.sub("", row["name"]).strip() or row["name"]
        base = label.removesuffix("工作")
        return label, f"{base}工作年度报告（{year}）"
    codes = [r["region_code"] for r in q.programmes_of_year(store.conn, year) if r["region_code"]]
    codes = codes or q.region_codes_in_use(store.conn)
    region = next((_region_short(c) for c in codes if _region_short(c)), "")
    label = f"{region}知识产权保险试点"
    return label, f"{label}工作年度报告（{year}）"


# -- co-insurance text ------------------------------------------------------------------------------
def _share_text(bp: int) -> str:
    whole, frac = divmod(bp, 100)
    return f"{whole}%" if not frac else f"{whole}.{frac:02d}".rstrip("0") + "%"


def insurer_text(packed: str | None, *, full: bool = False) -> str:
    """'人保财险^中国人民…^6000|平安产险^…^4000' → '人保财险 60%、平安产险 40%' (one insurer: its name)."""
    parts = [p.split("^") for p in (packed or "").split("|") if p]
    if len(parts) == 1:
        short, long_, _ = parts[0]
        return long_ if full or not short else short
    return "、".join(f"{(long_ if full or not short else short)} {_share_text(int(bp))}"
                     for short, long_, bp in parts)


# -- annual report ----------------------------------------------------------------------------------
# Appendix lists are printed in full up to APPENDIX_FULL_MAX rows (a city-scale year); a longer
# list (a national ledger: ~20k policies a year) would be a book, not a report: then only the
# APPENDIX_TOP largest rows are printed and one row sums the rest (the registers export has all).
APPENDIX_FULL_MAX = 1500
APPENDIX_TOP = 100


def _home_prefix(store: Store, year: int, programme_id: int | None) -> str:
    """Region code prefix of the pilot ('3202' for 无锡市), '' when nationwide or unknown."""
    rows = [q.programme(store.conn, programme_id)] if programme_id is not None else []
    rows = [r for r in rows if r is not None] or q.programmes_of_year(store.conn, year)
    codes = {r["region_code"] for r in rows if r["region_code"]}
    if len(codes) != 1:
        return ""
    code = codes.pop()
    while code.endswith("00"):
        code = code[:-2]
    return code


def district_label(code: str, home_prefix: str = "") -> str:
    """'新吴区' inside the pilot's own region, '江苏省无锡市新吴区' elsewhere."""
    info = region_info(code) if code else None
    if info is None:
        return code or "未知区域"
    if home_prefix and code.startswith(home_prefix) and code != home_prefix.ljust(6, "0"):
        return info.name
    return info.full_name


def _cap(rows: list[dict[str, Any]], limit: int | None, size_key: str, rest: dict[str, Any],
         sums: Sequence[str]) -> list[dict[str, Any]]:
    """The ``limit`` largest rows (by ``size_key``, original order kept) plus one row summing the rest."""
    if limit is None:
        limit = APPENDIX_TOP if len(rows) > APPENDIX_FULL_MAX else len(rows)
    if len(rows) <= limit:
        return rows
    keep = set(sorted(range(len(rows)), key=lambda i: (-int(rows[i][size_key] or 0), i))[:limit])
    omitted = [r for i, r in enumerate(rows) if i not in keep]
    tail = {**rest, **{k: sum(int(r[k] or 0) for r in omitted) for k in sums}}
    for k, v in tail.items():
        if isinstance(v, str):
            tail[k] = v.format(n=f"{len(omitted):,}")
    return [r for i, r in enumerate(rows) if i in keep] + [tail]


def _pinyin_order(rows: list[Any], limit: int | None) -> list[Any]:
    """Enterprise rows in the appendix order — district code, then name in pinyin order — as far as
    ``_cap`` needs it: the rows it keeps (the largest by policies, ties in that order) come first in
    that order, the others follow unordered. Pinyin keys are computed for the kept rows and for
    the one (policies, district) group tied at the cut, not for a national list of every enterprise.
    """
    if limit is None:
        limit = APPENDIX_TOP if len(rows) > APPENDIX_FULL_MAX else len(rows)

    def fine(r: Any) -> tuple[str, str]:
        return (r["district_code"] or "", pinyin_sort_key(r["name"]))

    if len(rows) <= limit:
        return sorted(rows, key=fine)

    def coarse(r: Any) -> tuple[int, str]:
        return (-int(r["policies"] or 0), r["district_code"] or "")

    by_size = sorted(rows, key=coarse)
    edge = coarse(by_size[limit - 1])
    head = [r for r in by_size if coarse(r) < edge]
    tied = sorted((r for r in by_size if coarse(r) == edge), key=fine)
    kept = head + tied[:limit - len(head)]
    ids = {id(r) for r in kept}
    return sorted(kept, key=fine) + [r for r in rows if id(r) not in ids]


def annual_report_inputs(store: Store, year: int, programme_id: int | None = None, *,
                         appendix_limit: int | None = None) -> dict[str, Any]:
    """Everything ``AnnualReportData.from_stats`` needs for ``year`` (figures from ``ledger.stats``).

    Appendix lists: ``appendix_limit`` rows at most (None: the APPENDIX_FULL_MAX/APPENDIX_TOP
    rule); a capped list keeps its largest rows and ends with one row summing the omitted ones.
    """
    label, title = _pilot_label(store, year, programme_id)
    both = stats.compute_years(store, years=(year,), programme_id=programme_id)  # one read of the facts
    figures, trend = both["years"][year], both["by_year"]
    conn = store.conn
    scope = Scope(year=year, programme_id=programme_id)
    home = _home_prefix(store, year, programme_id)
    by_district = [{**r, "district_name": district_label(r["district_code"], home)}
                   for r in figures["by_district"]]
    # Only the printed rows are ordered by pinyin, labelled and given their insurers.
    rows = _pinyin_order(q.enterprise_list(conn, scope, ordered=False), appendix_limit)
    enterprises = _cap([dict(r) for r in rows], appendix_limit, "policies",
                       {"name": "其余 {n} 家企业合计（从略，见企业台账）", "uscc": "", "district_name": ""},
                       ("ip_rights", "policies"))
    enterprises = [r if "district_name" in r else
                   {"name": r["name"], "uscc": r["uscc"], "district_name": district_label(r["district_code"], home),
                    "ip_rights": r["ip_rights"], "policies": r["policies"]} for r in enterprises]
    policies = _cap([dict(r) for r in q.policy_list(conn, scope, insurers=False)], appendix_limit,
                    "sum_insured_fen",
                    {"policy_no": "其余 {n} 件", "enterprise_name": "合计（从略，见保单台账）",
                     "product_name": "", "insurer_name": "", "insurer_short_name": "", "start_date": "",
                     "end_date": ""},
                    ("sum_insured_fen", "premium_fen", "subsidy_approved_fen"))
    packed = q.policy_insurers(conn, [r["policy_id"] for r in policies if "policy_id" in r])
    policies = [r if "policy_id" not in r else
                {"policy_no": r["policy_no"], "enterprise_name": r["enterprise_name"],
                 "product_name": r["product_name"], "insurer_name": insurer_text(packed[r["policy_id"]], full=True),
                 "insurer_short_name": insurer_text(packed[r["policy_id"]]), "start_date": r["start_date"],
                 "end_date": r["end_date"], "sum_insured_fen": r["sum_insured_fen"],
                 "premium_fen": r["premium_fen"], "subsidy_approved_fen": r["subsidy_approved_fen"]}
                for r in policies]
    return {
        **figures,
        "by_district": by_district,
        "year": year,
        "by_year": [r for r in trend if int(r["year"]) <= year],
        "bureau_name": bureau_name(store, programme_id),
        "programme": label,
        "title": title,
        "cases": cases_of_year(store, year),
        "enterprise_list": enterprises,
        "policy_list": policies,
    }


# -- typical cases ----------------------------------------------------------------------------------
def _ip_types_text(types: Iterable[str]) -> str:
    order = {t: i for i, t in enumerate(stats.IP_TYPE_ORDER)}
    return "、".join(sorted(set(types), key=lambda t: order.get(t, 99)))


def _case_dict(store: Store, row: Any) -> dict[str, Any]:
    conn = store.conn

    def text(key: str) -> str:
        return (row[key] or "").strip()

    policy_id, ent_id = row["linked_policy_id"], row["linked_enterprise_id"]
    region = text("region")
    if not region and row["enterprise_district"]:
        region = region_name(row["enterprise_district"]) or ""
    ip_types = text("ip_types_text")
    if not ip_types and policy_id is not None:
        ip_types = _ip_types_text(q.policy_ip_types(conn, policy_id))
    if not ip_types and ent_id is not None:
        ip_types = _ip_types_text(q.enterprise_ip_types(conn, ent_id))
    insurers = text("insurers_text")
    if not insurers and policy_id is not None:
        insurers = "、".join(q.policy_insurer_names(conn, policy_id))
    return {
        "number": int(row["number"]),
        "title": text("title"),
        "region": region,
        "parties": text("parties") or (row["enterprise_name"] or ""),
        "product": text("product_text") or (row["linked_product_name"] or ""),
        "clause_type": text("clause_type"),
        "ip_types": ip_types,
        "insurers": insurers,
        "background": row["background"] or "",
        "innovation": row["innovation"] or "",
        "effect": row["effect"] or "",
    }


def case_inputs(store: Store, case_id: int) -> dict[str, Any]:
    row = q.case_row(store.conn, case_id)
    if row is None:
        raise NotFound(f"典型案例 #{case_id} 不存在")
    return _case_dict(store, row)


def cases_of_year(store: Store, year: int) -> list[dict[str, Any]]:
    return [_case_dict(store, r) for r in q.case_rows_of_year(store.conn, year)]


# -- finance payment list ---------------------------------------------------------------------------
def _source_payment_rows(store: Store, year: int | None, programme_id: int | None,
                         batch: str | None) -> list[dict[str, Any]]:
    """``ledger.services.payments.payment_rows`` when present, else the same shape from report_sql."""
    try:
        payments = importlib.import_module("ledger.services.payments")
    except ImportError:
        payments = None
    fn = getattr(payments, "payment_rows", None)
    if fn is not None:
        return [dict(r) for r in fn(store, programme_id=programme_id, year=year, batch=batch)]
    out = []
    for r in q.payment_rows(store.conn, year=year, programme_id=programme_id, batch=batch):
        d = {k: r[k] for k in r.keys()}  # noqa: SIM118 (Row iterates values)
        d["ratio_bp"] = _ratio_of(d)
        out.append(d)
    return out


def _ratio_of(d: dict[str, Any]) -> int:
    m = _RATIO_IN_TEXT.search(d.get("explanation") or "")
    if m:
        whole, _, frac = m.group(1).partition(".")
        return int(whole) * 100 + int((frac + "00")[:2])
    bp = ratio_bp_of(int(d.get("approved_fen") or 0), int(d.get("premium_paid_fen") or 0))
    return bp or 0


def _first(d: dict[str, Any], *keys: str, default: Any = "") -> Any:
    for k in keys:
        if d.get(k) not in (None, ""):
            return d[k]
    return default


def payment_row_fields(d: dict[str, Any]) -> dict[str, Any]:
    """One payments-service dict → the fields of ``reports.finance_workbook.PaymentRow``."""
    insurers = _first(d, "insurers", "insurer_name", "insurer")
    if isinstance(insurers, (list, tuple)):
        insurers = "、".join(map(str, insurers))
    remark = str(_first(d, "notes", "remark"))
    if d.get("state") == "追回" and int(d.get("recovered_fen") or 0):
        from ledger.money import format_yuan

        remark = "；".join(x for x in (remark, f"已追回 {format_yuan(int(d['recovered_fen']))} 元") if x)
    return {
        "enterprise_name": str(_first(d, "企业名称", "enterprise_name", "enterprise", "name")),
        "uscc": str(_first(d, "USCC", "uscc")),
        "bank_name": str(_first(d, "bank_name")),
        "bank_account": str(_first(d, "bank_account")),
        "policy_no": str(_first(d, "policy_no")),
        "product_name": str(_first(d, "险种", "product_name", "product", "insurance_type")),
        "insurer_name": str(insurers),
        "premium_fen": int(_first(d, "premium_paid_fen", "premium_fen", default=0)),
        # the programme's rules give the ratio; without rules (0) read it from the stored explanation
        "ratio_bp": int(_first(d, "ratio_bp", default=0)) or _ratio_of(d),
        "subsidy_fen": int(_first(d, "approved_fen", "subsidy_fen", default=0)),
        "explanation": str(_first(d, "explanation")),
        "remark": remark,
    }


def _summary(rows: Sequence[dict[str, Any]], key: Any) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for src, fields in rows:
        name = key(src, fields)
        g = groups.setdefault(name, {"name": name, "count": 0, "premium_fen": 0, "subsidy_fen": 0})
        g["count"] += 1
        g["premium_fen"] += fields["premium_fen"]
        g["subsidy_fen"] += fields["subsidy_fen"]
    return sorted(groups.values(), key=lambda g: -g["subsidy_fen"])


def finance_inputs(store: Store, year: int, programme_id: int | None = None,
                   batch: str | None = None) -> dict[str, Any]:
    """Payment rows of the approved applications of ``year`` (programme year), summaries, budget."""
    source = _source_payment_rows(store, year, programme_id, batch)
    pairs = [(d, payment_row_fields(d)) for d in source]
    if not can_view_bank_accounts(store):
        for _, f in pairs:
            f["bank_account"] = _masked(f["bank_account"])
    figures = stats.compute(store, year=year, programme_id=programme_id)
    home = _home_prefix(store, year, programme_id)
    return {
        "title": f"{bureau_name(store, programme_id)}保费补贴资金拨付明细表",
        "year": year,
        "batch": batch,
        "rows": [f for _, f in pairs],
        "summary_by_district": _summary(pairs, lambda d, f: district_label(str(d.get("district_code") or ""),
                                                                          home)),
        "summary_by_product": _summary(pairs, lambda d, f: f["product_name"] or "未分类"),
        "budget": figures.get("budget"),
        "subsidy_approved_fen": figures["subsidy_approved_fen"],
    }


# -- registers --------------------------------------------------------------------------------------
def _security() -> Any:
    """``ledger.security`` when installed (it is optional for older trees: then all is allowed)."""
    try:
        return importlib.import_module("ledger.security")
    except ImportError:
        return None


def can_view_bank_accounts(store: Store) -> bool:
    """``ledger.security.can(store, 'view.bank_account')`` (True when there is no security module)."""
    security = _security()
    can = getattr(security, "can", None)
    return True if can is None else bool(can(store, "view.bank_account"))


def require_export(store: Store) -> None:
    """Raise ``PermissionDenied`` unless the actor may export data (``data.export``)."""
    require = getattr(_security(), "require", None)
    if require is not None:
        require(store, "data.export")


def _masked(account: str) -> str:
    mask = getattr(_security(), "mask_account", None)
    if mask is not None:
        return str(mask(account))
    digits = "".join(ch for ch in account if ch.isdigit())
    return f"**** {digits[-4:]}" if digits else ""


# -- audit ------------------------------------------------------------------------------------------
def record_export(store: Store, kind: str, path: str, **detail: Any) -> None:
    """Append an EXPORT event (what, where, scope, how many rows) to the audit chain."""
    with store.write() as conn:
        log_event(conn, "export", store.office_id, "EXPORT", {"kind": kind, "path": str(path), **detail})
