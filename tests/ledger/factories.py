"""Builders for small, valid ledgers used by the foundation tests."""

from __future__ import annotations

from ledger.services.enterprises import EnterpriseInput, create_enterprise
from ledger.services.ip_rights import IpRightInput, create_ip_right
from ledger.services.policies import InsurerShare, PolicyInput, create_policy
from ledger.store import lookups

VALID_USCC = ("91110000600037341L", "91350100M000100Y43", "91310115591693856A", "91310110666007217T")


def enterprise(store, n: int = 0, **overrides) -> int:
    values = dict(name=f"无锡燊堃科技有限公司{n}", uscc=VALID_USCC[n], district_code="320214",
                  industry="半导体", tags=("专精特新",), contact_phone="13912345678")
    values.update(overrides)
    return create_enterprise(store, EnterpriseInput(**values)).id


def patent(store, enterprise_id: int, number: str = "201710601862.3", ip_type: str = "发明专利") -> int:
    return create_ip_right(store, IpRightInput(enterprise_id=enterprise_id, ip_type=ip_type, number=number,
                                               title="一种芯片封装结构", expiry_date="2037-07-20",
                                               filing_date="2017-07-20")).id


def product_id(store, code: str | None = None) -> int:
    rows = lookups.products(store.conn)
    if code is None:
        return rows[0]["id"]
    return next(r["id"] for r in rows if r["code"] == code)


def insurer_ids(store) -> list[int]:
    return [r["id"] for r in lookups.insurers(store.conn)]


def policy(store, enterprise_id: int, policy_no: str, *, ip_ids=(), sum_insured=100_000_000,
           premium=2_000_000, paid=None, start="2023-01-01", end="2024-01-01", shares=((0, 10000),)) -> int:
    ids = insurer_ids(store)
    insurers = tuple(InsurerShare(ids[i], bp, is_lead=(k == 0)) for k, (i, bp) in enumerate(shares))
    return create_policy(store, PolicyInput(
        policy_no=policy_no, enterprise_id=enterprise_id, product_id=product_id(store),
        sum_insured_fen=sum_insured, premium_fen=premium, premium_paid_fen=premium if paid is None else paid,
        start_date=start, end_date=end, insurers=insurers, ip_right_ids=tuple(ip_ids))).id
