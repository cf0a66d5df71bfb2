"""Builders for subsidy tests: a programme from a shipped TOML, applications, actors."""

from __future__ import annotations

from dataclasses import replace

from ledger.services.programmes import ProgrammeInput, create_programme
from ledger.services.subsidies import SubsidyInput, create_application
from ledger.services.subsidy_workflow import approve, first_review, publish, second_review
from ledger.subsidy import RuleSet, load_programme

RECORDER, FIRST, SECOND, APPROVER = "王录入", "李初审", "张复核", "赵批准"


def programme(store, rules: RuleSet | str, *, budget_fen: int = 1_000_000_000, year: int | None = None,
              name: str | None = None,
              call_start: str | None = None, call_end: str | None = None) -> int:
    if isinstance(rules, str):
        rules = load_programme(rules)
    if year is not None:
        rules = replace(rules, year=year)
    if name is not None:
        rules = replace(rules, name=name)
    return create_programme(store, ProgrammeInput(rules.name, rules.year, rules, budget_fen=budget_fen,
                                                  call_start=call_start, call_end=call_end)).id


def apply(store, programme_id: int, policy_id: int, paid_fen: int, submitted: str = "2023-03-01", **kw) -> int:
    store.actor = RECORDER
    return create_application(store, SubsidyInput(programme_id, policy_id, paid_fen, submitted, **kw)).id


def computed(store, app_id: int) -> int:
    return store.scalar("SELECT computed_fen FROM subsidy_application WHERE id = ?", (app_id,))


def to_publicity(store, app_id: int, start: str = "2023-05-01", end: str = "2023-05-07") -> None:
    store.actor = FIRST
    first_review(store, app_id)
    store.actor = SECOND
    second_review(store, app_id)
    publish(store, app_id, start=start, end=end)


def to_approved(store, app_id: int, on: str = "2023-05-10") -> None:
    to_publicity(store, app_id)
    store.actor = APPROVER
    approve(store, app_id, at=on)


TYPE_PRODUCT = {"enforcement": "patent_enforcement", "infringement_loss": "patent_infringement_loss_evidence_rider",
                "overseas": "overseas_exhibition_patent_legal", "comprehensive": "ip_legal_expenses",
                "invalidation": "patent_grant_fee"}


def patent_no(serial: int, year: int = 2018) -> str:
    body = f"{year}1{serial:07d}"
    check = sum(int(d) * w for d, w in zip(body, (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5), strict=True)) % 11
    return f"{body}.{'X' if check == 10 else check}"


def ent(store, n: int, tags=("专精特新",), **kw) -> int:
    from factories import enterprise

    return enterprise(store, n, tags=tuple(tags), bank_name="中国银行无锡分行",
                      bank_account="6217000012345678", **kw)


def pat(store, enterprise_id: int, serial: int, *, high_value: bool = False, expiry: str = "2038-07-20") -> int:
    from ledger.services.ip_rights import IpRightInput, create_ip_right

    return create_ip_right(store, IpRightInput(enterprise_id=enterprise_id, ip_type="发明专利",
                                               number=patent_no(serial), title=f"专利{serial}",
                                               expiry_date=expiry, high_value=high_value)).id


def pol(store, enterprise_id: int, no: str, itype: str = "enforcement", *, premium: int, paid: int | None = None,
        sum_insured: int | None = None, ip_ids=(), signed: str | None = None, overseas: bool = False,
        start: str = "2023-01-01", end: str = "2024-01-01", shares=None, status: str = "生效") -> int:
    from ledger.services.policies import InsurerShare, PolicyInput, create_policy

    from factories import insurer_ids, product_id

    ids = insurer_ids(store)
    shares = shares or ((0, 10000),)
    insurers = tuple(InsurerShare(ids[i], bp, is_lead=(k == 0)) for k, (i, bp) in enumerate(shares))
    return create_policy(store, PolicyInput(
        policy_no=no, enterprise_id=enterprise_id, product_id=product_id(store, TYPE_PRODUCT[itype]),
        sum_insured_fen=sum_insured or premium * 50, premium_fen=premium,
        premium_paid_fen=premium if paid is None else paid, start_date=start, end_date=end, signed_date=signed,
        overseas=overseas, insurers=insurers, ip_right_ids=tuple(ip_ids), status=status)).id


def state(store, app_id: int) -> str:
    return store.scalar("SELECT state FROM subsidy_application WHERE id = ?", (app_id,))


def explanation(store, app_id: int) -> str:
    return store.scalar("SELECT explanation FROM subsidy_application WHERE id = ?", (app_id,))
