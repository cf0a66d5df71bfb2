"""Deterministic annual-report input for tests and the sample PNGs."""

from __future__ import annotations

import random

from reports.annual_report import AnnualReportData


def sample_stats(n_enterprises: int = 120, n_policies: int = 150) -> dict:
    rnd = random.Random(7)
    districts = [("320402", "天宁区"), ("320404", "钟楼区"), ("320411", "新北区"), ("320412", "武进区")]
    products = [("P01", "专利执行保险", "财产损失类", "专利", "维权保障类"),
                ("P02", "专利被侵权损失保险", "财产损失类", "专利", "维权保障类"),
                ("P03", "侵犯专利权责任保险", "责任类", "专利", "风险转移类"),
                ("P04", "商标被侵权损失保险", "财产损失类", "商标", "维权保障类"),
                ("P05", "知识产权质押融资保证保险", "保证类", "综合", "融资增信类")]
    by_year = []
    for i, y in enumerate(range(2021, 2026)):
        by_year.append({"year": y, "enterprises": 40 + 60 * i, "ip_rights": 300 + 900 * i,
                        "policies": 50 + 70 * i, "sum_insured_fen": (12_345_678_901 + i * 98_765_432_10),
                        "premium_fen": 123_456_789 + i * 45_678_901, "subsidy_approved_fen": 61_728_394 + i * 22_839_450,
                        "subsidy_paid_fen": 50_000_000 + i * 20_000_000, "claims_paid_fen": 3_000_000 * i,
                        "loss_ratio_bp": (300 * i) or None})
    cur = by_year[-1]
    by_product = []
    for code, name, lc, subj, fn in products:
        by_product.append({"product_code": code, "product_name": name, "liability_class": lc, "subject": subj,
                           "function_class": fn, "policies": rnd.randint(5, 80), "enterprises": rnd.randint(5, 60),
                           "sum_insured_fen": rnd.randint(10**8, 10**10), "premium_fen": rnd.randint(10**6, 10**8),
                           "claims_paid_fen": rnd.randint(0, 10**6), "loss_ratio_bp": rnd.randint(0, 3000)})
    ents = [{"name": f"常州市{rnd.choice('燊堃喆犇淼鑫焱垚')}{rnd.choice('华创达科')}智能科技有限公司{k}",
             "uscc": f"91320400MA{k:08d}", "district_name": rnd.choice(districts)[1],
             "ip_rights": rnd.randint(1, 40), "policies": rnd.randint(1, 3)} for k in range(n_enterprises)]
    pols = [{"policy_no": f"PZHX2025320400{k:06d}", "enterprise_name": ents[k % len(ents)]["name"],
             "product_name": rnd.choice(products)[1], "insurer_name": "中国人民财产保险股份有限公司常州市分公司",
             "start_date": "2025-01-01", "end_date": "2025-12-31", "sum_insured_fen": rnd.randint(10**6, 10**9),
             "premium_fen": rnd.randint(10**4, 10**7), "subsidy_approved_fen": rnd.randint(10**4, 10**6)}
            for k in range(n_policies)]
    return {
        "year": 2025, "programme": "常州市知识产权保险试点", "bureau_name": "常州市知识产权局",
        "enterprises": cur["enterprises"], "ip_rights": cur["ip_rights"],
        "ip_rights_by_type": {"发明专利": 2100, "实用新型": 1000, "商标": 700, "地理标志": 100},
        "policies": cur["policies"], "sum_insured_fen": cur["sum_insured_fen"], "premium_fen": cur["premium_fen"],
        "subsidy_approved_fen": cur["subsidy_approved_fen"], "subsidy_paid_fen": cur["subsidy_paid_fen"],
        "claims": 4, "claims_paid_fen": cur["claims_paid_fen"], "loss_ratio_bp": cur["loss_ratio_bp"],
        "by_year": by_year,
        "by_district": [{"district_code": c, "district_name": n, "enterprises": rnd.randint(10, 90),
                         "policies": rnd.randint(10, 90), "sum_insured_fen": rnd.randint(10**8, 10**10),
                         "premium_fen": rnd.randint(10**6, 10**8), "subsidy_approved_fen": rnd.randint(10**5, 10**7)}
                        for c, n in districts],
        "by_product": by_product,
        "by_insurer": [{"insurer_name": "中国人民财产保险股份有限公司常州市分公司", "short_name": "人保财险",
                        "policies": 200, "sum_insured_fen": 30_000_000_000, "premium_fen": 200_000_000,
                        "claims_paid_fen": 12_000_000, "loss_ratio_bp": 600},
                       {"insurer_name": "中国太平洋财产保险股份有限公司常州中心支公司", "short_name": "太保产险",
                        "policies": 90, "sum_insured_fen": 22_345_678_901, "premium_fen": 106_172_393,
                        "claims_paid_fen": 0, "loss_ratio_bp": 0}],
        "by_ip_type": [{"ip_type": "发明专利", "ip_rights": 2100, "enterprises": 150, "sum_insured_fen": 30_000_000_000},
                       {"ip_type": "实用新型", "ip_rights": 1000, "enterprises": 90, "sum_insured_fen": 12_000_000_000},
                       {"ip_type": "商标", "ip_rights": 700, "enterprises": 60, "sum_insured_fen": 9_000_000_000},
                       {"ip_type": "地理标志", "ip_rights": 100, "enterprises": 5, "sum_insured_fen": 1_345_678_901}],
        "budget": {"allocated_fen": 200_000_000, "committed_fen": 152_086_194, "paid_fen": 130_000_000,
                   "recovered_fen": 1_000_000, "remaining_fen": 47_913_806},
        "enterprise_list": ents, "policy_list": pols,
    }


def sample_data(cases=None, **kw) -> AnnualReportData:
    return AnnualReportData.from_stats(sample_stats(**kw), cases=cases or [], report_date="2026-11-25")
