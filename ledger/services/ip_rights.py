"""IP rights (知识产权) of enrolled enterprises."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ledger.errors import Issue, NotFound, Outcome
from ledger.services.base import as_values, enforce, refuse_if_dependants, row_dict
from ledger.store import Store, lookups, records
from ledger.validation import (
    IP_TYPES,
    clean_text,
    validate_choice,
    validate_date,
    validate_ip_number,
    validate_nice_class,
    validate_period,
    validate_text,
)
from ledger.validation.identifiers import (
    PATENT_TYPES,
    normalise_ic_layout,
    normalise_patent,
    normalise_plant_variety,
    normalise_trademark,
)

STATUSES = ("有效", "审查中", "失效", "无效宣告中", "已转让")


def normalise_ip_number(ip_type: str, number: str) -> str:
    """Canonical stored form of an IP number (the natural key with the type)."""
    if ip_type in PATENT_TYPES:
        return normalise_patent(number)
    special = {"商标": normalise_trademark, "植物新品种": normalise_plant_variety,
               "集成电路布图设计": normalise_ic_layout}
    return special.get(ip_type, clean_text)(number or "")


@dataclass(frozen=True)
class IpRightInput:
    enterprise_id: int
    ip_type: str
    number: str
    title: str = ""
    owner_name: str = ""
    nice_class: int | None = None
    filing_date: str | None = None
    grant_date: str | None = None
    expiry_date: str | None = None
    status: str = "有效"
    high_value: bool = False
    notes: str = ""

    def normalised(self) -> IpRightInput:
        return replace(
            self,
            number=normalise_ip_number(self.ip_type, self.number),
            title=clean_text(self.title),
            owner_name=clean_text(self.owner_name),
            filing_date=self.filing_date or None,
            grant_date=self.grant_date or None,
            expiry_date=self.expiry_date or None,
        )


def check_ip_right(store: Store, inp: IpRightInput, *, record_id: int | None = None) -> list[Issue]:
    inp = inp.normalised()
    issues = validate_choice(inp.ip_type, IP_TYPES, "ip_type", "知识产权类型")
    if not issues:
        issues += validate_ip_number(inp.ip_type, inp.number, "number")
    if inp.ip_type == "商标":
        issues += validate_nice_class(inp.nice_class, "nice_class")
    elif inp.nice_class is not None:
        issues.append(Issue("nice_class", "nice_class.not_trademark", "只有商标需要填写尼斯分类"))
    issues += validate_text(inp.title, "title", "名称", required=False, max_len=200)
    issues += validate_text(inp.owner_name, "owner_name", "权利人", required=False, max_len=200)
    issues += validate_choice(inp.status, STATUSES, "status", "法律状态")
    for key, label in (("filing_date", "申请日"), ("grant_date", "授权/注册日"), ("expiry_date", "到期日")):
        issues += validate_date(getattr(inp, key), key, label, required=False)
    if inp.filing_date and inp.expiry_date and not any(i.field.endswith("_date") for i in issues):
        issues += validate_period(inp.filing_date, inp.expiry_date, "expiry_date", "保护期",
                                  start_field="filing_date", end_field="expiry_date")
    if not lookups.exists(store.conn, "enterprise", inp.enterprise_id):
        issues.append(Issue("enterprise_id", "enterprise.missing", "所属企业不存在"))
    if not any(i.is_error for i in issues):
        other = lookups.ip_right_id(store.conn, inp.ip_type, inp.number, inp.nice_class)
        if other is not None and other != record_id:
            issues.append(Issue("number", "ip.duplicate", f"{inp.ip_type} {inp.number} 已经登记"))
    return issues


def create_ip_right(store: Store, inp: IpRightInput, *, override_reason: str = "") -> Outcome:
    inp = inp.normalised()
    warnings = enforce(check_ip_right(store, inp), override_reason)
    values = as_values(inp) | {"number_override_reason": override_reason.strip() if warnings else ""}
    with store.write() as conn:
        new_id, uuid = records.insert(conn, "ip_right", values, office=store.office_id)
    return Outcome(new_id, uuid, warnings)


def update_ip_right(
    store: Store, record_id: int, inp: IpRightInput, *,
    expected_revision: int | None = None, override_reason: str = "",
) -> Outcome:
    inp = inp.normalised()
    warnings = enforce(check_ip_right(store, inp, record_id=record_id), override_reason)
    values = as_values(inp) | {"number_override_reason": override_reason.strip() if warnings else ""}
    with store.write() as conn:
        records.update(conn, "ip_right", record_id, values, expected_revision=expected_revision)
        uuid = records.get(conn, "ip_right", record_id)["uuid"]
    return Outcome(record_id, uuid, warnings)


def delete_ip_right(store: Store, record_id: int) -> None:
    with store.write() as conn:
        refuse_if_dependants(conn, "ip_right", record_id, "知识产权")
        records.delete(conn, "ip_right", record_id)


def get_ip_right(store: Store, record_id: int) -> dict[str, Any]:
    try:
        return row_dict(records.get(store.conn, "ip_right", record_id))
    except NotFound:
        raise NotFound(f"知识产权 #{record_id} 不存在") from None


def input_from_row(row: dict[str, Any]) -> IpRightInput:
    return IpRightInput(**{k: row[k] for k in IpRightInput.__dataclass_fields__ if k != "high_value"},
                        high_value=bool(row["high_value"]))
