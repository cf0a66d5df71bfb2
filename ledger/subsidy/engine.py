"""Subsidy calculation: rules + facts + ledger context → amount and Chinese explanation.

Pure (no database). The services layer builds :class:`ApplicationFacts` and
:class:`LedgerContext` from SQLite and stores the :class:`Calculation`.

Order of work (see ``rules`` for how the ratio is chosen):

1. eligibility (all failing conditions are reported, not just the first);
2. base ratio (tier / ladder) → uplifts → ratio ceiling;
3. raw amount = 实缴保费 × 比例, rounded by the rule (default half-up to the fen).
   实缴保费 is ``premium_paid_fen``, but never more than the policy premium;
4. caps, each reducing the amount to what is left of it, in this order:
   per IP right → per policy → per insurance-type group per enterprise-year →
   per enterprise-year → programme total → budget;
5. if ``rounding_unit == "yuan"`` and a cap left odd fen, the amount is cut to whole yuan.

Per-IP-right cap: a policy's subsidy is attributed to its covered IP rights in equal
shares (fen remainder to the first rights). Each right's share plus what it already got
this year must stay within the cap, so this application may get at most
``k × min(剩余)`` for k covered rights.

Programme total and budget: with ``budget_exhaustion == "refuse"`` an application that
does not fit in what is left is refused whole (later, smaller ones may still fit);
with ``"partial"`` it gets the remainder.

Caps count grants of ``rules.year`` only; uniqueness with scope ``"ever"`` and
``unique_policy`` count every grant in the context.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext

from ledger.errors import InvalidInput, errors_only
from ledger.subsidy.rules import (
    CANCELLED_STATUSES,
    INSURANCE_TYPES,
    ROUNDING_MODES,
    ROUNDING_UNITS,
    RuleSet,
    TypeCap,
    Uplift,
    _pct,
    _yuan,
    uplift_condition_label,
    validate_rules,
)

_ROUNDING = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN, "down": ROUND_DOWN}


@dataclass(frozen=True)
class CoveredRight:
    ip_id: str
    number: str = ""
    expiry_date: str | None = None  # ISO date; None = unknown
    high_value: bool = False


@dataclass(frozen=True)
class ApplicationFacts:
    application_id: str
    policy_no: str
    enterprise_id: str
    enterprise_name: str
    insurance_type: str
    premium_fen: int  # premium on the policy (for this programme year)
    premium_paid_fen: int  # actually paid, per invoice / payment proof
    enterprise_tags: tuple[str, ...] = ()
    blacklisted: bool = False
    blacklist_reason: str = ""
    overseas: bool = False
    belt_and_road: bool = False
    sum_insured_fen: int | None = None
    policy_status: str = "生效"
    contract_date: str | None = None  # ISO date
    ip_rights: tuple[CoveredRight, ...] = ()
    times_funded_before: int = 0  # earlier programme years in which the enterprise was funded
    application_order: int = 1  # 1 = the enterprise's first application in this programme
    enterprise_year_premium_fen: int | None = None  # all its policies this year; None → this one
    other_department_funding: bool = False
    declared_no_double_funding: bool = False


@dataclass(frozen=True)
class Grant:
    """A subsidy already granted (approved or paid, not clawed back)."""

    enterprise_id: str
    policy_no: str
    insurance_type: str
    amount_fen: int
    year: int
    overseas: bool = False
    ip_right_ids: tuple[str, ...] = ()
    application_id: str = ""


@dataclass(frozen=True)
class LedgerContext:
    """Grants of this programme: this year's (for caps and budget) and, for the
    uniqueness rules, earlier years' too."""

    grants: tuple[Grant, ...] = ()

    def with_grant(self, grant: Grant) -> LedgerContext:
        return replace(self, grants=(*self.grants, grant))

    def year_grants(self, year: int) -> list[Grant]:
        return [g for g in self.grants if g.year == year]


@dataclass(frozen=True)
class Step:
    code: str
    text: str
    amount_fen: int | None = None


@dataclass
class Calculation:
    application_id: str
    eligible: bool
    amount_fen: int
    outcome: str  # granted | reduced | zero | ineligible | budget_refused
    ratio_bp: int = 0
    raw_fen: int = 0
    reasons: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    @property
    def explanation(self) -> str:
        return "；".join(s.text for s in self.steps)

    def to_grant(self, facts: ApplicationFacts, year: int) -> Grant:
        return Grant(facts.enterprise_id, facts.policy_no, facts.insurance_type, self.amount_fen,
                     year, is_overseas(facts), tuple(r.ip_id for r in facts.ip_rights),
                     facts.application_id)


@dataclass
class BatchResult:
    calculations: list[Calculation]
    context: LedgerContext

    @property
    def total_fen(self) -> int:
        return sum(c.amount_fen for c in self.calculations)


def _plus_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 Feb → 28 Feb
        return d.replace(year=d.year + years, day=28)


def _type_name(code: str) -> str:
    return INSURANCE_TYPES.get(code, code)


def is_overseas(facts: ApplicationFacts) -> bool:
    """An overseas policy: flagged so, or of the catalogue's ``overseas`` insurance type."""
    return facts.overseas or facts.insurance_type == "overseas"


def check_eligibility(rules: RuleSet, facts: ApplicationFacts, ctx: LedgerContext,
                      as_of: date) -> list[str]:
    """Every reason ``facts`` is ineligible under ``rules`` (empty list = eligible)."""
    why: list[str] = []
    if rules.insurance_types_allowed and facts.insurance_type not in rules.insurance_types_allowed:
        allowed = "、".join(_type_name(t) for t in rules.insurance_types_allowed)
        why.append(f"险种“{_type_name(facts.insurance_type)}”不在本项目补贴范围（限 {allowed}）")
    if rules.required_tags_any and not set(rules.required_tags_any) & set(facts.enterprise_tags):
        why.append(f"企业不属于本项目支持的类型（须为 {'、'.join(rules.required_tags_any)} 之一）")
    if rules.exclude_blacklisted and facts.blacklisted:
        extra = f"（{facts.blacklist_reason}）" if facts.blacklist_reason else ""
        why.append(f"企业已列入黑名单{extra}")
    if rules.exclude_cancelled_policy and facts.policy_status in CANCELLED_STATUSES:
        why.append(f"保单 {facts.policy_no} 状态为“{facts.policy_status}”，已退保或终止")
    if rules.require_premium_fully_paid and facts.premium_paid_fen < facts.premium_fen:
        why.append(f"保费未缴清：应缴 {_yuan(facts.premium_fen)}，实缴 {_yuan(facts.premium_paid_fen)}")
    if facts.premium_paid_fen <= 0:
        why.append("实缴保费为 0.00，无可补贴金额")
    if rules.contract_date_from or rules.contract_date_to:
        lo, hi = rules.contract_date_from or "不限", rules.contract_date_to or "不限"
        if not facts.contract_date:
            why.append(f"未提供合同日期，无法核对申报期（{lo} 至 {hi}）")
        elif (rules.contract_date_from and facts.contract_date < rules.contract_date_from) or (
                rules.contract_date_to and facts.contract_date > rules.contract_date_to):
            why.append(f"合同日期 {facts.contract_date} 不在 {lo} 至 {hi} 之内")
    if rules.exclude_other_department_funding and facts.other_department_funding:
        why.append("该保单已获其他部门保费资助，不得重复补贴")
    if rules.require_no_double_funding_declaration and not facts.declared_no_double_funding:
        why.append("未提交不重复申报承诺")
    if rules.min_ip_remaining_years is not None:
        why.extend(_ip_validity(rules.min_ip_remaining_years, facts, as_of))
    if rules.min_premium_fen:
        if rules.min_premium_basis == "policy":
            basis, label = facts.premium_fen, "本保单保费"
        else:
            basis = facts.enterprise_year_premium_fen
            basis = facts.premium_fen if basis is None else basis
            label = "企业年度保费合计"
        if basis < rules.min_premium_fen:
            why.append(f"{label} {_yuan(basis)} 低于最低保费 {_yuan(rules.min_premium_fen)}")
    overseas = is_overseas(facts)
    rate_cap = rules.max_premium_rate_overseas_bp if overseas else rules.max_premium_rate_bp
    if overseas and rate_cap is None:
        rate_cap = rules.max_premium_rate_bp
    if rate_cap is not None:
        where = "境外" if overseas else "境内"
        if not facts.sum_insured_fen:
            why.append(f"未提供保险金额，无法核对保费费率（{where}上限 {_pct(rate_cap)}）")
        elif facts.premium_fen * 10000 > rate_cap * facts.sum_insured_fen:
            rate = (Decimal(facts.premium_fen) * 100 / facts.sum_insured_fen).quantize(Decimal("0.01"))
            why.append(f"保费费率 = 保费 {_yuan(facts.premium_fen)} ÷ 保险金额 "
                       f"{_yuan(facts.sum_insured_fen)} = {rate.normalize():f}%，超过{where}上限 {_pct(rate_cap)}")
    why.extend(_uniqueness(rules, facts, ctx))
    return why


def _ip_validity(years: int, facts: ApplicationFacts, as_of: date) -> list[str]:
    if not facts.ip_rights:
        return [f"未列明所保知识产权，无法核对剩余有效期（须不少于 {years} 年）"]
    need = _plus_years(as_of, years)
    why = []
    for r in facts.ip_rights:
        name = r.number or r.ip_id
        if not r.expiry_date:
            why.append(f"知识产权 {name} 未提供到期日，无法核对剩余有效期（须不少于 {years} 年）")
        elif date.fromisoformat(r.expiry_date) < need:
            why.append(f"知识产权 {name} 于 {r.expiry_date} 到期，剩余有效期不足 {years} 年"
                       f"（须至 {need.isoformat()} 仍有效）")
    return why


def _uniqueness(rules: RuleSet, facts: ApplicationFacts, ctx: LedgerContext) -> list[str]:
    why = []
    if rules.unique_policy:
        for g in ctx.grants:
            if g.policy_no == facts.policy_no:
                why.append(f"保单 {facts.policy_no} 已于 {g.year} 年度获补贴"
                           f" {_yuan(g.amount_fen)}，每张保单只补贴一次")
                break
    if rules.unique_ip_type_scope in ("year", "ever"):
        scope = "同一年度" if rules.unique_ip_type_scope == "year" else ""
        for r in facts.ip_rights:
            for g in ctx.grants:
                if (r.ip_id in g.ip_right_ids and g.insurance_type == facts.insurance_type
                        and (rules.unique_ip_type_scope == "ever" or g.year == rules.year)):
                    why.append(f"知识产权 {r.number or r.ip_id} 已于 {g.year} 年度以"
                               f"“{_type_name(g.insurance_type)}”类险种获补贴（保单 {g.policy_no}），"
                               f"{scope}同一知识产权同一险种只补贴一次")
                    break
    return why


def _ladder(values: tuple[int, ...], n: int) -> int:
    return values[min(n, len(values) - 1)]


def times_index(rules: RuleSet, facts: ApplicationFacts) -> tuple[int, str]:
    if rules.times_funded_basis == "application_order":
        n = max(facts.application_order, 1) - 1
        return n, f"第 {n + 1} 次申报"
    if rules.times_funded_basis == "programme_year":
        n = rules.programme_year_index - 1
        return n, f"试点第 {n + 1} 年"
    n = max(facts.times_funded_before, 0)
    return n, f"此前已获补贴 {n} 个年度"


def applicable_uplifts(rules: RuleSet, facts: ApplicationFacts) -> list[tuple[Uplift, str]]:
    out = []
    for up in rules.uplifts:
        for cond in up.when_any:
            hit = (cond == "high_value_patent" and any(r.high_value for r in facts.ip_rights)) or (
                cond == "overseas" and is_overseas(facts)) or (
                cond == "belt_and_road" and facts.belt_and_road) or (
                cond.startswith("tag:") and cond[4:] in facts.enterprise_tags)
            if hit:
                out.append((up, uplift_condition_label(cond)))
                break
    return out


def _ratio(rules: RuleSet, facts: ApplicationFacts, steps: list[Step]) -> int:
    n, when = times_index(rules, facts)
    tagged: list[tuple[int, str]] = []
    for tag in facts.enterprise_tags:
        if tag in rules.tier_ratio_ladders:
            tagged.append((_ladder(rules.tier_ratio_ladders[tag], n), f"企业类型“{tag}”，{when}"))
        elif tag in rules.tier_ratios:
            tagged.append((rules.tier_ratios[tag], f"企业类型“{tag}”"))
    if tagged:
        ratio, why = max(tagged, key=lambda t: t[0])
        steps.append(Step("ratio.base", f"{why}，适用比例 {_pct(ratio)}"))
    elif rules.ratio_by_times_funded:
        ratio = _ladder(rules.ratio_by_times_funded, n)
        steps.append(Step("ratio.base", f"{when}，适用比例 {_pct(ratio)}"))
    else:
        ratio = rules.ratio_bp
    for up, label in applicable_uplifts(rules, facts):
        ratio += up.add_bp
        steps.append(Step("ratio.uplift", f"{label}上浮 {_pct(up.add_bp)}，比例 {_pct(ratio)}"))
    if ratio > rules.max_ratio_bp:
        steps.append(Step("ratio.ceiling",
                          f"比例 {_pct(ratio)} 超过上限 {_pct(rules.max_ratio_bp)}，"
                          f"按 {_pct(rules.max_ratio_bp)}"))
        ratio = rules.max_ratio_bp
    return ratio


def round_amount(exact_fen: Decimal, rules: RuleSet) -> int:
    unit = Decimal(100) if rules.rounding_unit == "yuan" else Decimal(1)
    with localcontext() as ctx:
        ctx.prec = 60
        q = (exact_fen / unit).quantize(Decimal(1), rounding=_ROUNDING[rules.rounding])
    return int(q * unit)


def type_cap_group(rules: RuleSet, insurance_type: str, overseas: bool) -> TypeCap | None:
    for cap in rules.insurance_type_caps:
        if cap.matches(insurance_type, overseas):
            return cap
    return None


def _enterprise_cap(rules: RuleSet, facts: ApplicationFacts,
                    ups: list[Uplift]) -> tuple[int | None, str]:
    tiers = [(rules.cap_per_enterprise_year_by_tier_fen[t], t) for t in facts.enterprise_tags
             if t in rules.cap_per_enterprise_year_by_tier_fen]
    cap, label = rules.cap_per_enterprise_year_fen, "单户年度上限"
    if tiers:
        cap, tag = max(tiers)
        label = f"单户年度上限（{tag}）"
    for up in ups:
        if up.enterprise_year_cap_fen is not None and (cap is None or up.enterprise_year_cap_fen > cap):
            cap, label = up.enterprise_year_cap_fen, f"单户年度上限（{up.name}）"
    return cap, label


def require_valid(rules: RuleSet) -> None:
    """Raise ``InvalidInput`` (Chinese, with the figures) if ``rules`` contradict themselves."""
    problems = errors_only(validate_rules(rules))
    if problems:
        raise InvalidInput(problems, f"规则“{rules.name}”自相矛盾："
                           + "；".join(i.message for i in problems))


def calculate(rules: RuleSet, facts: ApplicationFacts, context: LedgerContext,
              as_of: date) -> Calculation:
    """The subsidy for one application; ``as_of`` dates the IP-validity check.

    Raises ``InvalidInput`` when the rules contradict themselves."""
    require_valid(rules)
    return _calculate(rules, facts, context, as_of)


def _calculate(rules: RuleSet, facts: ApplicationFacts, context: LedgerContext,
               as_of: date) -> Calculation:
    why = check_eligibility(rules, facts, context, as_of)
    if why:
        steps = [Step("ineligible", f"不符合条件：{r}") for r in why]
        steps.append(Step("final", "核定 0.00", 0))
        return Calculation(facts.application_id, False, 0, "ineligible", reasons=why, steps=steps)
    steps: list[Step] = []
    ratio = _ratio(rules, facts, steps)
    base = facts.premium_paid_fen
    if facts.premium_fen > 0 and base > facts.premium_fen:
        steps.append(Step("base", f"实缴保费 {_yuan(base)} 超过保单保费 {_yuan(facts.premium_fen)}，"
                                  f"按保单保费计"))
        base = facts.premium_fen
    exact = Decimal(base) * ratio / 10000  # exact: ≤ 2 decimals of a fen
    raw = round_amount(exact, rules)
    text = f"实缴保费 {_yuan(base)} × 补贴比例 {_pct(ratio)} = {_yuan(raw)}"
    if exact != raw:
        shown = f"{exact / 100:,f}".rstrip("0")
        text += f"（{shown} {ROUNDING_MODES[rules.rounding]}到{ROUNDING_UNITS[rules.rounding_unit]}）"
    steps.append(Step("raw", text, raw))
    amount = raw
    binding: list[str] = []

    def cap(code: str, label: str, limit: int | None, used: int, got: str = "已获") -> None:
        nonlocal amount
        if limit is None:
            return
        left = max(limit - used, 0)
        if amount > left:
            msg = f"{label} {_yuan(limit)}" + (f"，{got} {_yuan(used)}，剩余 {_yuan(left)}" if used else "")
            steps.append(Step(code, msg, left))
            binding.append(msg)
            amount = left

    year = context.year_grants(rules.year)
    ups = [u for u, _ in applicable_uplifts(rules, facts)]
    if rules.cap_per_ip_right_fen is not None and facts.ip_rights:
        k = len(facts.ip_rights)
        used = {r.ip_id: 0 for r in facts.ip_rights}
        for g in year:
            for i, ip in enumerate(g.ip_right_ids):
                if ip in used:
                    used[ip] += g.amount_fen // len(g.ip_right_ids) + (
                        1 if i < g.amount_fen % len(g.ip_right_ids) else 0)
        most = max(used.values())
        left = max(rules.cap_per_ip_right_fen - most, 0) * k
        if amount > left:
            msg = (f"单件知识产权上限 {_yuan(rules.cap_per_ip_right_fen)}，所保 {k} 件平均分摊"
                   + (f"，单件最多已获 {_yuan(most)}" if most else "") + f"，可核定 {_yuan(left)}")
            steps.append(Step("cap.ip_right", msg, left))
            binding.append(msg)
            amount = left
    n, _ = times_index(rules, facts)
    policy_cap = (_ladder(rules.cap_per_policy_by_times_funded_fen, n)
                  if rules.cap_per_policy_by_times_funded_fen else rules.cap_per_policy_fen)
    cap("cap.policy", "单保单上限", policy_cap,
        sum(g.amount_fen for g in year if g.policy_no == facts.policy_no))
    group = type_cap_group(rules, facts.insurance_type, is_overseas(facts))
    if group is not None:
        limit = group.cap_fen
        for up in ups:
            limit = max(limit, up.type_cap_overrides_fen.get(group.name, limit))
        used = sum(g.amount_fen for g in year if g.enterprise_id == facts.enterprise_id
                   and type_cap_group(rules, g.insurance_type, g.overseas) == group)
        cap("cap.insurance_type", f"“{group.name}”单户年度上限", limit, used)
    ent_cap, ent_label = _enterprise_cap(rules, facts, ups)
    cap("cap.enterprise_year", ent_label, ent_cap,
        sum(g.amount_fen for g in year if g.enterprise_id == facts.enterprise_id))
    spent = sum(g.amount_fen for g in year)
    for code, label, limit in (("cap.programme_total", "项目年度总额上限", rules.cap_programme_total_fen),
                               ("budget", "项目预算", rules.budget_fen)):
        if limit is None:
            continue
        left = max(limit - spent, 0)
        if amount > left and rules.budget_exhaustion == "refuse":
            reason = (f"{label}不足：{label} {_yuan(limit)}，已核定 {_yuan(spent)}，剩余 {_yuan(left)}，"
                      f"本申请应补 {_yuan(amount)}，按规则不作部分补贴")
            steps += [Step(code, reason, 0), Step("final", "核定 0.00", 0)]
            return Calculation(facts.application_id, True, 0, "budget_refused", ratio, raw,
                               [reason], steps)
        cap(code, label, limit, spent, "已核定")
    if rules.rounding_unit == "yuan" and amount % 100:
        amount -= amount % 100
        steps.append(Step("rounding", f"按元取整（舍去零头）{_yuan(amount)}", amount))
    steps.append(Step("final", f"核定 {_yuan(amount)}", amount))
    outcome = "zero" if amount == 0 else ("granted" if amount == raw else "reduced")
    reasons = (binding or [f"按比例计算为 {_yuan(raw)}"]) if amount == 0 else []
    return Calculation(facts.application_id, True, amount, outcome, ratio, raw, reasons, steps)


def calculate_batch(rules: RuleSet, applications: list[ApplicationFacts], context: LedgerContext,
                    as_of: date) -> BatchResult:
    """Calculate in the given order, each grant counting against the ones after it."""
    require_valid(rules)
    results = []
    for facts in applications:
        calc = _calculate(rules, facts, context, as_of)
        if calc.amount_fen > 0:
            context = context.with_grant(calc.to_grant(facts, rules.year))
        results.append(calc)
    return BatchResult(results, context)
