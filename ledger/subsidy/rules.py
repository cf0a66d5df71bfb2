"""Programme rule sets (one per programme-year) and their consistency check.

A :class:`RuleSet` is pure data: money in integer fen (``*_fen``), ratios in basis
points (``*_bp``, 10000 = 100 %), dates as ISO strings. ``validate_rules`` finds
contradictions and reports them in Chinese with the figures involved.

How the subsidy ratio is chosen (documented here once, used by the engine):

1. A *times-funded index* n is taken from the application according to
   ``times_funded_basis``:
   - ``"enterprise_years"``: n = number of earlier programme years in which the
     enterprise was funded (``ApplicationFacts.times_funded_before``);
   - ``"application_order"``: n = the enterprise's application number in this
     programme minus one (``ApplicationFacts.application_order``; 1st → 0);
   - ``"programme_year"``: n = ``RuleSet.programme_year_index`` − 1 (the same for
     every applicant; for pilots whose ratio falls as the pilot ages).
   A ladder is read at index n; past its end its last value repeats.
2. Tier-specific values: for each enterprise tag that has a ladder in
   ``tier_ratio_ladders`` that ladder's value at n, otherwise its flat
   ``tier_ratios`` value. If any tag gives a value, the **highest** one wins.
3. Otherwise the generic ladder ``ratio_by_times_funded`` at n, otherwise ``ratio_bp``.
4. Every uplift whose condition holds adds its ``add_bp``; the sum is capped at
   ``max_ratio_bp``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ledger.catalogue import INSURANCE_TYPES as CATALOGUE_INSURANCE_TYPES
from ledger.errors import Issue
from ledger.money import format_ratio_bp, format_yuan

# Formatting comes from ledger.money; the short aliases are re-used by the engine.
_yuan = format_yuan
_pct = format_ratio_bp


ENTERPRISE_TAGS: tuple[str, ...] = (
    "单项冠军", "专精特新", "高新技术企业", "中小微", "出口型", "知识产权示范企业",
)

# Insurance-type families come from the product catalogue (products.toml `insurance_type`),
# so the services layer can pass a product's family straight in.
INSURANCE_TYPES = CATALOGUE_INSURANCE_TYPES

UPLIFT_CONDITIONS: dict[str, str] = {
    "high_value_patent": "高价值专利",
    "overseas": "海外市场（境外保单或海外险种）",
    "belt_and_road": "共建“一带一路”市场",
}

TIMES_FUNDED_BASES = ("enterprise_years", "application_order", "programme_year")
ROUNDING_MODES = {"half_up": "四舍五入", "half_even": "银行家舍入", "down": "舍去"}
ROUNDING_UNITS = {"fen": "分", "yuan": "元"}
BUDGET_EXHAUSTION = ("refuse", "partial")
UNIQUE_SCOPES = ("none", "year", "ever")
TYPE_CAP_SCOPES = {"any": "境内外", "domestic": "境内", "overseas": "境外"}
MIN_PREMIUM_BASES = ("enterprise_year", "policy")
CANCELLED_STATUSES = frozenset({"退保", "终止", "cancelled", "terminated", "surrendered"})

TimesFundedBasis = Literal["enterprise_years", "application_order", "programme_year"]
Rounding = Literal["half_up", "half_even", "down"]


def uplift_condition_label(cond: str) -> str:
    if cond.startswith("tag:"):
        return f"企业类型“{cond[4:]}”"
    return UPLIFT_CONDITIONS.get(cond, cond)


@dataclass(frozen=True)
class Uplift:
    """Adds ``add_bp`` when any of ``when_any`` holds; may raise caps while applied.

    Conditions: ``high_value_patent`` (a covered IP right is flagged high-value),
    ``overseas`` (overseas policy), ``belt_and_road``, ``tag:<enterprise tag>``.
    """

    name: str
    when_any: tuple[str, ...]
    add_bp: int
    type_cap_overrides_fen: dict[str, int] = field(default_factory=dict)
    enterprise_year_cap_fen: int | None = None


@dataclass(frozen=True)
class TypeCap:
    """Per enterprise per year cap on the sum granted for a group of insurance types.

    An application falls in the **first** group whose ``types`` contain its
    insurance type (``"*"`` = any type) and whose ``scope`` matches
    (``any`` / ``domestic`` / ``overseas``).
    """

    name: str
    types: tuple[str, ...]
    cap_fen: int
    scope: str = "any"

    def matches(self, insurance_type: str, overseas: bool) -> bool:
        if self.scope == "domestic" and overseas:
            return False
        if self.scope == "overseas" and not overseas:
            return False
        return "*" in self.types or insurance_type in self.types


@dataclass(frozen=True)
class RuleSet:
    name: str
    year: int
    region: str = ""
    source: str = ""
    notes: str = ""
    programme_year_index: int = 1
    # ratio
    ratio_bp: int = 5000
    max_ratio_bp: int = 10000
    tier_ratios: dict[str, int] = field(default_factory=dict)
    ratio_by_times_funded: tuple[int, ...] = ()
    tier_ratio_ladders: dict[str, tuple[int, ...]] = field(default_factory=dict)
    times_funded_basis: TimesFundedBasis = "enterprise_years"
    uplifts: tuple[Uplift, ...] = ()
    # caps (None = no cap)
    cap_per_policy_fen: int | None = None
    cap_per_policy_by_times_funded_fen: tuple[int, ...] = ()
    cap_per_ip_right_fen: int | None = None
    cap_per_enterprise_year_fen: int | None = None
    cap_per_enterprise_year_by_tier_fen: dict[str, int] = field(default_factory=dict)
    insurance_type_caps: tuple[TypeCap, ...] = ()
    cap_programme_total_fen: int | None = None
    # premium
    min_premium_fen: int | None = None
    min_premium_basis: str = "enterprise_year"
    max_premium_rate_bp: int | None = None
    max_premium_rate_overseas_bp: int | None = None
    # budget
    budget_fen: int | None = None
    budget_exhaustion: str = "refuse"
    # eligibility
    required_tags_any: tuple[str, ...] = ()
    insurance_types_allowed: tuple[str, ...] = ()
    exclude_blacklisted: bool = True
    min_ip_remaining_years: int | None = None
    require_premium_fully_paid: bool = False
    exclude_cancelled_policy: bool = True
    contract_date_from: str | None = None
    contract_date_to: str | None = None
    require_no_double_funding_declaration: bool = False
    exclude_other_department_funding: bool = False
    # uniqueness
    unique_ip_type_scope: str = "none"
    unique_policy: bool = False
    # rounding
    rounding: Rounding = "half_up"
    rounding_unit: str = "fen"


def _err(fieldname: str, code: str, message: str, severity: str = "error") -> Issue:
    return Issue(fieldname, code, message, severity)  # type: ignore[arg-type]


def _check_ratio(issues: list[Issue], fieldname: str, label: str, bp: int) -> None:
    if not isinstance(bp, int) or isinstance(bp, bool):
        issues.append(_err(fieldname, "ratio.type", f"{label}必须是整数基点，实为 {bp!r}"))
    elif bp < 0:
        issues.append(_err(fieldname, "ratio.negative", f"{label} {_pct(bp)} 不能为负"))
    elif bp > 10000:
        issues.append(_err(fieldname, "ratio.over_100", f"{label} {_pct(bp)} 超过 100%"))


def _check_money(issues: list[Issue], fieldname: str, label: str, fen: int | None) -> None:
    if fen is None:
        return
    if not isinstance(fen, int) or isinstance(fen, bool):
        issues.append(_err(fieldname, "money.type", f"{label}必须是整数分，实为 {fen!r}"))
    elif fen < 0:
        issues.append(_err(fieldname, "money.negative", f"{label} {_yuan(fen)} 元不能为负"))
    elif fen == 0:
        issues.append(_err(fieldname, "cap.zero",
                           f"{label}为 0.00 元，任何申请都无法获得补贴；不设上限请留空"))


def _check_tags(issues: list[Issue], fieldname: str, label: str, tags: object) -> None:
    for tag in tags:  # type: ignore[attr-defined]
        if tag not in ENTERPRISE_TAGS:
            issues.append(_err(fieldname, "tag.unknown",
                               f"{label}中的企业类型“{tag}”未知；可用：{'、'.join(ENTERPRISE_TAGS)}"))


def _parse_date(issues: list[Issue], fieldname: str, label: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        issues.append(_err(fieldname, "date.format", f"{label}“{text}”不是 YYYY-MM-DD 日期"))
        return None


def _min_ratio(rs: RuleSet) -> int:
    values = [rs.ratio_bp, *rs.tier_ratios.values(), *rs.ratio_by_times_funded]
    for ladder in rs.tier_ratio_ladders.values():
        values.extend(ladder)
    return min(values)


def validate_rules(rs: RuleSet) -> list[Issue]:
    """Contradictions and impossible values in ``rs``, in Chinese with the figures."""
    issues: list[Issue] = []
    if not rs.name.strip():
        issues.append(_err("name", "name.empty", "项目名称不能为空"))
    if not isinstance(rs.year, int) or not 2000 <= rs.year <= 2100:
        issues.append(_err("year", "year.range", f"项目年度 {rs.year} 不在 2000–2100 之间"))
    if rs.programme_year_index < 1:
        issues.append(_err("programme_year_index", "index.range",
                           f"试点第几年必须 ≥ 1，实为 {rs.programme_year_index}"))
    # ratios
    _check_ratio(issues, "ratio_bp", "基础补贴比例", rs.ratio_bp)
    _check_ratio(issues, "max_ratio_bp", "补贴比例上限", rs.max_ratio_bp)
    for tag, bp in rs.tier_ratios.items():
        _check_ratio(issues, "tier_ratios", f"企业类型“{tag}”的补贴比例", bp)
    _check_tags(issues, "tier_ratios", "分类型补贴比例", rs.tier_ratios)
    for i, bp in enumerate(rs.ratio_by_times_funded):
        _check_ratio(issues, "ratio_by_times_funded", f"按次数补贴比例第 {i + 1} 档", bp)
    for tag, ladder in rs.tier_ratio_ladders.items():
        if not ladder:
            issues.append(_err("tier_ratio_ladders", "ladder.empty",
                               f"企业类型“{tag}”的分次比例阶梯为空"))
        for i, bp in enumerate(ladder):
            _check_ratio(issues, "tier_ratio_ladders", f"企业类型“{tag}”第 {i + 1} 档比例", bp)
    _check_tags(issues, "tier_ratio_ladders", "分类型比例阶梯", rs.tier_ratio_ladders)
    ratios_ok = not any(i.code.startswith("ratio.") for i in issues)
    if ratios_ok:
        top = max([rs.ratio_bp, *rs.tier_ratios.values(), *rs.ratio_by_times_funded,
                   *(bp for lad in rs.tier_ratio_ladders.values() for bp in lad)])
        if top > rs.max_ratio_bp:
            issues.append(_err("max_ratio_bp", "ratio.above_ceiling",
                               f"补贴比例 {_pct(top)} 高于比例上限 {_pct(rs.max_ratio_bp)}，规则矛盾"))
    if rs.times_funded_basis not in TIMES_FUNDED_BASES:
        issues.append(_err("times_funded_basis", "basis.unknown",
                           f"补贴次数口径“{rs.times_funded_basis}”未知；可用：{'、'.join(TIMES_FUNDED_BASES)}"))
    group_names = [c.name for c in rs.insurance_type_caps]
    for up in rs.uplifts:
        _check_ratio(issues, "uplifts", f"上浮“{up.name}”的比例", up.add_bp)
        if not up.when_any:
            issues.append(_err("uplifts", "uplift.no_condition", f"上浮“{up.name}”没有适用条件"))
        for cond in up.when_any:
            if cond.startswith("tag:"):
                _check_tags(issues, "uplifts", f"上浮“{up.name}”的条件", [cond[4:]])
            elif cond not in UPLIFT_CONDITIONS:
                issues.append(_err("uplifts", "uplift.condition",
                                   f"上浮“{up.name}”的条件“{cond}”未知；可用：{'、'.join(UPLIFT_CONDITIONS)}、tag:企业类型"))
        for gname, fen in up.type_cap_overrides_fen.items():
            if gname not in group_names:
                issues.append(_err("uplifts", "uplift.unknown_group",
                                   f"上浮“{up.name}”调整的险种上限组“{gname}”不存在"))
            _check_money(issues, "uplifts", f"上浮“{up.name}”的“{gname}”上限", fen)
        _check_money(issues, "uplifts", f"上浮“{up.name}”的单户年度上限", up.enterprise_year_cap_fen)
    # caps
    caps = [
        ("cap_per_policy_fen", "单保单上限", rs.cap_per_policy_fen),
        ("cap_per_ip_right_fen", "单件知识产权上限", rs.cap_per_ip_right_fen),
        ("cap_per_enterprise_year_fen", "单户年度上限", rs.cap_per_enterprise_year_fen),
        ("cap_programme_total_fen", "项目年度总额上限", rs.cap_programme_total_fen),
    ]
    caps += [("cap_per_policy_by_times_funded_fen", f"单保单上限第 {i + 1} 档", v)
             for i, v in enumerate(rs.cap_per_policy_by_times_funded_fen)]
    caps += [("cap_per_enterprise_year_by_tier_fen", f"“{t}”单户年度上限", v)
             for t, v in rs.cap_per_enterprise_year_by_tier_fen.items()]
    caps += [("insurance_type_caps", f"险种上限“{c.name}”", c.cap_fen) for c in rs.insurance_type_caps]
    for fieldname, label, fen in caps:
        _check_money(issues, fieldname, label, fen)
    _check_tags(issues, "cap_per_enterprise_year_by_tier_fen", "分类型单户年度上限",
                rs.cap_per_enterprise_year_by_tier_fen)
    if len(set(group_names)) != len(group_names):
        issues.append(_err("insurance_type_caps", "group.duplicate", "险种上限组名称重复"))
    for c in rs.insurance_type_caps:
        if c.scope not in TYPE_CAP_SCOPES:
            issues.append(_err("insurance_type_caps", "group.scope",
                               f"险种上限“{c.name}”的范围“{c.scope}”未知；可用：any、domestic、overseas"))
        for t in c.types:
            if t != "*" and t not in INSURANCE_TYPES:
                issues.append(_err("insurance_type_caps", "insurance_type.unknown",
                                   f"险种上限“{c.name}”中的险种“{t}”未知；可用：{'、'.join(INSURANCE_TYPES)}"))
    for t in rs.insurance_types_allowed:
        if t not in INSURANCE_TYPES:
            issues.append(_err("insurance_types_allowed", "insurance_type.unknown",
                               f"可申报险种“{t}”未知；可用：{'、'.join(INSURANCE_TYPES)}"))
    # premium
    _check_money(issues, "min_premium_fen", "最低保费", rs.min_premium_fen)
    if rs.min_premium_basis not in MIN_PREMIUM_BASES:
        issues.append(_err("min_premium_basis", "basis.unknown",
                           f"最低保费口径“{rs.min_premium_basis}”未知；可用：enterprise_year、policy"))
    for fieldname, label, bp in (("max_premium_rate_bp", "最高保费费率", rs.max_premium_rate_bp),
                                 ("max_premium_rate_overseas_bp", "境外最高保费费率",
                                  rs.max_premium_rate_overseas_bp)):
        if bp is not None:
            _check_ratio(issues, fieldname, label, bp)
            if bp == 0:
                issues.append(_err(fieldname, "rate.zero", f"{label}为 0%，任何保单都不符合"))
    if rs.min_premium_fen and ratios_ok:
        low = _min_ratio(rs)
        least = rs.min_premium_fen * low // 10000
        checked = {"cap_per_enterprise_year_fen", "cap_per_enterprise_year_by_tier_fen",
                   "cap_programme_total_fen"}
        if rs.min_premium_basis == "policy":  # every single policy reaches the minimum
            checked |= {"cap_per_policy_fen", "cap_per_policy_by_times_funded_fen",
                        "insurance_type_caps"}
        for fieldname, label, fen in caps:
            if fieldname in checked and fen and fen > 0 and fen < least:
                issues.append(_err(fieldname, "cap.below_minimum",
                                   f"{label} {_yuan(fen)} 元低于最低保费 {_yuan(rs.min_premium_fen)} 元"
                                   f" × 最低补贴比例 {_pct(low)} = {_yuan(least)} 元，规则矛盾"))
    # budget
    if rs.budget_fen is not None:
        if rs.budget_fen < 0:
            issues.append(_err("budget_fen", "budget.negative",
                               f"项目预算 {_yuan(rs.budget_fen)} 元不能为负"))
        elif rs.budget_fen == 0:
            issues.append(_err("budget_fen", "budget.zero", "项目预算为 0.00 元，无法补贴任何申请",
                               "warning"))
    if rs.budget_exhaustion not in BUDGET_EXHAUSTION:
        issues.append(_err("budget_exhaustion", "budget.mode",
                           f"预算用尽处理方式“{rs.budget_exhaustion}”未知；可用：refuse、partial"))
    # eligibility
    _check_tags(issues, "required_tags_any", "申报企业类型", rs.required_tags_any)
    if rs.min_ip_remaining_years is not None and rs.min_ip_remaining_years < 0:
        issues.append(_err("min_ip_remaining_years", "years.negative",
                           f"知识产权剩余有效期年数 {rs.min_ip_remaining_years} 不能为负"))
    d_from = _parse_date(issues, "contract_date_from", "合同日期起", rs.contract_date_from)
    d_to = _parse_date(issues, "contract_date_to", "合同日期止", rs.contract_date_to)
    if d_from and d_to and d_from > d_to:
        issues.append(_err("contract_date_from", "date.reversed",
                           f"合同日期区间颠倒：起 {d_from.isoformat()} 晚于止 {d_to.isoformat()}"))
    if rs.unique_ip_type_scope not in UNIQUE_SCOPES:
        issues.append(_err("unique_ip_type_scope", "unique.scope",
                           f"同一知识产权同一险种唯一性范围“{rs.unique_ip_type_scope}”未知；可用：none、year、ever"))
    if rs.rounding not in ROUNDING_MODES:
        issues.append(_err("rounding", "rounding.mode",
                           f"舍入规则“{rs.rounding}”未知；可用：{'、'.join(ROUNDING_MODES)}"))
    if rs.rounding_unit not in ROUNDING_UNITS:
        issues.append(_err("rounding_unit", "rounding.unit",
                           f"舍入单位“{rs.rounding_unit}”未知；可用：fen、yuan"))
    return issues
