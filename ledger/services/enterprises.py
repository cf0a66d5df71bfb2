"""Enterprises (试点企业): validation, create, update, delete, read."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ledger.errors import Issue, Outcome
from ledger.services.base import as_values, enforce, json_list, refuse_if_dependants, row_dict
from ledger.store import Store, lookups, records
from ledger.validation import (
    clean_text,
    normalise_uscc,
    validate_bank_account,
    validate_choice,
    validate_phone,
    validate_region_code,
    validate_text,
    validate_uscc,
)

TAGS = ("单项冠军", "专精特新", "高新技术企业", "中小微", "出口型", "知识产权示范企业")


@dataclass(frozen=True)
class EnterpriseInput:
    name: str
    uscc: str
    district_code: str
    industry: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)
    contact_person: str = ""
    contact_phone: str = ""
    address: str = ""
    bank_name: str = ""
    bank_account: str = ""
    blacklisted: bool = False
    blacklist_reason: str = ""
    notes: str = ""

    def normalised(self) -> EnterpriseInput:
        return replace(
            self,
            name=clean_text(self.name),
            uscc=normalise_uscc(self.uscc),
            district_code=self.district_code.strip(),
            contact_phone=self.contact_phone.strip(),
            bank_account="".join(self.bank_account.split()),
            tags=tuple(dict.fromkeys(t.strip() for t in self.tags if t.strip())),
        )


def check_enterprise(store: Store, inp: EnterpriseInput, *, record_id: int | None = None) -> list[Issue]:
    inp = inp.normalised()
    issues = validate_text(inp.name, "name", "企业名称", max_len=200)
    issues += validate_uscc(inp.uscc, "uscc")
    issues += validate_region_code(inp.district_code, "district_code")
    issues += validate_text(inp.industry, "industry", "所属行业", required=False, max_len=60)
    for tag in inp.tags:
        issues += validate_choice(tag, TAGS, "tags", "企业标签")
    if inp.contact_phone:
        issues += validate_phone(inp.contact_phone, "contact_phone", "联系电话")
    issues += validate_text(inp.contact_person, "contact_person", "联系人", required=False, max_len=40)
    issues += validate_text(inp.address, "address", "地址", required=False, max_len=200)
    issues += validate_text(inp.bank_name, "bank_name", "开户银行", required=False, max_len=100)
    if inp.bank_account:
        issues += validate_bank_account(inp.bank_account, "bank_account", "银行账号")
    if inp.blacklisted and not inp.blacklist_reason.strip():
        issues.append(Issue("blacklist_reason", "blacklist.reason", "列入黑名单必须填写原因"))
    issues += validate_text(inp.notes, "notes", "备注", required=False, max_len=2000)
    if not any(i.field == "uscc" and i.is_error for i in issues):
        other = lookups.id_by(store.conn, "enterprise", "uscc", inp.uscc)
        if other is not None and other != record_id:
            issues.append(Issue("uscc", "uscc.duplicate", f"统一社会信用代码 {inp.uscc} 已登记为另一家企业"))
    return issues


def _values(inp: EnterpriseInput, override_reason: str, warnings: list[Issue]) -> dict[str, Any]:
    values = as_values(inp, skip=("tags",))
    values["tags"] = json_list(inp.tags)
    values["uscc_override_reason"] = override_reason.strip() if warnings else ""
    return values


def create_enterprise(store: Store, inp: EnterpriseInput, *, override_reason: str = "") -> Outcome:
    inp = inp.normalised()
    warnings = enforce(check_enterprise(store, inp), override_reason)
    with store.write() as conn:
        new_id, uuid = records.insert(conn, "enterprise", _values(inp, override_reason, warnings),
                                      office=store.office_id)
    return Outcome(new_id, uuid, warnings)


def update_enterprise(
    store: Store, record_id: int, inp: EnterpriseInput, *,
    expected_revision: int | None = None, override_reason: str = "",
) -> Outcome:
    inp = inp.normalised()
    warnings = enforce(check_enterprise(store, inp, record_id=record_id), override_reason)
    with store.write() as conn:
        records.update(conn, "enterprise", record_id, _values(inp, override_reason, warnings),
                       expected_revision=expected_revision)
        uuid = records.get(conn, "enterprise", record_id)["uuid"]
    return Outcome(record_id, uuid, warnings)


def delete_enterprise(store: Store, record_id: int) -> None:
    with store.write() as conn:
        refuse_if_dependants(conn, "enterprise", record_id, "企业")
        records.delete(conn, "enterprise", record_id)


def get_enterprise(store: Store, record_id: int) -> dict[str, Any]:
    return row_dict(records.get(store.conn, "enterprise", record_id))


def input_from_row(row: dict[str, Any]) -> EnterpriseInput:
    import json

    return EnterpriseInput(
        name=row["name"], uscc=row["uscc"], district_code=row["district_code"],
        industry=row["industry"], tags=tuple(json.loads(row["tags"])),
        contact_person=row["contact_person"], contact_phone=row["contact_phone"],
        address=row["address"], bank_name=row["bank_name"], bank_account=row["bank_account"],
        blacklisted=bool(row["blacklisted"]), blacklist_reason=row["blacklist_reason"], notes=row["notes"],
    )
