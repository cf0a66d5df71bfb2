"""Programme-years (试点项目): rules as data (TOML in ``programme.rules_toml``), import/export,
status and year-end close (年度结转).

The programme row is the source of truth for name, year and budget: the stored rule set is
always rewritten with the programme's name, year and budget (``[budget] total_yuan``), so an
exported file carries the budget and an imported one sets it. A budget of 0 means "not set":
the engine then applies no budget, and approvals are refused until a budget is entered.

After ``close_programme`` (status 已结转) every write touching the programme or its
applications is refused (``refuse_if_closed``), except a clawback (追回) of money paid: it is
recorded in the closed year's budget ledger so that the year shows where every yuan went.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ledger.errors import InvalidInput, Issue, NotFound, Outcome, Refused
from ledger.money import format_yuan
from ledger.services.access import _require
from ledger.services.base import enforce, row_dict
from ledger.store import Store, records
from ledger.store import programmes_sql as sql
from ledger.store.audit import now_text
from ledger.subsidy import RuleSet, rules_from_toml, rules_to_toml, validate_rules
from ledger.validation import (
    clean_text,
    validate_amount_fen,
    validate_choice,
    validate_date,
    validate_region_code,
    validate_text,
)

EDITABLE_STATUSES = ("草稿", "开放", "截止")
CLOSED = "已结转"
IN_FLIGHT = ("申报", "初审", "复核", "公示", "批准", "退回补正")


@dataclass(frozen=True)
class ProgrammeInput:
    name: str
    year: int
    rules: RuleSet | None = None  # None: keep the stored rules (update) / none yet (create)
    region_code: str = ""
    budget_fen: int | None = None  # None: the rule set's [budget] total, else 0 (create) / unchanged (update)
    call_start: str | None = None
    call_end: str | None = None
    status: str = "开放"
    notes: str = ""

    def normalised(self) -> ProgrammeInput:
        return replace(self, name=clean_text(self.name), region_code=self.region_code.strip(),
                       call_start=self.call_start or None, call_end=self.call_end or None)


def default_demo_rules(year: int) -> RuleSet:
    """Rules of the demo programmes (Wuxi, white paper case 4): 50 % of the premium paid,
    at most 300,000 yuan per policy, half-up to the fen; blacklisted enterprises and cancelled
    policies excluded; a policy funded once per programme year.

    ``ledger/demo`` writes ``rules_to_toml(default_demo_rules(year))`` into ``programme.rules_toml``
    (the budget stays in ``programme.budget_fen``; ``programme_rules`` merges it)."""
    return RuleSet(
        name=f"无锡市知识产权保险保费补贴试点（{year}年度）", year=year, region="江苏省无锡市",
        source="白皮书案例 4：按实际支出保费的 50% 给予资助，每项最高 30 万元",
        notes="演示数据规则：“每项”按每张保单理解", ratio_bp=5000,
        cap_per_policy_fen=30_000_000, exclude_blacklisted=True, exclude_cancelled_policy=True,
    )


def _merged(rules: RuleSet, name: str, year: int, budget_fen: int) -> RuleSet:
    return replace(rules, name=name, year=year, budget_fen=budget_fen or None)


def rules_of_row(row: Any) -> RuleSet:
    """The rule set of a programme row, with the row's name, year and budget."""
    if not row["rules_toml"]:
        raise Refused(f"试点项目“{row['name']}”（{row['year']} 年度）尚未设置补贴规则，"
                      f"请先在项目设置中录入或导入规则文件")
    rules = rules_from_toml(row["rules_toml"], f"项目“{row['name']}”的规则")
    return _merged(rules, row["name"], row["year"], row["budget_fen"])


def programme_rules(store: Store, programme_id: int) -> RuleSet:
    return rules_of_row(_row(store, programme_id))


def _row(store: Store, programme_id: int) -> Any:
    row = sql.status_of(store.conn, programme_id)
    if row is None:
        raise NotFound(f"试点项目 #{programme_id} 不存在")
    return row


def refuse_if_closed(row: Any) -> None:
    if row["status"] == CLOSED:
        raise Refused(f"试点项目“{row['name']}”已于 {(row['closed_at'] or '')[:10]} 年度结转（已结转），"
                      f"不能再修改该项目及其补贴申请")


def check_programme(store: Store, inp: ProgrammeInput, *, record_id: int | None = None) -> list[Issue]:
    inp = inp.normalised()
    issues = validate_text(inp.name, "name", "项目名称", max_len=200)
    if isinstance(inp.year, bool) or not isinstance(inp.year, int) or not 2000 <= inp.year <= 2100:
        issues.append(Issue("year", "year.range", f"项目年度 {inp.year} 不在 2000–2100 之间"))
    if inp.region_code:
        issues += validate_region_code(inp.region_code, "region_code")
    if inp.budget_fen is not None:
        issues += validate_amount_fen(inp.budget_fen, "budget_fen", "项目预算")
    dates = validate_date(inp.call_start, "call_start", "申报开始日期", required=False)
    dates += validate_date(inp.call_end, "call_end", "申报截止日期", required=False)
    issues += dates
    if not dates and inp.call_start and inp.call_end and inp.call_end < inp.call_start:
        issues.append(Issue("call_end", "period.order",
                            f"申报截止日期（{inp.call_end}）早于开始日期（{inp.call_start}）"))
    issues += validate_choice(inp.status, EDITABLE_STATUSES, "status", "项目状态")
    issues += validate_text(inp.notes, "notes", "备注", required=False, max_len=4000)
    if inp.rules is not None and not any(i.field in ("name", "year") for i in issues):
        budget = inp.budget_fen if inp.budget_fen is not None else (inp.rules.budget_fen or 0)
        issues += validate_rules(_merged(inp.rules, inp.name, inp.year, budget))
    if inp.name and isinstance(inp.year, int):
        other = sql.by_name_year(store.conn, inp.name, inp.year)
        if other is not None and other != record_id:
            issues.append(Issue("name", "programme.duplicate", f"{inp.year} 年度已有名为“{inp.name}”的试点项目"))
    return issues


def _enforce_rules(issues: list[Issue]) -> list[Issue]:
    bad = [i for i in issues if i.is_error]
    if bad and all(i.field not in {"name", "year", "region_code", "budget_fen", "call_start", "call_end",
                                   "status", "notes"} for i in bad):
        raise InvalidInput(issues, "规则自相矛盾：" + "；".join(i.message for i in bad))
    return enforce(issues)


def _values(inp: ProgrammeInput, rules: RuleSet | None) -> dict[str, Any]:
    """Row values; without rules ``rules_toml`` stays '' (applications are refused until set)."""
    budget = inp.budget_fen if inp.budget_fen is not None else ((rules.budget_fen if rules else None) or 0)
    toml = rules_to_toml(_merged(rules, inp.name, inp.year, budget)) if rules is not None else ""
    return {"name": inp.name, "year": inp.year, "region_code": inp.region_code, "budget_fen": budget,
            "rules_toml": toml,
            "call_start": inp.call_start, "call_end": inp.call_end, "status": inp.status, "notes": inp.notes}


def create_programme(store: Store, inp: ProgrammeInput) -> Outcome:
    _require(store, "programme.manage")
    inp = inp.normalised()
    warnings = _enforce_rules(check_programme(store, inp))
    with store.write() as conn:
        new_id, uuid = records.insert(conn, "programme", _values(inp, inp.rules), office=store.office_id)
    return Outcome(new_id, uuid, warnings)


def update_programme(store: Store, record_id: int, inp: ProgrammeInput, *,
                     expected_revision: int | None = None) -> Outcome:
    """Update name, year, budget, dates, status and rules; pending applications are recomputed
    under the new rules in the same transaction. A budget below what is already approved or
    paid is refused with the figures."""
    _require(store, "programme.manage")
    row = _row(store, record_id)
    refuse_if_closed(row)
    inp = inp.normalised()
    if inp.rules is None and row["rules_toml"]:
        inp = replace(inp, rules=rules_of_row(row))
    if inp.budget_fen is None:  # keep the budget unless the new rules carry one
        carried = inp.rules.budget_fen if inp.rules is not None else None
        inp = replace(inp, budget_fen=carried if carried is not None else row["budget_fen"])
    warnings = _enforce_rules(check_programme(store, inp, record_id=record_id))
    values = _values(inp, inp.rules)
    from ledger.services.budget import budget_ledger
    from ledger.services.subsidies import recompute_pending

    ledger = budget_ledger(store, record_id)
    used = ledger.committed_fen + ledger.paid_fen - ledger.recovered_fen
    if values["budget_fen"] < used:
        raise Refused(f"项目预算不能调低到 {format_yuan(values['budget_fen'])} 元：已批准和已拨付（扣除追回）"
                      f"合计 {format_yuan(used)} 元。{ledger.figures()}")
    with store.write() as conn:
        records.update(conn, "programme", record_id, values, expected_revision=expected_revision)
        uuid = records.get(conn, "programme", record_id)["uuid"]
        recompute_pending(store, record_id)
    return Outcome(record_id, uuid, warnings)


def set_status(store: Store, record_id: int, status: str) -> None:
    """草稿 / 开放 / 截止 (申报截止 stops new applications; the workflow goes on)."""
    _require(store, "programme.manage")
    row = _row(store, record_id)
    refuse_if_closed(row)
    if status not in EDITABLE_STATUSES:
        raise InvalidInput([Issue("status", "choice.invalid",
                                  f"项目状态只能设为 {'、'.join(EDITABLE_STATUSES)}；年度结转请用结转功能")])
    with store.write() as conn:
        records.update(conn, "programme", record_id, {"status": status})


def close_programme(store: Store, record_id: int, reason: str) -> None:
    """Year-end close (年度结转): status 已结转, closed_at now; the year is frozen afterwards.

    Refused while applications are still in flight (申报…批准, 退回补正): decide them first
    (拨付 or 不予支持), so that the closed year's figures are final."""
    _require(store, "programme.manage")
    row = _row(store, record_id)
    refuse_if_closed(row)
    reason = clean_text(reason or "")
    if not reason:
        raise InvalidInput([Issue("reason", "reason.required", "年度结转必须填写说明")])
    with store.write() as conn:
        counts = sql.application_counts(conn, record_id)
        open_ = [(s, counts[s]) for s in IN_FLIGHT if counts.get(s)]
        if open_:
            listed = "、".join(f"{s} {n} 件" for s, n in open_)
            raise Refused(f"试点项目“{row['name']}”仍有未办结的补贴申请（{listed}），请先办结后再年度结转")
        at = now_text()
        notes = records.get(conn, "programme", record_id)["notes"]
        records.update(conn, "programme", record_id, {
            "status": CLOSED, "closed_at": at,
            "notes": (notes + "\n" if notes else "") + f"【{at[:10]} 年度结转】{reason}"})


def get_programme(store: Store, record_id: int) -> dict[str, Any]:
    row = row_dict(records.get(store.conn, "programme", record_id))
    row["rules"] = rules_of_row(row) if row["rules_toml"] else None
    return row


def list_programmes(store: Store, *, year: int | None = None) -> list[dict[str, Any]]:
    return [row_dict(r) for r in sql.listing(store.conn, year)]


def find_programme(store: Store, name: str, year: int) -> int | None:
    return sql.by_name_year(store.conn, clean_text(name), year)


def export_programme_toml(store: Store, record_id: int) -> str:
    """The programme's rules as the documented TOML (resources/programmes/README.md), budget included."""
    return rules_to_toml(programme_rules(store, record_id))


def import_programme_toml(store: Store, text: str, source_name: str = "规则文件") -> Outcome:
    """Create the programme named in the file, or update the one with the same (name, year):
    rules and budget from the file; region code, dates and status are kept (open on create)."""
    rules = rules_from_toml(text, source_name)
    existing = sql.by_name_year(store.conn, rules.name, rules.year)
    budget = rules.budget_fen or 0
    if existing is None:
        return create_programme(store, ProgrammeInput(rules.name, rules.year, rules, budget_fen=budget))
    row = records.get(store.conn, "programme", existing)
    return update_programme(store, existing, ProgrammeInput(
        rules.name, rules.year, rules, row["region_code"], budget, row["call_start"], row["call_end"],
        row["status"] if row["status"] in EDITABLE_STATUSES else "开放", row["notes"]))
