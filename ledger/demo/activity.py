"""Demo policies (with co-insurance pools), subsidy applications with their events, and claims."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from ledger.demo import names
from ledger.demo.plan import TODAY, YEARS, Ent, Plan, Pol, add_years, day_in_year, stamp
from ledger.money import apply_ratio_bp, format_yuan

SUBSIDY_RATIO_BP = 5000
SUBSIDY_CAP_FEN = 30_000_000  # 300,000 yuan per application
PRODUCT_WEIGHTS = {
    "patent_enforcement": 22, "patent_infringement_loss": 18, "overseas_ip_infringement_liability": 7,
    "trademark_infringement_loss": 10, "ip_overseas_dispute_legal": 4, "patent_infringement_liability": 5,
    "ip_infringement_loss": 5, "patent_pledge_guarantee": 3, "ip_pledge_guarantee": 2,
    "gi_infringement_loss": 3, "pvr_infringement_loss": 3, "icld_infringement_loss": 3,
    "patent_application_cost": 2, "ip_legal_expenses": 2, "copyright_infringement_loss": 3,
    "tech_enterprise_patent_enforcement": 2, "patent_worry_free": 2, "infringing_patent_liability": 2,
}
POLICY_PREFIX = {"picc": "PZIP", "pingan": "1052", "cpic": "AWUX", "taiping_tech": "TPKJ", "ccbpc": "JXCX"}
_SUMS_WAN = ((50, 10), (80, 8), (100, 20), (150, 10), (200, 15), (300, 10), (500, 10), (800, 3),
             (1000, 2), (2000, 1), (5000, 0.3))
_OVERSEAS_SUMS_WAN = ((200, 4), (300, 4), (500, 5), (1000, 3), (2000, 1), (3000, 0.5))
_YEAR_WEIGHTS = tuple(zip(YEARS, (8, 11, 14, 18, 22, 27), strict=True))


def _is_overseas(product: Any) -> bool:
    return product.insurance_type == "overseas" or "海外" in product.name or "境外" in product.name


def make_policies(plan: Plan, n: int, products: dict, insurers: dict, product_ids: dict,
                  insurer_ids: dict) -> None:
    rng = plan.rng
    by_type: dict[str, list[tuple[Any, float]]] = {}
    for p in products.values():
        for t in p.ip_types:
            by_type.setdefault(t, []).append((p, PRODUCT_WEIGHTS.get(p.code, 0.3)))
    ents = [e for e in plan.enterprises if any(r.ip_type in by_type for r in e.rights)]
    weights = [1 + 2 * ("高新技术企业" in e.tags) + 3 * ("专精特新" in e.tags) + 5 * ("单项冠军" in e.tags)
               + 2 * ("知识产权示范企业" in e.tags) for e in ents]
    for ent in rng.choices(ents, weights=weights, k=n):
        types = sorted({r.ip_type for r in ent.rights if r.ip_type in by_type})
        ip_type = rng.choice(types)
        exporter = "出口型" in ent.tags
        cands = [(p, w * ((4 if exporter else 0.3) if _is_overseas(p) else 1)) for p, w in by_type[ip_type]]
        product = names.pick_weighted(rng, cands)
        start = day_in_year(rng, names.pick_weighted(rng, _YEAR_WEIGHTS))
        add_policy(plan, ent, product, start, product_ids, insurers, insurer_ids)


def add_policy(plan: Plan, ent: Ent, product: Any, start: date, product_ids: dict, insurers: dict,
               insurer_ids: dict, *, years: int | None = None, sum_insured: int | None = None,
               rate_bp: int | None = None, right_ids: list[int] | None = None,
               insurer_codes: tuple[str, ...] | None = None, notes: str = "") -> Pol:
    rng = plan.rng
    overseas = _is_overseas(product)
    if years is None:
        years = 3 if rng.random() < (0.5 if product.code == "beijing_patent_guard" else 0.1) else 1
    end = add_years(start, years) - timedelta(days=1)
    if sum_insured is None:
        wan = names.pick_weighted(rng, _OVERSEAS_SUMS_WAN if overseas else _SUMS_WAN)
        if product.code == "gi_infringement_loss":
            wan = rng.choice((30, 50, 100))
        sum_insured = wan * 1_000_000
    rate_bp = rate_bp or rng.randrange(100, 505, 5)
    premium = apply_ratio_bp(sum_insured, rate_bp) * years
    paid = premium if rng.random() < 0.96 else apply_ratio_bp(premium, rng.randrange(3000, 9000, 500))
    status = "到期" if end < TODAY else "生效"
    r = rng.random()
    if r < 0.025:
        status = "退保"
    elif r < 0.035:
        status = "终止"
    codes = insurer_codes or product.insurers
    if insurer_codes is None and len(codes) >= 2 and rng.random() < 0.09:
        members = rng.sample(list(codes), min(len(codes), rng.choice((2, 2, 3, 3, 4))))
    else:
        members = [insurer_codes[0] if insurer_codes else rng.choice(list(codes))]
    shares = _shares(rng, len(members))
    lead = members[shares.index(max(shares))]
    serial = plan.next_serial("policy")
    no = f"{POLICY_PREFIX.get(lead, lead[:4].upper())}{start.year}{ent.district[:4]}{serial:08d}"
    signed = start - timedelta(days=rng.randrange(0, 21))
    policy_id = plan.add("policy", {
        "policy_no": no, "enterprise_id": ent.id, "product_id": product_ids[product.code],
        "sum_insured_fen": sum_insured, "premium_fen": premium, "premium_paid_fen": paid,
        "signed_date": signed.isoformat(), "start_date": start.isoformat(), "end_date": end.isoformat(),
        "status": status, "overseas": int(overseas), "notes": notes or ("投保人申请退保" if status == "退保" else ""),
    })
    for code, share in zip(members, shares, strict=True):
        plan.link("policy_insurer", {"policy_id": policy_id, "insurer_id": insurer_ids[code], "share_bp": share,
                                     "is_lead": int(code == lead),
                                     "branch": f"{insurers[code].short_name}{ent.city_full}分公司"})
    if right_ids is None:
        ok = [r for r in ent.rights if r.ip_type in product.ip_types]
        good = [r for r in ok if r.status in ("有效", "无效宣告中") and r.grant_date and r.grant_date <= start]
        pool = good or ok
        k = min(len(pool), names.pick_weighted(rng, ((1, 40), (2, 25), (3, 15), (4, 10), (5, 10))))
        right_ids = [r.id for r in rng.sample(pool, k)]
    for right_id in right_ids:
        plan.link("policy_ip_right", {"policy_id": policy_id, "ip_right_id": right_id})
    pol = Pol(policy_id, no, ent, product, start, end, signed, sum_insured, premium, paid, status, overseas)
    plan.policies.append(pol)
    return pol


def _shares(rng: random.Random, k: int) -> list[int]:
    """k shares in basis points, multiples of 500, summing to exactly 10000."""
    if k == 1:
        return [10000]
    lead = rng.choice([s for s in (4000, 5000, 6000) if 10000 - s >= 500 * (k - 1)])
    rest = 10000 - lead
    cuts = sorted(rng.sample(range(1, rest // 500), k - 2)) if k > 2 else []
    bounds = [0, *cuts, rest // 500]
    return [lead, *[(bounds[i + 1] - bounds[i]) * 500 for i in range(k - 1)]]


# --- subsidy applications ---------------------------------------------------------------------

def subsidy_amount(premium_paid_fen: int) -> tuple[int, str]:
    """The demo rule: 50 % of the premium paid, half-up, at most 300,000 yuan per application."""
    raw = apply_ratio_bp(premium_paid_fen, SUBSIDY_RATIO_BP)
    text = f"实缴保费 {format_yuan(premium_paid_fen)} 元 × 50% = {format_yuan(raw)} 元"
    if raw > SUBSIDY_CAP_FEN:
        return SUBSIDY_CAP_FEN, text + f"，超过每项最高 {format_yuan(SUBSIDY_CAP_FEN)} 元，按上限资助"
    return raw, text


def make_subsidies(plan: Plan, share: float) -> None:
    rng = plan.rng
    for pol in plan.policies:
        if rng.random() >= share:
            continue
        submitted = pol.signed + timedelta(days=rng.randrange(15, 75))
        if submitted > TODAY or pol.start.year not in plan.programmes:
            continue
        if pol.paid < pol.premium:
            path = _path(rng, submitted, reject=("初审", "实缴保费未达应缴保费，保费未足额缴纳，不符合申报条件"))
        elif pol.status == "退保":
            path = _path(rng, submitted, reject=("初审", "保单已退保，不予资助"))
        elif pol.ent.blacklisted and rng.random() < 0.7:
            path = _path(rng, submitted, recover=pol.ent.blacklisted)
        else:
            r = rng.random()
            if r < 0.04:
                path = _path(rng, submitted, reject=("复核", "同一知识产权同一险种本年度已获资助，不重复支持"))
            elif r < 0.12:
                path = _path(rng, submitted, returned=True)
            else:
                path = _path(rng, submitted)
        add_application(plan, pol, plan.programmes[pol.start.year], path)
    _ensure_every_state(plan)


def _path(rng: random.Random, submitted: date, *, reject: tuple[str, str] | None = None,
          returned: bool = False, recover: bool = False) -> list[tuple[str, date, str]]:
    """Steps (state, date, reason) from 申报, cut at TODAY."""
    steps: list[tuple[str, date, str]] = [("申报", submitted, "企业提交申报材料")]
    d = submitted

    def step(state: str, lo: int, hi: int, reason: str = "") -> bool:
        nonlocal d
        d = d + timedelta(days=rng.randrange(lo, hi))
        if d > TODAY:
            return False
        steps.append((state, d, reason))
        return True

    if returned:
        if not step("退回补正", 3, 15, rng.choice(("缺少保费发票原件扫描件", "缺少专利有效性证明", "申报书未加盖公章"))):
            return steps
        if rng.random() < 0.25 and d.year == TODAY.year or not step("申报", 5, 30, "企业补正材料后重新提交"):
            return steps
    if reject and reject[0] == "初审":
        step("不予支持", 5, 20, reject[1])
        return steps
    if not step("初审", 5, 20, "区县初审通过"):
        return steps
    if reject:
        step("不予支持", 5, 20, reject[1])
        return steps
    if not step("复核", 5, 20, "市级复核通过"):
        return steps
    if not step("公示", 3, 15, "公示期 7 天"):
        return steps
    if not step("批准", 8, 12, "公示期满无异议"):
        return steps
    if not step("拨付", 10, 40, "财政国库集中支付"):
        return steps
    if recover:
        step("追回", 60, 300, "经核查企业提供虚假材料，依规追回补贴资金")
    return steps


def add_application(plan: Plan, pol: Pol, programme_id: int, path: list[tuple[str, date, str]],
                    *, recorder: str | None = None) -> int:
    rng = plan.rng
    a = plan.actors
    recorder = recorder or rng.choice(a.recorders)
    first = rng.choice(a.reviewers)
    approver = a.reviewers[1 - a.reviewers.index(first)]
    computed, explanation = subsidy_amount(pol.paid)
    state = path[-1][0]
    reached = {s for s, _, _ in path}
    approved = computed if state in ("公示", "批准", "拨付", "追回") else 0
    paid = approved if state in ("拨付", "追回") else 0
    recovered = paid if state == "追回" else 0
    when = {s: (d, stamp(d, rng)) for s, d, _ in path}
    pub = when.get("公示")
    pay = when.get("拨付")
    serial = plan.next_serial(f"app{pol.start.year}")
    app_id = plan.add("subsidy_application", {
        "application_no": f"BT{pol.start.year}{serial:05d}", "programme_id": programme_id,
        "policy_id": pol.id, "premium_paid_fen": pol.paid, "computed_fen": computed,
        "approved_fen": approved, "paid_fen": paid, "recovered_fen": recovered, "explanation": explanation,
        "state": state, "submitted_at": stamp(path[0][1], rng),
        "publicity_start": pub[0].isoformat() if pub else None,
        "publicity_end": (pub[0] + timedelta(days=6)).isoformat() if pub else None,
        "approved_at": when["批准"][1] if "批准" in when else None,
        "paid_at": pay[1] if pay else None,
        "voucher_no": f"CZZF{pay[0].year}{plan.next_serial(f'v{pay[0].year}'):06d}" if pay else "",
        "payment_batch": f"{pay[0].year}-{(pay[0].month + 2) // 3:02d}" if pay else "",
        "recorded_by": recorder, "first_reviewed_by": first if "初审" in reached else "",
        "approved_by": approver if "批准" in reached else "", "declared_no_double_funding": 1,
        "notes": "",
    })
    actor = {"申报": recorder, "初审": first, "退回补正": first, "复核": approver, "公示": approver,
             "批准": approver, "拨付": a.finance, "追回": a.finance}
    prev = ""
    for s, d, reason in path:
        who = actor[s] if s != "不予支持" else (first if prev in ("申报", "退回补正") else approver)
        amount = {"申报": computed, "批准": approved, "拨付": paid, "追回": recovered}.get(s)
        plan.add("subsidy_event", {"application_id": app_id, "from_state": prev, "to_state": s, "actor": who,
                                   "at": when[s][1] if when[s][0] == d else stamp(d, rng),
                                   "reason": reason, "amount_fen": amount})
        prev = s
    return app_id


def _ensure_every_state(plan: Plan) -> None:
    """Small scales may miss a rare state: add one application in each missing state."""
    states = ("申报", "初审", "复核", "公示", "批准", "拨付", "退回补正", "不予支持", "追回")
    present = {r["state"] for r in plan.rows["subsidy_application"]}
    used = {r["policy_id"] for r in plan.rows["subsidy_application"]}
    chains = {"退回补正": ("申报", "退回补正"), "不予支持": ("申报", "初审", "不予支持")}
    order = ("申报", "初审", "复核", "公示", "批准", "拨付", "追回")
    offsets = (0, 7, 14, 21, 30, 45, 120)
    for state in (s for s in states if s not in present):
        past = state in ("拨付", "不予支持", "追回")
        pool = [p for p in plan.policies if p.id not in used and p.paid == p.premium and p.status != "退保"
                and p.start.year in plan.programmes
                and (p.start.year <= TODAY.year - 2 if past
                     else p.start.year == TODAY.year and p.signed + timedelta(days=60) < TODAY)]
        if not pool:
            continue
        pol = pool[0]
        used.add(pol.id)
        chain = chains.get(state, order[:order.index(state) + 1])
        submitted = pol.signed + timedelta(days=15)
        reasons = {"不予支持": "申报材料与保单信息不一致", "退回补正": "缺少保费发票原件扫描件",
                   "追回": "经核查企业提供虚假材料，依规追回补贴资金"}
        path = [(s, submitted + timedelta(days=offsets[i]), reasons.get(s, "")) for i, s in enumerate(chain)]
        add_application(plan, pol, plan.programmes[pol.start.year], path)
