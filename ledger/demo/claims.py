"""Demo claims: counterparties, courts and case numbers, cost items, advance and final payments.

Invariants: claimed ≥ approved ≥ paid per cost item; a claim's payments add up to its paid cost
items; one claim per policy and claimed totals ≤ 90 % of the sum insured, so paid ≤ sum insured.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from ledger.demo import names
from ledger.demo.plan import TODAY, Plan, Pol
from ledger.validation.regions import region_info

_CLAIM_TYPES = {"enforcement", "infringement_loss", "infringement_liability", "overseas", "comprehensive",
                "invalidation"}

OVERSEAS_COURTS = (("美国得克萨斯州东区联邦地区法院", "美国", "2:{yy}-cv-{n:05d}"),
                   ("美国特拉华州联邦地区法院", "美国", "1:{yy}-cv-{n:05d}"),
                   ("德国杜塞尔多夫地区法院", "德国", "4c O {n}/{yy}"),
                   ("美国国际贸易委员会（337调查）", "美国", "337-TA-{n:04d}"))
PROVINCE_ABBR = {"11": "京", "31": "沪", "32": "苏", "33": "浙", "34": "皖", "35": "闽", "37": "鲁",
                 "42": "鄂", "44": "粤", "46": "琼", "51": "川"}
_RANGES = {"调查费": (5_000, 60_000), "律师代理费": (30_000, 300_000), "诉讼费": (2_000, 30_000),
           "公证费": (1_000, 10_000), "鉴定费": (10_000, 80_000), "证物费": (1_000, 10_000),
           "差旅费": (2_000, 20_000), "直接经济损失": (50_000, 500_000), "判决金": (50_000, 1_000_000),
           "和解金": (50_000, 800_000), "无效抗辩费": (30_000, 150_000), "产品撤回费": (100_000, 1_000_000),
           "仲裁费": (5_000, 50_000)}


def court_for(district: str, rng: random.Random, year: int) -> tuple[str, str, str]:
    """(court, jurisdiction, case number) of a first-instance IP case near ``district``."""
    prov = district[:2]
    abbr = PROVINCE_ABBR.get(prov, "苏")
    info = region_info(district)
    province = info.province if info and info.province else ""
    if prov in ("11", "31") or rng.random() < 0.1 and prov == "44":
        court = {"11": "北京知识产权法院", "31": "上海知识产权法院"}.get(prov, "广州知识产权法院")
        code = "73"
    else:
        court = f"{info.prefecture if info and info.prefecture else province}中级人民法院"
        code = district[2:4]
    return court, province, f"({year}){abbr}{code}民初{rng.randrange(10, 3000)}号"


def make_claims(plan: Plan, share: float) -> None:
    rng = plan.rng
    cands = [p for p in plan.policies
             if p.product.insurance_type in _CLAIM_TYPES and p.start + timedelta(days=30) < TODAY]
    k = min(len(cands), round(share * len(plan.policies)))
    for pol in sorted(rng.sample(cands, k), key=lambda p: p.id):
        last = min(pol.end, TODAY)
        reported = pol.start + timedelta(days=rng.randrange(30, max(31, (last - pol.start).days)))
        add_claim(plan, pol, reported)


def add_claim(plan: Plan, pol: Pol, reported: date, *, state: str | None = None, outcome: str | None = None,
              closed: date | None = None, items: list[tuple[str, int, int, int]] | None = None,
              payments: list[tuple[str, int, date, bool]] | None = None, counterparty: str = "",
              court: tuple[str, str, str] | None = None, judgement: int = 0, settlement: int = 0,
              description: str = "") -> int:
    rng = plan.rng
    age = (TODAY - reported).days
    liability = "侵权人" in pol.product.target_party
    if state is None:
        if age > 540:
            state = names.pick_weighted(rng, (("结案", 70), ("拒赔", 15), ("撤案", 15)))
        elif age > 180:
            state = names.pick_weighted(rng, (("结案", 45), ("诉讼中", 30), ("调查中", 10), ("拒赔", 10),
                                              ("撤案", 5)))
        else:
            state = names.pick_weighted(rng, (("报案", 25), ("受理", 25), ("调查中", 25), ("诉讼中", 25)))
    if closed is None and state in ("结案", "拒赔", "撤案"):
        closed = reported + timedelta(days=rng.randrange(60, max(61, min(age, 600))))
    if outcome is None and state == "结案":
        outcome = names.pick_weighted(rng, (("和解", 50), ("胜诉", 30), ("败诉", 20)) if liability
                                      else (("胜诉", 55), ("和解", 30), ("败诉", 10), ("撤诉", 5)))
    if not counterparty:
        if pol.overseas:
            counterparty = rng.choice(("A", "B", "C", "D")) + rng.choice(
                (" Technologies LLC", " Licensing Inc.", " IP Holdings Ltd.", " GmbH"))
        else:
            counterparty = names.counterparty_name(rng, rng.choice(("深圳", "东莞", "义乌", "广州", "苏州", "宁波")))
    litigated = state in ("诉讼中", "结案")
    if court is None:
        if not litigated:
            court = ("", "", "")
        elif pol.overseas:
            name, land, fmt = rng.choice(OVERSEAS_COURTS)
            court = (name, land, fmt.format(yy=reported.year % 100, n=rng.randrange(100, 2000)))
        else:
            court = court_for(pol.ent.district, rng, reported.year)
    if items is None:
        items, judgement, settlement = _items(rng, pol, state, outcome, liability)
    if payments is None:
        payments = _payments(rng, items, state, reported, closed)
    ip = "、".join(sorted({r.ip_type for r in pol.ent.rights if r.ip_type in pol.product.ip_types}))
    description = description or (
        f"{'被' + counterparty + '指控侵权' if liability else '发现' + counterparty + '涉嫌侵犯其' + ip}，"
        f"向保险公司报案{'，已进入诉讼程序' if litigated else ''}。")
    serial = plan.next_serial("claim")
    claim_id = plan.add("claim", {
        "claim_no": f"LP{reported.year}{pol.ent.district[:4]}{serial:06d}", "policy_id": pol.id, "state": state,
        "reported_date": reported.isoformat(), "closed_date": closed.isoformat() if closed else None,
        "counterparty": counterparty, "court": court[0], "overseas": int(pol.overseas and bool(court[0])),
        "jurisdiction": court[1], "case_number": court[2], "outcome": outcome,
        "judgement_fen": judgement, "settlement_fen": settlement, "description": description,
    })
    for category, claimed, approved, paid in items:
        plan.add("claim_cost_item", {"claim_id": claim_id, "category": category, "claimed_fen": claimed,
                                     "approved_fen": approved, "paid_fen": paid, "note": ""})
    for kind, amount, paid_date, reconciled in payments:
        plan.add("claim_payment", {"claim_id": claim_id, "kind": kind, "amount_fen": amount,
                                   "paid_date": paid_date.isoformat(), "reconciled": int(reconciled),
                                   "note": "先行赔付调查费和律师费" if kind == "先行赔付" else ""})
    return claim_id


def _items(rng: random.Random, pol: Pol, state: str, outcome: str | None,
           liability: bool) -> tuple[list[tuple[str, int, int, int]], int, int]:
    judgement = settlement = 0
    if state == "报案" and rng.random() < 0.4:
        return [], 0, 0
    if liability:
        cats = ["律师代理费", "诉讼费"] + (["调查费"] if pol.overseas else []) + (
            ["无效抗辩费"] if rng.random() < 0.4 else [])
        if outcome == "败诉":
            cats.append("判决金")
            if pol.overseas and rng.random() < 0.4:
                cats.append("产品撤回费")
        if outcome == "和解":
            cats.append("和解金")
    else:
        cats = ["调查费", "律师代理费", "诉讼费", "公证费"] + [c for c, p in (("鉴定费", 0.3), ("证物费", 0.3),
                                                                         ("差旅费", 0.4)) if rng.random() < p]
        if pol.product.insurance_type == "infringement_loss" and outcome == "胜诉":
            cats.append("直接经济损失")
    if state == "撤案":
        cats = ["调查费"]
    scale = 5 if pol.overseas and not liability else (4 if pol.overseas else 1)
    claimed = {c: rng.randrange(*_RANGES[c]) * 100 * (scale if c == "律师代理费" else 1) for c in cats}
    limit = pol.sum_insured * 9 // 10
    total = sum(claimed.values())
    if total > limit:
        claimed = {c: v * limit // total for c, v in claimed.items()}
    out = []
    for c, v in claimed.items():
        if state in ("拒赔", "撤案", "报案", "受理"):
            approved = 0
        elif state in ("调查中", "诉讼中"):
            approved = v * rng.randrange(80, 101) // 100 if c in ("调查费", "律师代理费") and rng.random() < 0.5 else 0
        elif outcome == "撤诉" and c not in ("调查费", "公证费"):
            approved = 0
        else:
            approved = v * rng.randrange(70, 101) // 100 // 100 * 100
        paid = approved
        out.append((c, v, approved, paid))
    if outcome == "胜诉" and not liability:
        judgement = rng.randrange(50_000, 1_000_000) * 100
    if outcome == "败诉" and liability:
        judgement = claimed.get("判决金", 0)
    if outcome == "和解":
        settlement = claimed.get("和解金", rng.randrange(50_000, 500_000) * 100)
    return out, judgement, settlement


def _payments(rng: random.Random, items: list[tuple[str, int, int, int]], state: str, reported: date,
              closed: date | None) -> list[tuple[str, int, date, bool]]:
    paid = sum(i[3] for i in items)
    if paid == 0:
        return []
    if state != "结案":  # in progress: what is paid so far was paid in advance
        return [("先行赔付", paid, min(TODAY, reported + timedelta(days=rng.randrange(20, 120))), False)]
    assert closed is not None
    final_date = min(TODAY, closed + timedelta(days=rng.randrange(5, 30)))
    advance = sum(i[3] for i in items if i[0] in ("调查费", "律师代理费"))
    if rng.random() < 0.25 and 0 < advance < paid:
        adv_date = reported + timedelta(days=rng.randrange(20, max(21, (closed - reported).days)))
        return [("先行赔付", advance, adv_date, True), ("赔付", paid - advance, final_date, True)]
    return [("赔付", paid, final_date, True)]

