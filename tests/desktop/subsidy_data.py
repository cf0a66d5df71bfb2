"""A small ledger with users for the subsidy/claims screen tests: one user per role, a Wuxi-rules
programme (50 % of the premium paid, at most 300,000.00 per policy), enterprises and policies."""

from __future__ import annotations

from dataclasses import replace

from ledger import security
from ledger.services import lookups
from ledger.services.enterprises import EnterpriseInput, create_enterprise
from ledger.services.policies import InsurerShare, PolicyInput, create_policy
from ledger.services.programmes import ProgrammeInput, create_programme
from ledger.subsidy import load_programme

PASSWORD = "Ipdesk-2025!"
USERS = {"jingban": "经办人", "shenhe1": "审核人", "shenhe2": "审核人", "caiwu": "财务"}
USCC = ("91110000600037341L", "91350100M000100Y43", "91310115591693856A", "91310110666007217T")


def as_user(store, username: str) -> None:
    security.login(store, username, PASSWORD)


def with_users(store) -> None:
    security.setup_administrator(store, "admin", "系统管理员", PASSWORD)
    as_user(store, "admin")
    for name, role in USERS.items():
        security.create_user(store, name, name, role, PASSWORD)


def programme(store, *, budget_fen: int = 100_000_000, year: int = 2025) -> int:
    """Wuxi 2020 rules for ``year`` (as admin)."""
    as_user(store, "admin")
    rules = replace(load_programme("wuxi-2020"), year=year, name=f"测试市知识产权保险保费补贴（{year}年度）")
    return create_programme(store, ProgrammeInput(rules.name, year, rules, budget_fen=budget_fen,
                                                  call_start=f"{year}-01-01", call_end=f"{year}-12-31")).id


def enterprises_and_policies(store, premiums: list[int], *, year: int = 2025) -> list[int]:
    """One enterprise per USCC (round robin), one policy per premium; returns the policy ids (as admin)."""
    as_user(store, "admin")
    product = lookups.products(store)[0]["id"]
    insurer = lookups.insurers(store)[0]["id"]
    ents = [create_enterprise(store, EnterpriseInput(name=f"测试科技有限公司{n}", uscc=u, district_code="320214",
                                                     tags=("专精特新",))).id
            for n, u in enumerate(USCC[:min(len(premiums), len(USCC))])]
    out = []
    for n, premium in enumerate(premiums):
        out.append(create_policy(store, PolicyInput(
            policy_no=f"PZIP{year}3202{n:08d}", enterprise_id=ents[n % len(ents)], product_id=product,
            sum_insured_fen=premium * 50, premium_fen=premium, premium_paid_fen=premium,
            start_date=f"{year}-02-01", end_date=f"{year + 1}-01-31",
            insurers=(InsurerShare(insurer, 10000, is_lead=True),))).id)
    return out
