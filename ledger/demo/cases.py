"""The white paper's nine typical cases as case_study rows, each linked to records shaped like it.

Figures come from the case texts (``resources/catalogue/cases.toml``); where the white paper is
silent (premium rates, exact dates, case numbers) the demo picks plausible values. Enterprises
the white paper names are used under their names; anonymous ones get invented names.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from ledger import catalogue
from ledger.demo import identifiers as ids
from ledger.demo import names
from ledger.demo.activity import add_application, add_policy
from ledger.demo.claims import add_claim
from ledger.demo.plan import Ent, Plan
from ledger.validation.regions import region_info


@dataclass(frozen=True)
class _Shape:
    enterprise: str
    district: str
    industry: str  # Industry.word in names.INDUSTRIES
    tags: tuple[str, ...]
    rights: tuple[tuple[str, str], ...]  # (ip_type, title)
    product: str
    start: date
    years: int
    sum_insured_fen: int
    rate_bp: int
    department: str = "9"
    kind: str = "1"


SHAPES: dict[int, _Shape] = {
    1: _Shape("北京昊鑫精密仪器股份有限公司", "110108", "智能科技", ("单项冠军", "高新技术企业"),
              (("发明专利", "一种高精度光栅位移测量方法"), ("发明专利", "一种多轴同步运动控制系统"),
               ("实用新型", "一种精密测头防护结构")), "beijing_patent_guard", date(2020, 3, 1), 3,
              500_000_000, 300),
    2: _Shape("三维海容（青岛）科技有限公司", "370212", "科技", ("中小微", "高新技术企业"),
              (("发明专利", "一种三维数据采集与建模方法"), ("实用新型", "一种便携式三维扫描装置")),
              "patent_pledge_guarantee", date(2022, 4, 15), 1, 1_000_000_000, 150),
    3: _Shape("莱茵精工（常州）有限公司", "320412", "精密机械", ("出口型", "高新技术企业"),
              (("商标", "莱茵精工"), ("商标", "RHEINPRAZ")), "trademark_infringement_loss",
              date(2021, 9, 1), 1, 200_000_000, 250),
    4: _Shape("阳山水蜜桃桃农协会", "320206", "农业科技", ("中小微",), (("地理标志", "阳山水蜜桃"),),
              "gi_infringement_loss", date(2020, 6, 18), 1, 30_000_000, 300, "5", "1"),
    5: _Shape("中国种子集团有限公司", "460205", "种业", ("知识产权示范企业",),
              (("植物新品种", "川种3A"), ("植物新品种", "荃优607"), ("植物新品种", "中种R1607")),
              "pvr_infringement_loss", date(2022, 9, 2), 1, 300_000_000, 200),
    6: _Shape("东莞市犇淼精密五金有限公司", "441900", "机械制造", ("中小微",),
              (("发明专利", "一种五金冲压件的连续成型方法"), ("商标", "犇淼")), "ip_legal_expenses",
              date(2020, 6, 30), 1, 10_000_000, 300),
    7: _Shape("东莞市本末科技有限公司", "441900", "智能科技", ("中小微", "出口型", "高新技术企业"),
              (("发明专利", "一种直驱电机的控制方法"), ("发明专利", "一种轮足机器人关节模组"),
               ("外观设计", "机器人关节模组外壳")), "overseas_ip_infringement_liability",
              date(2022, 5, 1), 1, 2_000_000_000, 200),
    8: _Shape("北京堃喆通信技术有限公司", "110108", "科技", ("出口型", "专精特新"),
              (("发明专利", "一种基站天线波束赋形方法"), ("商标", "堃喆")), "ip_overseas_dispute_legal",
              date(2022, 6, 1), 1, 600_000_000, 500),
    9: _Shape("京信通信技术（广州）有限公司", "440112", "科技", ("出口型", "高新技术企业"),
              (("发明专利", "一种多频段基站天线"), ("发明专利", "一种射频拉远单元的散热结构")),
              "overseas_ip_infringement_liability", date(2020, 5, 20), 1, 1_000_000_000, 300),
}


# The white paper names these enterprises; everything else about them here is invented, and a
# clerk opening the demo must not take a generated USCC or bank account for the real one.
DEMO_NOTE = "白皮书附件典型案例企业。演示数据：统一社会信用代码、银行账号、联系人、电话、地址均为虚构，并非该企业真实信息"


def _industry(word: str) -> Any:
    return next(ind for ind, _ in names.INDUSTRIES if ind.word == word)


def _enterprise(plan: Plan, shape: _Shape) -> Ent:
    rng = plan.rng
    info = region_info(shape.district)
    assert info is not None
    city_full = info.prefecture or (info.name if info.name.endswith("市") else info.province) or ""
    bank_kind, bank_name = names.bank(rng, city_full.removesuffix("市"), info.name)
    seen: set[str] = plan.seen_codes  # type: ignore[attr-defined]
    ent_id = plan.add("enterprise", {
        "name": shape.enterprise, "uscc": ids.uscc(rng, shape.district, seen, department=shape.department,
                                                   kind=shape.kind, modern=True),
        "uscc_override_reason": "", "district_code": shape.district, "industry": _industry(shape.industry).label,
        "tags": json.dumps(list(shape.tags), ensure_ascii=False), "contact_person": names.person_name(rng),
        "contact_phone": ids.mobile(rng), "address": names.address(rng, info.full_name, False),
        "bank_name": bank_name, "bank_account": ids.bank_account(rng, bank_kind, seen), "blacklisted": 0,
        "blacklist_reason": "", "notes": DEMO_NOTE,
    })
    ent = Ent(ent_id, shape.enterprise, shape.district, city_full.removesuffix("市"), city_full,
              info.province or "", _industry(shape.industry), shape.enterprise[:2], shape.tags, False)
    plan.enterprises.append(ent)
    return ent


def make_cases(plan: Plan, products: dict, insurers: dict, product_ids: dict, insurer_ids: dict) -> None:
    from ledger.demo.generator import add_ip_right

    seen: set[str] = set()
    for case in sorted(catalogue.load_cases(), key=lambda c: c.number):
        shape = SHAPES[case.number]
        ent = _enterprise(plan, shape)
        right_ids = [add_ip_right(plan, ent, t, seen, granted=True, title=title,
                                  filing=date(shape.start.year - 3, 4, 1 + i))
                     for i, (t, title) in enumerate(shape.rights)]
        product = products[shape.product]
        codes = tuple(case.insurer_codes) or product.insurers
        pol = add_policy(plan, ent, product, shape.start, product_ids, insurers, insurer_ids,
                         years=shape.years, sum_insured=shape.sum_insured_fen, rate_bp=shape.rate_bp,
                         right_ids=right_ids, insurer_codes=codes, notes=f"白皮书典型案例 {case.number}")
        _fix_policy(plan, pol)
        claim_id = _case_claim(plan, case.number, pol)
        if case.number == 4 and 2020 in plan.programmes:
            add_application(plan, pol, plan.programmes[2020], [
                ("申报", date(2020, 7, 10), "企业提交申报材料"), ("初审", date(2020, 7, 24), "区县初审通过"),
                ("复核", date(2020, 8, 7), "市级复核通过"), ("公示", date(2020, 8, 14), "公示期 7 天"),
                ("批准", date(2020, 8, 24), "公示期满无异议"), ("拨付", date(2020, 9, 25), "财政国库集中支付"),
            ], recorder=plan.actors.recorders[0])
        if case.number == 7:  # the white paper's 60 万 premium covers two policies
            add_policy(plan, ent, products["infringing_patent_liability"], shape.start, product_ids, insurers,
                       insurer_ids, years=1, sum_insured=1_000_000_000, rate_bp=200, right_ids=right_ids[:2],
                       insurer_codes=codes, notes="白皮书典型案例 7")
            _fix_policy(plan, plan.policies[-1])
        plan.add("case_study", {
            "number": case.number, "year": case.year, "title": case.title, "region": case.region,
            "parties": case.parties, "product_text": case.product, "clause_type": case.clause_type,
            "ip_types_text": case.ip_types, "insurers_text": case.insurers, "background": case.background,
            "innovation": case.innovation, "effect": case.effect, "enterprise_id": ent.id, "policy_id": pol.id,
            "claim_id": claim_id, "product_id": product_ids[shape.product],
        })


def _fix_policy(plan: Plan, pol: Any) -> None:
    """Case policies are paid in full and in force as the white paper describes them."""
    row = next(r for r in reversed(plan.rows["policy"]) if r["id"] == pol.id)
    row["premium_paid_fen"] = row["premium_fen"]
    row["status"] = "到期" if row["end_date"] < "2025-12-31" else "生效"
    pol.paid, pol.status = row["premium_fen"], row["status"]


def _case_claim(plan: Plan, number: int, pol: Any) -> int | None:
    if number == 3:  # 先行赔付 of investigation and legal costs, close to 100,000 yuan
        return add_claim(
            plan, pol, date(2022, 3, 10), state="诉讼中", counterparty="常州某汽配贸易有限公司",
            court=("常州市中级人民法院", "江苏省", "(2022)苏04民初318号"),
            items=[("调查费", 4_200_000, 4_200_000, 4_200_000), ("律师代理费", 8_000_000, 5_600_000, 5_600_000)],
            payments=[("先行赔付", 9_800_000, date(2022, 5, 20), False)],
            description="企业调查发现国内某企业侵犯其中、英文商标专用权，委托律师取证并起诉，保险公司先行赔付调查费和法律费用。")
    if number == 4:  # judgement 120,000 yuan; insurer paid litigation + investigation costs 64,000
        return add_claim(
            plan, pol, date(2020, 8, 5), state="结案", outcome="胜诉", closed=date(2020, 12, 28),
            counterparty="某网店经营者（线上销售假冒阳山水蜜桃）",
            court=("无锡市中级人民法院", "江苏省", "(2020)苏02民初569号"), judgement=12_000_000,
            items=[("诉讼费", 860_000, 860_000, 860_000), ("调查费", 5_540_000, 5_540_000, 5_540_000)],
            payments=[("赔付", 6_400_000, date(2021, 1, 15), True)],
            description="桃农协会起诉线上销售假冒“阳山水蜜桃”的侵权人，法院判决获赔 12 万元；保险公司赔付诉讼费、调查费共 6.4 万元。")
    if number == 9:  # US suit by a patent troll, settled in May 2021, paid in September 2021
        return add_claim(
            plan, pol, date(2020, 12, 15), state="结案", outcome="和解", closed=date(2021, 8, 20),
            counterparty="A公司（非专利实施主体）",
            court=("美国得克萨斯州东区联邦地区法院", "美国", "2:20-cv-00387"), settlement=150_000_000,
            items=[("律师代理费", 240_000_000, 220_000_000, 220_000_000),
                   ("和解金", 150_000_000, 150_000_000, 150_000_000)],
            payments=[("赔付", 370_000_000, date(2021, 9, 15), True)],
            description="企业在美国遭遇专利侵权诉讼，保险公司与中外律所组成应对小组，经多轮谈判以较低金额和解。")
    return None
