"""Fill an empty ledger with deterministic, realistic demo data (``ipdesk demo``).

``generate(store, scale='local'|'city'|'national', seed=2022)`` writes users, one programme per
year 2020–2025, enterprises with their IP rights, policies (with co-insurance pools), subsidy
applications in every workflow state with their events, claims with cost items and payments,
and the white paper's nine typical cases linked to records shaped like them.

Everything is planned in memory first and written in ONE ``store.write()`` transaction, so a
cancel (``cancel()`` returning True → ``Refused('已取消')``) or any error leaves nothing behind.
The product catalogue is synchronised first (its own transaction) when the store has none.
The same seed gives the same rows, uuids included; only created_at/updated_at and the audit
log's timestamps differ between runs.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from ledger import catalogue, security
from ledger.demo import identifiers as ids
from ledger.demo import names
from ledger.demo.activity import make_policies, make_subsidies
from ledger.demo.cases import make_cases
from ledger.demo.claims import make_claims
from ledger.demo.plan import (
    LINK_TABLES,
    TABLES,
    TODAY,
    YEARS,
    Ent,
    Plan,
    Right,
    add_years,
    day_in_year,
)
from ledger.errors import Refused
from ledger.store import Store, lookups, records
from ledger.validation.regions import RegionInfo, districts_of

Scale = Literal["local", "city", "national"]


@dataclass(frozen=True)
class ScaleSpec:
    enterprises: int
    ip_rights: int
    policies: int
    subsidy_share: float = 0.62  # of policies (those submitted by TODAY)
    claim_share: float = 0.10


SCALES: dict[str, ScaleSpec] = {
    "local": ScaleSpec(300, 700, 800),
    "city": ScaleSpec(3_000, 6_000, 8_000),
    "national": ScaleSpec(30_000, 50_000, 100_000),
}
WUXI = "3202"
# Province prefixes of the national scale with their weights.
NATIONAL_PROVINCES = (("32", 24), ("33", 16), ("44", 18), ("11", 8), ("31", 8), ("37", 9), ("51", 5),
                      ("34", 5), ("35", 4), ("42", 3))
TAGS = (("中小微", 0.68), ("高新技术企业", 0.38), ("专精特新", 0.14), ("出口型", 0.2),
        ("知识产权示范企业", 0.07), ("单项冠军", 0.015))
BLACKLIST_REASONS = (
    "提供虚假保费发票骗取补贴，已追回补贴并列入失信名单",
    "被列入严重违法失信名单（市场监督管理部门公示）",
    "同一保单重复申报其他部门补贴，已追回并暂停申报资格三年",
)
USERS = (("admin", "系统管理员", "管理员"), ("jingban1", "钱晓东", "经办人"), ("jingban2", "顾雨婷", "经办人"),
         ("shenhe1", "华建国", "审核人"), ("shenhe2", "秦思远", "审核人"), ("caiwu1", "蒋静怡", "财务"),
         ("chakan1", "邹一鸣", "只读"))
_BASE_IP_WEIGHTS = {"发明专利": 34.0, "实用新型": 30.0, "外观设计": 10.0, "商标": 12.0, "软件著作权": 3.0,
                    "著作权": 1.0, "地理标志": 0.2, "植物新品种": 0.3, "集成电路布图设计": 0.5, "商业秘密": 0.5}


@dataclass
class DemoSummary:
    scale: str
    seed: int
    counts: dict[str, int] = field(default_factory=dict)
    elapsed_seconds: float = 0.0


def rules_for_year(year: int) -> str:
    """The TOML rule set of the demo programme of ``year`` (Wuxi, white paper case 4: 50 % of
    the premium paid, half-up to the fen, at most 300,000 yuan per policy)."""
    from ledger.services.programmes import default_demo_rules
    from ledger.subsidy import rules_to_toml

    return rules_to_toml(default_demo_rules(year))


LOGIN_HINT_KEY = "demo_login_hint"
LOGIN_HINT = (f"演示数据库：管理员 admin，经办人 jingban1，审核人 shenhe1，财务 caiwu1，只读 chakan1；"
              f"密码均为 {security.DEMO_PASSWORD}")


def login_hint(store: Store) -> str:
    """The demo accounts line the login dialog shows on a demo database ('' otherwise)."""
    return store.setting(LOGIN_HINT_KEY)


def is_empty(store: Store) -> bool:
    """True when the ledger holds no enterprise yet (demo data may be written)."""
    return records.count(store.conn, "enterprise") == 0


def generate(
    store: Store,
    *,
    scale: Scale = "local",
    seed: int = 2022,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Fill an empty database; refuse one that already has enterprises."""
    if scale not in SCALES:
        raise ValueError(f"unknown demo scale {scale!r}")
    started = time.perf_counter()
    _refuse_non_empty(records.count(store.conn, "enterprise"))
    if records.count(store.conn, "product") == 0:
        from ledger.services.catalogue_sync import sync_catalogue

        sync_catalogue(store)
    summary = DemoSummary(scale, seed)
    with store.write() as conn:
        _refuse_non_empty(records.count(conn, "enterprise"))
        plan = Plan(seed, {t: records.next_id(conn, t) for t in TABLES if t not in LINK_TABLES})
        products = {p.code: p for p in catalogue.load_products()}
        insurers = {i.code: i for i in catalogue.load_insurers()}
        product_ids = records.id_map(conn, "product", "code")
        insurer_ids = records.id_map(conn, "insurer", "code")
        existing_users = set(records.id_map(conn, "app_user", "username"))
        _check_cancel(cancel)
        _build(plan, SCALES[scale], scale, products, insurers, product_ids, insurer_ids, existing_users)
        if progress:
            progress(0.05)
        _write(conn, plan, store.office_id, progress, cancel)
        if plan.rows["app_user"]:
            lookups.set_setting(conn, LOGIN_HINT_KEY, LOGIN_HINT)
    if plan.rows["app_user"]:
        security.set_demo_passwords(store)
    summary.counts = {t: len(plan.rows[t]) for t in TABLES}
    summary.elapsed_seconds = round(time.perf_counter() - started, 2)
    if progress:
        progress(1.0)
    return summary


def _refuse_non_empty(n: int) -> None:
    if n:
        raise Refused(f"数据库中已有 {n} 家企业，演示数据只能写入空数据库")


def _check_cancel(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise Refused("已取消")


def _build(plan: Plan, spec: ScaleSpec, scale: str, products, insurers, product_ids, insurer_ids,
           existing_users: set[str]) -> None:  # type: ignore[no-untyped-def]
    for username, display, role in USERS:
        if username not in existing_users:
            # password_hash stays '' on purpose: the security module sets real passwords
            # (a demo database must be given passwords before it is shared).
            plan.add("app_user", {"username": username, "display_name": display, "role": role,
                                  "password_hash": ""})
    national = scale == "national"
    _programmes(plan, national)
    _enterprises(plan, spec, national)
    _ip_rights(plan, spec)
    make_policies(plan, spec.policies, products, insurers, product_ids, insurer_ids)
    make_subsidies(plan, spec.subsidy_share)
    make_claims(plan, spec.claim_share)
    make_cases(plan, products, insurers, product_ids, insurer_ids)
    _set_budgets(plan)


def _programmes(plan: Plan, national: bool) -> None:
    for year in YEARS:
        name = (f"知识产权保险保费补贴试点（{year}年度）" if national
                else f"无锡市知识产权保险保费补贴试点（{year}年度）")
        current = year == TODAY.year
        plan.programmes[year] = plan.add("programme", {
            "name": name, "year": year, "region_code": "" if national else "320200", "budget_fen": 0,
            "rules_toml": rules_for_year(year), "call_start": f"{year}-01-01",
            "call_end": f"{year + 1}-03-31", "status": "开放" if current else "已结转",
            "closed_at": None if current else f"{year + 1}-12-20T17:00:00",
            "notes": "演示数据：按实缴保费的 50% 资助，每项最高 30 万元",
        })


def _set_budgets(plan: Plan) -> None:
    computed: dict[int, int] = {}
    for row in plan.rows["subsidy_application"]:
        computed[row["programme_id"]] = computed.get(row["programme_id"], 0) + row["computed_fen"]
    for row in plan.rows["programme"]:
        need = computed.get(row["id"], 0) * 5 // 4
        row["budget_fen"] = max(100_000_000, -(-need // 10_000_000) * 10_000_000)


def _regions(national: bool) -> list[tuple[RegionInfo, float]]:
    if not national:
        heavy = {"320214": 3.0, "320281": 2.5, "320282": 1.5, "320211": 1.5}
        return [(r, heavy.get(r.code, 1.0)) for r in districts_of(WUXI)]
    out: list[tuple[RegionInfo, float]] = []
    for prefix, weight in NATIONAL_PROVINCES:
        districts = districts_of(prefix)
        out += [(r, weight / len(districts)) for r in districts]
    return out


def _city_of(region: RegionInfo, rng) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """(short name for enterprise names, full city name) of a county-level region."""
    if region.prefecture is None:
        full = region.province or region.name
    else:
        full = region.prefecture
    if region.name.endswith("市") and rng.random() < 0.7:  # county-level city: 江阴XX科技
        return region.name.removesuffix("市"), full
    return full.removesuffix("市"), full


def _enterprises(plan: Plan, spec: ScaleSpec, national: bool) -> None:
    rng = plan.rng
    regions = _regions(national)
    seen_names: set[str] = set()
    seen_codes: set[str] = set()
    blacklisted = set(rng.sample(range(spec.enterprises), max(2, round(spec.enterprises * 0.008))))
    for i in range(spec.enterprises):
        region = names.pick_weighted(rng, regions)
        industry = names.pick_weighted(rng, names.INDUSTRIES)
        city, city_full = _city_of(region, rng)
        name, brand = names.enterprise_name(rng, city, industry, seen_names)
        tags = [t for t, p in TAGS if rng.random() < (p * 1.5 if national and t == "出口型" else p)]
        if "单项冠军" in tags and "中小微" in tags:
            tags.remove("中小微")
        bank_kind, bank_name = names.bank(rng, city_full.removesuffix("市"), region.name)
        black = i in blacklisted
        ent_id = plan.add("enterprise", {
            "name": name, "uscc": ids.uscc(rng, region.code, seen_codes, modern=rng.random() < 0.72),
            "uscc_override_reason": "", "district_code": region.code, "industry": industry.label,
            "tags": json.dumps(tags, ensure_ascii=False), "contact_person": names.person_name(rng),
            "contact_phone": ids.mobile(rng), "address": names.address(rng, region.full_name, not national),
            "bank_name": bank_name, "bank_account": ids.bank_account(rng, bank_kind, seen_codes),
            "blacklisted": int(black), "blacklist_reason": rng.choice(BLACKLIST_REASONS) if black else "",
            "notes": "",
        })
        plan.enterprises.append(Ent(ent_id, name, region.code, city, city_full, region.province or "",
                                    industry, brand, tuple(tags), black))
    plan.seen_codes = seen_codes  # type: ignore[attr-defined]


def _ip_rights(plan: Plan, spec: ScaleSpec) -> None:
    rng = plan.rng
    owners = list(range(len(plan.enterprises)))
    owners += rng.choices(owners, k=max(0, spec.ip_rights - len(owners)))
    seen: set[str] = set()
    for index in owners:
        ent = plan.enterprises[index]
        weights = dict(_BASE_IP_WEIGHTS)
        for ip_type, extra in ent.industry.ip_weights:
            weights[ip_type] += extra * 10
        first = not ent.rights
        ip_type = names.pick_weighted(rng, list(weights.items()))
        if first and ip_type == "商业秘密":
            ip_type = "发明专利"
        add_ip_right(plan, ent, ip_type, seen, granted=first)


def add_ip_right(plan: Plan, ent: Ent, ip_type: str, seen: set[str], *, granted: bool = False,
                 number: str | None = None, title: str | None = None, filing: date | None = None) -> int:
    """Plan one IP right with dates and status consistent with its type; return its id."""
    rng = plan.rng
    if filing is None:
        year = min(2024, int(rng.triangular(2008, 2025, 2022)))
        filing = day_in_year(rng, year)
    year = filing.year
    nice = None
    lag = {"发明专利": (500, 1300), "实用新型": (150, 380), "外观设计": (100, 300), "商标": (250, 540),
           "植物新品种": (700, 1400), "集成电路布图设计": (60, 200), "软件著作权": (20, 90),
           "著作权": (20, 60), "地理标志": (200, 500)}.get(ip_type)
    grant = filing + timedelta(days=rng.randrange(*lag)) if lag else None
    if granted and grant is not None and grant > TODAY - timedelta(days=400):
        filing, grant = filing - timedelta(days=800), grant - timedelta(days=800)
        year = filing.year
    if ip_type in ids.PATENT_TYPE_DIGIT:
        number = number or ids.patent_number(rng, ip_type, year, seen)
        term = {"发明专利": 20, "实用新型": 10}.get(ip_type, 15 if filing >= date(2021, 6, 1) else 10)
        expiry = add_years(filing, term) - timedelta(days=1)  # term counted from the filing date
    elif ip_type == "商标":
        nice = rng.choice(ent.industry.nice)
        number = number or ids.trademark_number(rng, year, seen, madrid=rng.random() < 0.03)
        expiry = add_years(grant, 10) - timedelta(days=1)  # type: ignore[arg-type]
        while expiry < TODAY:  # renewed every ten years
            expiry = add_years(expiry, 10)
    elif ip_type == "植物新品种":
        number = number or ids.plant_variety_number(rng, year, seen)
        expiry = add_years(grant, 15) - timedelta(days=1)  # type: ignore[arg-type]
    elif ip_type == "集成电路布图设计":
        number = number or ids.ic_layout_number(rng, year, seen)
        expiry = add_years(filing, 10) - timedelta(days=1)
    elif ip_type in ("软件著作权", "著作权"):
        make = ids.software_copyright_number if ip_type == "软件著作权" else ids.copyright_number
        number = number or make(rng, grant.year, seen)  # type: ignore[union-attr]
        expiry = date(year + 50, 12, 31)
    elif ip_type == "地理标志":
        number = number or ids.gi_number(rng, seen)
        expiry = None
    else:
        number = number or ids.trade_secret_number(rng, year, seen)
        expiry = None
    status = "有效"
    if grant is not None and grant > TODAY:
        status, grant, expiry = "审查中", None, None
    elif expiry is not None and expiry < TODAY:
        status = "失效"
    elif not granted:
        status = names.pick_weighted(rng, (("有效", 95), ("失效", 2), ("无效宣告中", 2), ("已转让", 1)))
    high = ip_type == "发明专利" and status == "有效" and rng.random() < 0.25
    title = title or names.ip_title(rng, ip_type, ent.industry, ent.brand)
    right_id = plan.add("ip_right", {
        "enterprise_id": ent.id, "ip_type": ip_type, "number": number, "nice_class": nice, "title": title,
        "owner_name": ent.name, "filing_date": filing.isoformat(),
        "grant_date": grant.isoformat() if grant else None,
        "expiry_date": expiry.isoformat() if expiry else None, "status": status, "high_value": int(high),
        "number_override_reason": "", "notes": "高价值专利" if high else "",
    })
    ent.rights.append(Right(right_id, ip_type, title, grant, status))
    return right_id


def _write(conn, plan: Plan, office: str, progress, cancel) -> None:  # type: ignore[no-untyped-def]
    total = sum(len(plan.rows[t]) for t in TABLES) or 1
    done = 0
    chunk = 4000
    for table in TABLES:
        rows = plan.rows[table]
        for start in range(0, len(rows), chunk):
            _check_cancel(cancel)
            part = rows[start:start + chunk]
            # insert_many wants one key set per call: split the chunk into runs of equal keys
            run: list[dict] = []
            for row in part:
                if run and list(row) != list(run[0]):
                    records.insert_many(conn, table, run, office=office, link=table in LINK_TABLES)
                    run = []
                run.append(row)
            records.insert_many(conn, table, run, office=office, link=table in LINK_TABLES)
            done += len(part)
            if progress:
                progress(0.05 + 0.94 * done / total)
    _check_cancel(cancel)


__all__ = ["SCALES", "DemoSummary", "generate", "rules_for_year"]
