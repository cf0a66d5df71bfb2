"""Per-kind row preparation: resolve natural keys, build the service input, validate.

Each ``prepare`` turns one normalised row into a :class:`Prepared`: the target record
(``record_id`` for an existing one), the full column values the row would leave in the
table, link rows, and the validators' issues.  A blank cell or an absent column keeps the
stored value of an existing record (it never clears it); new records get the defaults.
Enterprises, IP rights and claims are validated by their services' ``check_*`` (subsidy
applications too: :mod:`ledger.importing.subsidy_kind`); policies,
the bulk kind, by :func:`policy_issues` (the same validators as ``check_policy`` over the
preloaded keys instead of a query per row — ``tests/ledger/test_import_writer.py`` keeps
the two in step).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Any

from ledger.errors import Issue, Refused
from ledger.importing.naturalkeys import NaturalKeys
from ledger.services import claims as claims_svc
from ledger.services import enterprises as ent_svc
from ledger.services import ip_rights as ip_svc
from ledger.services import policies as pol_svc
from ledger.services.base import as_values, json_list
from ledger.store import Store, import_sql
from ledger.validation import (
    clean_text,
    normalise_uscc,
    validate_amount_fen,
    validate_choice,
    validate_date,
    validate_period,
    validate_share_total,
    validate_text,
)

IMPORTED_COST_CATEGORY = "直接经济损失"


@dataclass
class Prepared:
    key: str  # natural key (for duplicates within the file); '' when unknown
    key_field: str  # import column the duplicate message points at
    record_id: int | None = None
    values: dict[str, Any] = field(default_factory=dict)
    current: dict[str, Any] | None = None
    links: dict[str, Any] = field(default_factory=dict)
    current_links: dict[str, Any] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    override_field: str = ""  # column holding the warning override reason


def _given(rec: dict[str, object], *keys: str) -> dict[str, object]:
    return {k: rec[k] for k in keys if rec.get(k) is not None}


def _s(value: object) -> str:
    return "" if value is None else str(value)


class Kind:
    table = ""
    label = ""  # natural key's Chinese name
    fields: dict[str, str] = {}  # issue field → import column key

    def __init__(self, store: Store, keys: NaturalKeys) -> None:
        self.store = store
        self.keys = keys

    @cached_property
    def rows(self) -> dict[int, dict[str, Any]]:
        return {r["id"]: {k: r[k] for k in r.keys()} for r in import_sql.all_rows(self.store.conn, self.table)}  # noqa: SIM118

    def prepare(self, rec: dict[str, object]) -> Prepared:  # pragma: no cover - abstract
        raise NotImplementedError


class Enterprises(Kind):
    table, label = "enterprise", "统一社会信用代码"
    fields = {k: k for k in ("name", "uscc", "district_code", "industry", "tags", "contact_person",
                             "contact_phone", "address", "bank_name", "bank_account", "notes")}

    def prepare(self, rec: dict[str, object]) -> Prepared:
        uscc = normalise_uscc(_s(rec.get("uscc")))
        rid = self.keys.enterprise_by_uscc(uscc) if uscc else None
        given = _given(rec, *self.fields)
        if "tags" in given:
            given["tags"] = tuple(given["tags"])  # type: ignore[arg-type]
        if rid is not None:
            inp = replace(ent_svc.input_from_row(self.rows[rid]), **given)
        else:
            inp = ent_svc.EnterpriseInput(**{"name": "", "uscc": "", "district_code": ""} | given)
        inp = inp.normalised()
        issues = ent_svc.check_enterprise(self.store, inp, record_id=rid)
        values = as_values(inp, skip=("tags",)) | {"tags": json_list(inp.tags)}
        current = self.rows[rid] if rid is not None else None
        values["uscc_override_reason"] = current["uscc_override_reason"] if current else ""
        return Prepared(uscc, "uscc", rid, values, current, issues=issues,
                        override_field="uscc_override_reason")


class IpRights(Kind):
    table, label = "ip_right", "知识产权"
    fields = {"enterprise_id": "enterprise_uscc", "ip_type": "ip_type", "number": "number",
              "title": "title", "owner_name": "owner_name", "nice_class": "nice_class",
              "filing_date": "filing_date", "grant_date": "grant_date", "expiry_date": "expiry_date",
              "status": "status"}

    def prepare(self, rec: dict[str, object]) -> Prepared:
        issues: list[Issue] = []
        ip_type = _s(rec.get("ip_type"))
        number = ip_svc.normalise_ip_number(ip_type, _s(rec.get("number"))) if ip_type else _s(rec.get("number"))
        nice = rec.get("nice_class")
        rid = self.keys.ip_right(ip_type, number, nice) if ip_type and number else None  # type: ignore[arg-type]
        enterprise_id = resolve_enterprise(self.keys, rec, issues, required=rid is None)
        given = _given(rec, "title", "owner_name", "nice_class", "filing_date", "grant_date",
                       "expiry_date", "status")
        given |= {"ip_type": ip_type, "number": number}
        if enterprise_id is not None:
            given["enterprise_id"] = enterprise_id
        if rid is not None:
            inp = replace(ip_svc.input_from_row(self.rows[rid]), **given)
        else:
            inp = ip_svc.IpRightInput(**{"enterprise_id": enterprise_id or 0} | given)  # type: ignore[arg-type]
        inp = inp.normalised()
        if enterprise_id is not None or rid is not None:
            issues += ip_svc.check_ip_right(self.store, inp, record_id=rid)
        else:
            issues += [i for i in ip_svc.check_ip_right(self.store, inp, record_id=rid)
                       if i.field != "enterprise_id"]
        current = self.rows[rid] if rid is not None else None
        values = as_values(inp) | {
            "number_override_reason": current["number_override_reason"] if current else ""}
        key = f"{inp.ip_type} {inp.number}" + (f"（第 {inp.nice_class} 类）" if inp.nice_class else "")
        return Prepared(key if ip_type and number else "", "number", rid, values, current,
                        issues=issues, override_field="number_override_reason")


def resolve_enterprise(keys: NaturalKeys, rec: dict[str, object], issues: list[Issue], *,
                       required: bool = True, name_key: str = "owner_name") -> int | None:
    """Enterprise by USCC (``enterprise_uscc``), else by its exact registered name."""
    uscc, found = keys.uscc_and_enterprise(_s(rec.get("enterprise_uscc")))
    if uscc:
        if found is None:
            issues.append(Issue("enterprise_id", "enterprise.unknown",
                                f"统一社会信用代码 {uscc} 的企业尚未登记：请先导入或登记该企业"))
        return found
    name = clean_text(_s(rec.get(name_key)))
    if name:
        ids = keys.enterprises_by_name(name)
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            issues.append(Issue(name_key, "enterprise.ambiguous",
                                f"名称为“{name}”的企业有 {len(ids)} 家：请填写统一社会信用代码"))
        else:
            issues.append(Issue(name_key, "enterprise.unknown",
                                f"企业“{name}”尚未登记：请先导入或登记该企业，或填写统一社会信用代码"))
        return None
    if required:
        issues.append(Issue("enterprise_id", "enterprise.missing",
                            "缺少所属企业：请填写统一社会信用代码或已登记的企业名称"))
    return None


class Policies(Kind):
    table, label = "policy", "保单号"
    fields = {"policy_no": "policy_no", "enterprise_id": "enterprise_uscc", "product_id": "product_name",
              "insurers": "insurers", "sum_insured_fen": "sum_insured_fen", "premium_fen": "premium_fen",
              "premium_paid_fen": "premium_paid_fen", "start_date": "start_date", "end_date": "end_date",
              "signed_date": "signed_date", "status": "status", "ip_right_ids": "ip_numbers",
              "overseas": "overseas", "enterprise_name": "enterprise_name"}
    _PLAIN = ("sum_insured_fen", "premium_fen", "premium_paid_fen", "start_date", "end_date",
              "signed_date", "status", "overseas")
    _REQUIRED_NEW = (("sum_insured_fen", "保险金额"), ("premium_fen", "保费"), ("premium_paid_fen", "实缴保费"),
                     ("start_date", "保险起期"), ("end_date", "保险止期"))

    @cached_property
    def links(self) -> tuple[dict[int, tuple], dict[int, tuple]]:
        conn = self.store.conn
        ins: dict[int, list] = {}
        for r in import_sql.policy_insurer_links(conn):
            ins.setdefault(r[0], []).append((r[1], r[2], bool(r[3]), r[4]))
        ips: dict[int, list] = {}
        for r in import_sql.policy_ip_links(conn):
            ips.setdefault(r[0], []).append(r[1])
        return ({k: tuple(sorted(v)) for k, v in ins.items()}, {k: tuple(v) for k, v in ips.items()})

    def prepare(self, rec: dict[str, object]) -> Prepared:
        issues: list[Issue] = []
        policy_no = clean_text(_s(rec.get("policy_no"))).upper().replace(" ", "")
        rid = self.keys.policy(policy_no) if policy_no else None
        cur = self.rows[rid] if rid is not None else None
        enterprise_id = resolve_enterprise(self.keys, rec, issues, required=cur is None,
                                           name_key="enterprise_name")
        enterprise_id = enterprise_id if enterprise_id is not None else (cur["enterprise_id"] if cur else 0)
        product_id = cur["product_id"] if cur else 0
        if rec.get("product_name") is not None:
            product_id = self.keys.product(_s(rec["product_name"])) or 0
            if not product_id:
                issues.append(Issue("product_id", "product.unknown",
                                    f"险种“{rec['product_name']}”不在险种目录中"))
        elif cur is None:
            issues.append(Issue("product_id", "product.missing", "新增保单须填写险种"))
        cur_ins, cur_ips = self.links
        insurers = cur_ins.get(rid, ()) if rid is not None else ()
        if rec.get("insurers") is not None:
            insurers = self._insurers(rec["insurers"], issues)  # type: ignore[arg-type]
        ip_ids = cur_ips.get(rid, ()) if rid is not None else ()
        if rec.get("ip_numbers") is not None:
            ip_ids = self._ip_ids(enterprise_id, rec["ip_numbers"], issues)  # type: ignore[arg-type]
        values = {"policy_no": policy_no, "enterprise_id": enterprise_id, "product_id": product_id}
        for k in self._PLAIN:
            v = rec.get(k)
            values[k] = v if v is not None else (cur[k] if cur else None)
        reported = {i.field for i in issues}  # unknown insurer/product/enterprise: said once
        if cur is None:
            values["status"] = values["status"] or "生效"
            values["overseas"] = values["overseas"] or False
            if values["premium_paid_fen"] is None:  # 见费出单: an issued policy's premium is paid
                values["premium_paid_fen"] = values["premium_fen"]
            values["notes"] = ""
            for k, label in self._REQUIRED_NEW:
                if values[k] is None:
                    reported.add(k)
                    if k != "premium_paid_fen":
                        issues.append(Issue(k, "import.required", f"新增保单须填写{label}"))
        values["overseas"] = int(bool(values["overseas"]))
        issues += [i for i in policy_issues(self.keys, values, insurers, rid) if i.field not in reported]
        links = {"insurers": tuple(sorted(insurers)), "ip_right_ids": tuple(sorted(set(ip_ids)))}
        current_links = {"insurers": cur_ins.get(rid, ()), "ip_right_ids": cur_ips.get(rid, ())} if cur else {}
        return Prepared(policy_no, "policy_no", rid, values, cur, links, current_links, issues)

    def _insurers(self, shares: list[tuple[str, int]], issues: list[Issue]) -> tuple:
        """``((insurer_id, share_bp, is_lead, branch), …)``; a pool repeats on many rows, so
        each distinct one is resolved once (with the issues it raises)."""
        key = tuple(shares)
        hit = self._pools.get(key)
        if hit is None:
            found: list[Issue] = []
            hit = (self._resolve_insurers(shares, found), tuple(found))
            if len(self._pools) < 65536:
                self._pools[key] = hit
        issues += hit[1]
        return hit[0]

    @cached_property
    def _pools(self) -> dict[tuple, tuple[tuple, tuple[Issue, ...]]]:
        return {}

    def _resolve_insurers(self, shares: list[tuple[str, int]], issues: list[Issue]) -> tuple:
        out = []
        for n, (name, bp) in enumerate(shares):
            insurer_id = self.keys.insurer(name)
            if insurer_id is None:
                issues.append(Issue("insurers", "insurer.unknown", f"保险机构“{name}”不在机构目录中"))
                continue
            out.append((insurer_id, bp, n == 0, ""))
        return tuple(out)

    def _ip_ids(self, enterprise_id: int, numbers: list[str], issues: list[Issue]) -> tuple[int, ...]:
        out: list[int] = []
        for number in numbers:
            found = self.keys.ip_rights_of(enterprise_id, number) if enterprise_id else []
            if len(found) == 1:
                out.append(found[0])
            elif found:
                issues.append(Issue("ip_right_ids", "ip.ambiguous",
                                    f"该企业有多项编号为 {number} 的知识产权，无法确定承保的是哪一项"))
            elif enterprise_id:
                issues.append(Issue("ip_right_ids", "ip.not_owned",
                                    f"承保知识产权 {number} 未登记在该企业名下：请先导入知识产权"))
        return tuple(out)


@lru_cache(maxsize=65536)
def _period_issues(start: object, end: object, signed: object) -> tuple[Issue, ...]:
    """Date checks of a policy; dates repeat across a register, so they are memoised."""
    issues = validate_period(start, end, "end_date", "保险期间", start_field="start_date",
                             end_field="end_date")
    return tuple(issues + validate_date(signed, "signed_date", "签单日期", required=False))


@lru_cache(maxsize=4096)
def _status_and_insurer_issues(status: object, insurers: tuple) -> tuple[Issue, ...]:
    """Status and co-insurance checks; a register repeats a handful of pools, so memoised."""
    issues = validate_choice(status, pol_svc.STATUSES, "status", "保单状态")
    if not insurers:
        issues.append(Issue("insurers", "insurers.missing", "至少需要一家保险机构"))
    else:
        issues += validate_share_total([s[1] for s in insurers], "insurers")
        ids = [s[0] for s in insurers]
        if len(set(ids)) != len(ids):
            issues.append(Issue("insurers", "insurers.duplicate", "同一保险机构在共保体中出现多次"))
    return tuple(issues)


def policy_issues(keys: NaturalKeys, v: dict[str, Any], insurers: tuple, record_id: int | None) -> list[Issue]:
    """``check_policy`` over preloaded keys: the same validators in the same order."""
    issues = validate_text(v["policy_no"], "policy_no", "保单号", max_len=64)
    issues += validate_amount_fen(v["sum_insured_fen"], "sum_insured_fen", "保险金额")
    issues += validate_amount_fen(v["premium_fen"], "premium_fen", "保费")
    issues += validate_amount_fen(v["premium_paid_fen"], "premium_paid_fen", "实缴保费")
    if not issues and v["premium_paid_fen"] > v["premium_fen"]:
        issues.append(Issue("premium_paid_fen", "premium.overpaid",
                            f"实缴保费 {v['premium_paid_fen'] / 100:,.2f} 元不能超过保费 {v['premium_fen'] / 100:,.2f} 元"))
    if not issues and v["premium_fen"] > v["sum_insured_fen"]:
        issues.append(Issue("premium_fen", "premium.above_sum", "保费不能高于保险金额"))
    issues += _period_issues(v["start_date"], v["end_date"], v["signed_date"])
    issues += _status_and_insurer_issues(v["status"], insurers)
    if v["policy_no"]:
        other = keys.policy(v["policy_no"])
        if other is not None and other != record_id:
            issues.append(Issue("policy_no", "policy.duplicate", f"保单号 {v['policy_no']} 已存在"))
    return issues


class Claims(Kind):
    table, label = "claim", "报案号"
    fields = {"claim_no": "claim_no", "policy_id": "policy_no", "reported_date": "reported_date",
              "counterparty": "counterparty", "court": "court", "case_number": "case_number",
              "outcome": "outcome", "cost_items": "paid_fen", "payments": "paid_fen"}

    @cached_property
    def totals(self) -> dict[int, tuple[int, int, int, int]]:
        return import_sql.claim_cost_totals(self.store.conn)

    def prepare(self, rec: dict[str, object]) -> Prepared:
        issues: list[Issue] = []
        claim_no = clean_text(_s(rec.get("claim_no")))
        rid = self.keys.claims.get(claim_no) if claim_no else None
        cur = self.rows[rid] if rid is not None else None
        policy_no = clean_text(_s(rec.get("policy_no"))).upper().replace(" ", "")
        policy_id = self.keys.policy(policy_no) if policy_no else None
        if policy_no and policy_id is None:
            issues.append(Issue("policy_id", "policy.unknown", f"保单号 {policy_no} 尚未登记：请先导入保单"))
        given = _given(rec, "reported_date", "counterparty", "court", "case_number", "outcome")
        given |= {"claim_no": claim_no} | ({"policy_id": policy_id} if policy_id else {})
        amounts = _given(rec, "claimed_fen", "paid_fen")
        if cur is not None:
            base = claims_svc.input_from_row(cur | {"cost_items": [], "payments": []})
            inp = replace(base, **given)
        else:
            inp = claims_svc.ClaimInput(**{"policy_id": 0, "reported_date": ""} | given)  # type: ignore[arg-type]
        items, claimed, approved, paid = self.totals.get(rid, (0, 0, 0, 0)) if rid else (0, 0, 0, 0)
        cost = {"claimed_fen": claimed, "approved_fen": approved, "paid_fen": paid}
        if amounts:
            new_paid = int(amounts.get("paid_fen", paid))  # type: ignore[call-overload]
            cost = {"claimed_fen": amounts.get("claimed_fen", claimed), "paid_fen": new_paid,
                    "approved_fen": max(approved, new_paid)}
            if items > 1 and (cost["claimed_fen"], cost["paid_fen"]) != (claimed, paid):
                issues.append(Issue("cost_items", "claim.items",
                                    f"理赔 {claim_no} 已有 {items} 条费用明细，导入不能修改金额：请在理赔页面修改"))
        item = claims_svc.CostItem(IMPORTED_COST_CATEGORY, cost["claimed_fen"], cost["approved_fen"],
                                   cost["paid_fen"])  # type: ignore[arg-type]
        check = replace(inp, cost_items=(item,) if any(cost.values()) else ())
        unknown = bool(policy_no) and policy_id is None
        issues += [i for i in claims_svc.check_claim(self.store, check, record_id=rid)
                   if not (unknown and i.field == "policy_id")]
        values = as_values(inp.normalised(), skip=("cost_items", "payments"))
        links = {"cost": cost if any(cost.values()) else None}
        current_links = {"cost": {"claimed_fen": claimed, "approved_fen": approved, "paid_fen": paid}
                         if items else None} if cur else {}
        return Prepared(claim_no, "claim_no", rid, values, cur, links, current_links, issues)


def kind_handler(kind: str, store: Store, keys: NaturalKeys) -> Kind:
    handlers: dict[str, type[Kind]] = {"enterprises": Enterprises, "ip_rights": IpRights,
                                       "policies": Policies, "claims": Claims}
    if kind == "subsidies":  # loaded on use: it brings the subsidy engine
        from ledger.importing.subsidy_kind import Subsidies

        return Subsidies(store, keys)
    if kind not in handlers:
        raise Refused(f"“{kind}”不能直接导入台账")
    return handlers[kind](store, keys)


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
