"""A small deterministic ledger for desktop and register tests (written with records.insert)."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

from ledger.store import Store, records

SURNAMES = "阿北重张李王赵钱孙周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施孔曹严华金魏陶姜"
WORDS = ["科技", "机械", "生物", "医药", "电子", "新材料", "智能", "光电", "精密", "软件", "食品"]
SUFFIX = ["有限公司", "股份有限公司", "集团有限公司", "研究院有限公司"]
DISTRICTS = ["320211", "320213", "320214", "320205", "320206"]
TAGS = ["单项冠军", "专精特新", "高新技术企业", "中小微", "出口型", "知识产权示范企业"]
IP_TYPES = ["发明专利", "实用新型", "外观设计", "商标", "软件著作权"]
TITLE_WORDS = ["一种", "数控", "机床", "主轴", "冷却", "装置", "系统", "方法", "传感器", "电池", "电极", "材料"]


def populate(store: Store, *, enterprises: int = 120, seed: int = 7) -> None:
    rng = random.Random(seed)
    with store.write() as conn:
        insurers = [r[0] for r in conn.execute("SELECT id FROM insurer ORDER BY id LIMIT 3")]
        products = [r[0] for r in conn.execute("SELECT id FROM product ORDER BY id LIMIT 6")]
        for code, full, short in [] if insurers else [
            ("picc", "中国人民财产保险股份有限公司", "人保财险"),
            ("pingan", "中国平安财产保险股份有限公司", "平安产险"),
            ("cpic", "中国太平洋财产保险股份有限公司", "太保产险"),
        ]:
            insurers.append(records.insert(conn, "insurer", {"code": code, "full_name": full, "short_name": short})[0])
        for code, name, cls, fn in [] if products else [
            ("pe", "专利执行保险", "补偿类", "风险保障类"),
            ("pi", "专利被侵权损失保险", "补偿类", "风险保障类"),
            ("ti", "侵犯专利权责任保险", "责任类", "风险保障类"),
            ("pl", "知识产权质押融资保证保险", "融资类", "转化运用类"),
        ]:
            products.append(records.insert(conn, "product", {
                "code": code, "name": name, "liability_class": cls, "function_class": fn})[0])
        programmes = [
            records.insert(conn, "programme", {"name": f"{y}年知识产权保险补贴", "year": y})[0]
            for y in (2021, 2022, 2023)
        ]
        ent_ids = []
        for n in range(enterprises):
            name = (rng.choice(SURNAMES) + rng.choice(SURNAMES) + rng.choice(WORDS)
                    + rng.choice(SUFFIX))
            if n % 17 == 0:
                name = f"ABC_{n}%科技有限公司"  # LIKE wildcards in real names
            uscc = f"91320200{n:09d}X"
            tags = json.dumps(rng.sample(TAGS, rng.randint(0, 2)), ensure_ascii=False)
            eid, _ = records.insert(conn, "enterprise", {
                "name": f"{name}{n}", "uscc": uscc, "district_code": rng.choice(DISTRICTS),
                "industry": rng.choice(["制造业", "信息技术", "医药", "新能源"]), "tags": tags,
                "blacklisted": int(n % 29 == 0)})
            ent_ids.append(eid)
        ip_ids = []
        for n in range(enterprises * 2):
            t = rng.choice(IP_TYPES)
            title = "".join(rng.sample(TITLE_WORDS, 4))
            iid, _ = records.insert(conn, "ip_right", {
                "enterprise_id": rng.choice(ent_ids), "ip_type": t, "number": f"2020{n:07d}.{n % 10}",
                "title": title, "owner_name": "", "filing_date": f"20{rng.randint(15, 22)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                "status": rng.choice(["有效", "有效", "审查中", "失效"]),
                "high_value": int(rng.random() < 0.2)})
            ip_ids.append(iid)
        today = date.today()
        for n in range(enterprises * 2):
            year = rng.choice([2021, 2022, 2023])
            start = date(year, rng.randint(1, 12), rng.randint(1, 28))
            if n % 10 == 0:  # some policies close to expiry
                end = today + timedelta(days=rng.randint(1, 120))
                start = end - timedelta(days=365)
            else:
                end = start + timedelta(days=365 * rng.choice([1, 3]))
            sum_insured = rng.randint(10, 500) * 1_000_000
            premium = sum_insured // rng.randint(20, 60)
            pid, _ = records.insert(conn, "policy", {
                "policy_no": f"P{year}{n:06d}", "enterprise_id": rng.choice(ent_ids),
                "product_id": rng.choice(products), "sum_insured_fen": sum_insured,
                "premium_fen": premium, "premium_paid_fen": premium,
                "start_date": start.isoformat(), "end_date": end.isoformat(),
                "status": "生效" if end >= today else "到期"})
            lead = rng.choice(insurers)
            records.insert_link(conn, "policy_insurer", {"policy_id": pid, "insurer_id": lead,
                                                         "share_bp": 10000, "is_lead": 1})
            for iid in rng.sample(ip_ids, rng.randint(1, 3)):
                records.insert_link(conn, "policy_ip_right", {"policy_id": pid, "ip_right_id": iid})
            if n % 3 == 0:
                approved = premium // 2
                records.insert(conn, "subsidy_application", {
                    "application_no": f"S{year}{n:05d}", "programme_id": programmes[year - 2021],
                    "policy_id": pid, "premium_paid_fen": premium, "computed_fen": approved,
                    "approved_fen": approved, "paid_fen": approved if n % 2 else 0,
                    "state": "拨付" if n % 2 else "批准", "submitted_at": f"{year}-06-01T09:00:00"})
            if n % 7 == 0:
                cid, _ = records.insert(conn, "claim", {
                    "claim_no": f"C{year}{n:05d}", "policy_id": pid, "reported_date": f"{year}-10-0{n % 9 + 1}",
                    "counterparty": rng.choice(["某某贸易商行", "深圳某电子厂", "Acme Corp."]),
                    "state": "结案"})
                records.insert(conn, "claim_payment", {"claim_id": cid, "kind": "赔付",
                                                       "amount_fen": premium, "paid_date": f"{year}-12-01"})
        for i in range(1, 4):
            records.insert(conn, "case_study", {"number": i, "year": 2022, "title": f"某市专利执行保险案例{i}",
                                                "region": "江苏省无锡市"})
