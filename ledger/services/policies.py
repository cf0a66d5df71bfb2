"""Insurance policies (保单台账): co-insurance shares, covered IP rights, period and amounts."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ledger.errors import Issue, Outcome
from ledger.services.base import as_values, enforce, refuse_if_dependants, row_dict
from ledger.store import Store, lookups, records
from ledger.validation import (
    clean_text,
    validate_amount_fen,
    validate_choice,
    validate_date,
    validate_period,
    validate_share_total,
    validate_text,
)

STATUSES = ("生效", "到期", "退保", "终止")


@dataclass(frozen=True)
class InsurerShare:
    insurer_id: int
    share_bp: int
    is_lead: bool = False
    branch: str = ""


@dataclass(frozen=True)
class PolicyInput:
    policy_no: str
    enterprise_id: int
    product_id: int
    sum_insured_fen: int
    premium_fen: int
    premium_paid_fen: int
    start_date: str
    end_date: str
    signed_date: str | None = None
    status: str = "生效"
    overseas: bool = False
    notes: str = ""
    insurers: tuple[InsurerShare, ...] = field(default_factory=tuple)
    ip_right_ids: tuple[int, ...] = field(default_factory=tuple)

    def normalised(self) -> PolicyInput:
        return replace(self, policy_no=clean_text(self.policy_no).upper().replace(" ", ""),
                       signed_date=self.signed_date or None,
                       ip_right_ids=tuple(dict.fromkeys(self.ip_right_ids)))


def check_policy(store: Store, inp: PolicyInput, *, record_id: int | None = None) -> list[Issue]:
    inp = inp.normalised()
    conn = store.conn
    issues = validate_text(inp.policy_no, "policy_no", "保单号", max_len=64)
    issues += validate_amount_fen(inp.sum_insured_fen, "sum_insured_fen", "保险金额")
    issues += validate_amount_fen(inp.premium_fen, "premium_fen", "保费")
    issues += validate_amount_fen(inp.premium_paid_fen, "premium_paid_fen", "实缴保费")
    if not issues and inp.premium_paid_fen > inp.premium_fen:
        issues.append(Issue("premium_paid_fen", "premium.overpaid",
                            f"实缴保费 {inp.premium_paid_fen / 100:,.2f} 元不能超过保费 {inp.premium_fen / 100:,.2f} 元"))
    if not issues and inp.premium_fen > inp.sum_insured_fen:
        issues.append(Issue("premium_fen", "premium.above_sum", "保费不能高于保险金额"))
    issues += validate_period(inp.start_date, inp.end_date, "end_date", "保险期间",
                              start_field="start_date", end_field="end_date")
    issues += validate_date(inp.signed_date, "signed_date", "签单日期", required=False)
    issues += validate_choice(inp.status, STATUSES, "status", "保单状态")
    if not lookups.exists(conn, "enterprise", inp.enterprise_id):
        issues.append(Issue("enterprise_id", "enterprise.missing", "请选择投保企业"))
    if not lookups.exists(conn, "product", inp.product_id):
        issues.append(Issue("product_id", "product.missing", "请选择险种"))
    if not inp.insurers:
        issues.append(Issue("insurers", "insurers.missing", "至少需要一家保险机构"))
    else:
        issues += validate_share_total([s.share_bp for s in inp.insurers], "insurers")
        ids = [s.insurer_id for s in inp.insurers]
        if len(set(ids)) != len(ids):
            issues.append(Issue("insurers", "insurers.duplicate", "同一保险机构在共保体中出现多次"))
        if any(not lookups.exists(conn, "insurer", i) for i in ids):
            issues.append(Issue("insurers", "insurers.missing", "共保体中有不存在的保险机构"))
        if len(inp.insurers) > 1 and sum(s.is_lead for s in inp.insurers) != 1:
            issues.append(Issue("insurers", "insurers.lead", "共保体须指定且只指定一家主承保机构"))
    bad = lookups.ip_rights_not_owned(conn, inp.enterprise_id, list(inp.ip_right_ids))
    if bad:
        issues.append(Issue("ip_right_ids", "ip.not_owned", f"有 {len(bad)} 项承保知识产权不属于该企业"))
    issues += validate_text(inp.notes, "notes", "备注", required=False, max_len=2000)
    if inp.policy_no:
        other = lookups.id_by(conn, "policy", "policy_no", inp.policy_no)
        if other is not None and other != record_id:
            issues.append(Issue("policy_no", "policy.duplicate", f"保单号 {inp.policy_no} 已存在"))
    return issues


def _write_links(conn, policy_id: int, inp: PolicyInput) -> None:
    lead_default = len(inp.insurers) == 1
    lookups.replace_links(conn, "policy_insurer", "policy_id", policy_id, [
        {"policy_id": policy_id, "insurer_id": s.insurer_id, "share_bp": s.share_bp,
         "is_lead": int(s.is_lead or lead_default), "branch": s.branch} for s in inp.insurers])
    lookups.replace_links(conn, "policy_ip_right", "policy_id", policy_id, [
        {"policy_id": policy_id, "ip_right_id": i} for i in inp.ip_right_ids])


def create_policy(store: Store, inp: PolicyInput) -> Outcome:
    inp = inp.normalised()
    warnings = enforce(check_policy(store, inp))
    with store.write() as conn:
        new_id, uuid = records.insert(conn, "policy", as_values(inp, skip=("insurers", "ip_right_ids")),
                                      office=store.office_id)
        _write_links(conn, new_id, inp)
    return Outcome(new_id, uuid, warnings)


def update_policy(store: Store, record_id: int, inp: PolicyInput, *,
                  expected_revision: int | None = None) -> Outcome:
    inp = inp.normalised()
    warnings = enforce(check_policy(store, inp, record_id=record_id))
    with store.write() as conn:
        records.update(conn, "policy", record_id, as_values(inp, skip=("insurers", "ip_right_ids")),
                       expected_revision=expected_revision)
        _write_links(conn, record_id, inp)
        uuid = records.get(conn, "policy", record_id)["uuid"]
    return Outcome(record_id, uuid, warnings)


def delete_policy(store: Store, record_id: int) -> None:
    with store.write() as conn:
        refuse_if_dependants(conn, "policy", record_id, "保单")
        # link rows first, so their audit rows carry the policy's uuid (a cascade can only
        # name them 'policy#id': the trigger runs after the policy row is gone)
        lookups.replace_links(conn, "policy_insurer", "policy_id", record_id, [])
        lookups.replace_links(conn, "policy_ip_right", "policy_id", record_id, [])
        records.delete(conn, "policy", record_id)


def get_policy(store: Store, record_id: int) -> dict[str, Any]:
    conn = store.conn
    policy = row_dict(records.get(conn, "policy", record_id))
    policy["insurers"] = [row_dict(r) for r in lookups.policy_insurers(conn, record_id)]
    policy["ip_right_ids"] = lookups.policy_ip_right_ids(conn, record_id)
    return policy


def input_from_row(row: dict[str, Any]) -> PolicyInput:
    plain = {k: row[k] for k in PolicyInput.__dataclass_fields__ if k not in ("insurers", "ip_right_ids", "overseas")}
    return PolicyInput(
        **plain, overseas=bool(row["overseas"]),
        insurers=tuple(InsurerShare(r["insurer_id"], r["share_bp"], bool(r["is_lead"]), r["branch"])
                       for r in row["insurers"]),
        ip_right_ids=tuple(row["ip_right_ids"]),
    )
