"""Typical cases (典型案例) in the white paper's annex format, linked to ledger records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ledger.errors import Issue, Outcome
from ledger.services.base import as_values, enforce, row_dict
from ledger.store import Store, lookups, records
from ledger.validation import validate_text

NARRATIVE_MAX = 200_000  # characters; long narratives flow over pages in reports


@dataclass(frozen=True)
class CaseInput:
    number: int
    year: int
    title: str
    region: str = ""
    parties: str = ""
    product_text: str = ""
    clause_type: str = ""
    ip_types_text: str = ""
    insurers_text: str = ""
    background: str = ""
    innovation: str = ""
    effect: str = ""
    enterprise_id: int | None = None
    policy_id: int | None = None
    claim_id: int | None = None
    product_id: int | None = None


def check_case(store: Store, inp: CaseInput, *, record_id: int | None = None) -> list[Issue]:
    issues = validate_text(inp.title, "title", "案例标题", max_len=200)
    if not isinstance(inp.number, int) or inp.number < 1:
        issues.append(Issue("number", "case.number", "案例序号应为正整数"))
    if not isinstance(inp.year, int) or not 2000 <= inp.year <= 2100:
        issues.append(Issue("year", "case.year", "年度应在 2000–2100 之间"))
    for key, label in (("region", "相关地区"), ("parties", "相关主体"), ("product_text", "保险产品"),
                       ("clause_type", "条款归属"), ("ip_types_text", "知识产权类型"),
                       ("insurers_text", "相关保险机构")):
        issues += validate_text(getattr(inp, key), key, label, required=False, max_len=2000)
    for key, label in (("background", "基本情况"), ("innovation", "创新点"), ("effect", "实施效果")):
        issues += validate_text(getattr(inp, key), key, label, required=False, max_len=NARRATIVE_MAX)
    for key, table, label in (("enterprise_id", "enterprise", "关联企业"), ("policy_id", "policy", "关联保单"),
                              ("claim_id", "claim", "关联理赔"), ("product_id", "product", "关联险种")):
        value = getattr(inp, key)
        if value is not None and not lookups.exists(store.conn, table, value):
            issues.append(Issue(key, "case.link", f"{label}不存在"))
    clash = lookups.case_id(store.conn, inp.year, inp.number)
    if clash is not None and clash != record_id:
        issues.append(Issue("number", "case.duplicate", f"{inp.year} 年已有案例 {inp.number}"))
    return issues


def create_case(store: Store, inp: CaseInput) -> Outcome:
    warnings = enforce(check_case(store, inp))
    with store.write() as conn:
        new_id, uuid = records.insert(conn, "case_study", as_values(inp), office=store.office_id)
    return Outcome(new_id, uuid, warnings)


def update_case(store: Store, record_id: int, inp: CaseInput, *, expected_revision: int | None = None) -> Outcome:
    warnings = enforce(check_case(store, inp, record_id=record_id))
    with store.write() as conn:
        records.update(conn, "case_study", record_id, as_values(inp), expected_revision=expected_revision)
        uuid = records.get(conn, "case_study", record_id)["uuid"]
    return Outcome(record_id, uuid, warnings)


def delete_case(store: Store, record_id: int) -> None:
    with store.write() as conn:
        records.delete(conn, "case_study", record_id)


def get_case(store: Store, record_id: int) -> dict[str, Any]:
    return row_dict(records.get(store.conn, "case_study", record_id))
