"""Subsidy applications (补贴申请): create, compute by the programme's rules, explain.

Facts for the engine come from the ledger (``ledger.store.subsidies_sql``):
- enterprise tags and blacklist; product.insurance_type; policy premium, status, overseas flag,
  sum insured and contract date (签单日期, else the start of the insurance period);
- covered IP rights with expiry date and high-value flag;
- times funded before = distinct earlier programme years with a granted application;
- application order = the enterprise's place among its active applications in this programme;
- enterprise premium for the year = premium of its policies applied for in this programme.

Context (``LedgerContext.grants``), what an application's caps and budget count against:
1. committed applications of this programme — 公示 (computed amount, already published),
   批准 (approved), 拨付 (paid), 追回 (paid − recovered); fully recovered ones count nothing;
2. applications still in review (申报/初审/复核) queued before it (submitted_at, id) with their
   current computed amount — first come, first served;
3. for the uniqueness rules (scope 'ever', once per policy) the committed applications of
   programmes of earlier years.
Amounts in review are provisional: recomputed on create, on 补正 resubmission, when entering
公示 (then frozen), when the programme's rules change, and by ``recompute_programme``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ledger.errors import Issue, NotFound, Outcome, Refused
from ledger.money import format_yuan
from ledger.services.access import _require
from ledger.services.base import enforce, row_dict
from ledger.services.programmes import refuse_if_closed, rules_of_row
from ledger.store import Store, records
from ledger.store import programmes_sql as psql
from ledger.store import subsidies_sql as sql
from ledger.subsidy import (
    ApplicationFacts,
    Calculation,
    CoveredRight,
    Grant,
    LedgerContext,
    RuleSet,
    calculate,
)
from ledger.subsidy.workflow import PENDING_STATES
from ledger.validation import clean_text, validate_amount_fen, validate_date, validate_text


@dataclass(frozen=True)
class SubsidyInput:
    programme_id: int
    policy_id: int
    premium_paid_fen: int
    submitted_at: str  # YYYY-MM-DD (or a timestamp); queue order
    application_no: str | None = None  # None: SB-<year>-<serial>
    declared_no_double_funding: bool = True
    notes: str = ""

    def normalised(self) -> SubsidyInput:
        no = clean_text(self.application_no).upper() if self.application_no else None
        return replace(self, application_no=no or None, notes=clean_text(self.notes),
                       submitted_at=(self.submitted_at or "").strip())


@dataclass(frozen=True)
class Explanation:
    """What ``ipdesk subsidy explain`` and the app show for one application."""

    application_id: int
    application_no: str
    state: str
    enterprise_name: str
    policy_no: str
    premium_paid_fen: int
    computed_fen: int
    approved_fen: int
    paid_fen: int
    recovered_fen: int
    steps: tuple[str, ...]  # the stored calculation, step by step
    events: tuple[dict[str, Any], ...] = ()
    current: Calculation | None = None  # fresh calculation while the amount is still provisional
    ratio_bp: int = 0

    @property
    def text(self) -> str:
        return "；".join(self.steps)

    @property
    def stale(self) -> bool:
        return self.current is not None and self.current.amount_fen != self.computed_fen


def _programme(store: Store, programme_id: int) -> Any:
    row = psql.status_of(store.conn, programme_id)
    if row is None:
        raise NotFound(f"试点项目 #{programme_id} 不存在")
    return row


def check_application(store: Store, inp: SubsidyInput) -> list[Issue]:
    """Problems with a new application, including the uniqueness rules (refused at create time)."""
    inp = inp.normalised()
    conn = store.conn
    issues = validate_amount_fen(inp.premium_paid_fen, "premium_paid_fen", "实缴保费", minimum=1)
    issues += validate_date(inp.submitted_at[:10] if inp.submitted_at else None, "submitted_at", "申报日期")
    issues += validate_text(inp.notes, "notes", "备注", required=False, max_len=2000)
    if inp.application_no:
        issues += validate_text(inp.application_no, "application_no", "申请编号", max_len=40)
        if sql_exists(store, inp.application_no):
            issues.append(Issue("application_no", "application.duplicate", f"申请编号 {inp.application_no} 已存在"))
    prog = psql.status_of(conn, inp.programme_id)
    pol = sql.policy_facts(conn, inp.policy_id)
    if prog is None:
        issues.append(Issue("programme_id", "programme.missing", "请选择试点项目"))
    if pol is None:
        issues.append(Issue("policy_id", "policy.missing", "请选择申请补贴的保单"))
    if prog is None or pol is None or issues:
        return issues
    if prog["status"] == "草稿":
        issues.append(Issue("programme_id", "programme.draft", f"试点项目“{prog['name']}”尚未开放申报"))
    elif prog["status"] == "截止":
        issues.append(Issue("programme_id", "programme.call_closed", f"试点项目“{prog['name']}”已截止申报"))
    day = inp.submitted_at[:10]
    if (prog["call_start"] and day < prog["call_start"]) or (prog["call_end"] and day > prog["call_end"]):
        issues.append(Issue("submitted_at", "submitted.outside_call",
                            f"申报日期 {day} 不在申报期（{prog['call_start'] or '不限'} 至 {prog['call_end'] or '不限'}）内"))
    if inp.premium_paid_fen > pol["premium_fen"]:
        issues.append(Issue("premium_paid_fen", "premium.above_policy",
                            f"申报实缴保费 {format_yuan(inp.premium_paid_fen)} 元超过保单 {pol['policy_no']} 的保费 "
                            f"{format_yuan(pol['premium_fen'])} 元"))
    rules = rules_of_row(prog) if prog["rules_toml"] else None
    for r in sql.active_on_policy(conn, inp.policy_id, inp.programme_id, prog["year"],
                                  bool(rules and rules.unique_policy)):
        where = "本项目" if r["year"] == prog["year"] and r["name"] == prog["name"] else f"{r['year']} 年度“{r['name']}”"
        issues.append(Issue("policy_id", "application.policy_once",
                            f"保单 {pol['policy_no']} 已在{where}申请补贴（{r['application_no']}，{r['state']}），"
                            f"每张保单只能补贴一次"))
        break
    if rules and rules.unique_ip_type_scope in ("year", "ever"):
        for r in sql.ip_type_conflicts(conn, inp.policy_id, pol["insurance_type"], inp.programme_id,
                                       prog["year"], rules.unique_ip_type_scope == "ever"):
            if r["policy_no"] == pol["policy_no"] and r["year"] == prog["year"]:
                continue  # the same policy: reported above
            scope = "同一年度" if rules.unique_ip_type_scope == "year" else ""
            issues.append(Issue("policy_id", "application.ip_type_once",
                                f"知识产权 {r['number']} 已以同一险种在 {r['year']} 年度申请补贴（{r['application_no']}，"
                                f"保单 {r['policy_no']}，{r['state']}），{scope}同一知识产权同一险种只补贴一次"))
            break
    return issues


def sql_exists(store: Store, application_no: str) -> bool:
    from ledger.store import lookups

    return lookups.id_by(store.conn, "subsidy_application", "application_no", application_no) is not None


# -- facts and context --------------------------------------------------------------------------

def _facts(conn: Any, row: Any) -> ApplicationFacts:
    rights = tuple(CoveredRight(str(r["id"]), r["number"], r["expiry_date"], bool(r["high_value"]))
                   for r in sql.covered_rights(conn, row["policy_id"]))
    year = row["programme_year"]
    return ApplicationFacts(
        application_id=str(row["id"]), policy_no=row["policy_no"], enterprise_id=str(row["enterprise_id"]),
        enterprise_name=row["enterprise_name"], insurance_type=row["insurance_type"],
        premium_fen=row["premium_fen"], premium_paid_fen=row["premium_paid_fen"],
        enterprise_tags=tuple(json.loads(row["tags"] or "[]")), blacklisted=bool(row["blacklisted"]),
        blacklist_reason=row["blacklist_reason"], overseas=bool(row["overseas"]),
        sum_insured_fen=row["sum_insured_fen"], policy_status=row["policy_status"],
        contract_date=row["signed_date"] or row["start_date"], ip_rights=rights,
        times_funded_before=sql.times_funded_before(conn, row["enterprise_id"], year),
        application_order=sql.application_order(conn, row["programme_id"], row["enterprise_id"],
                                                row["submitted_at"], row["id"]),
        enterprise_year_premium_fen=sql.enterprise_programme_premium(conn, row["programme_id"],
                                                                     row["enterprise_id"]),
        declared_no_double_funding=bool(row["declared_no_double_funding"]),
    )


def _grant(r: Any) -> Grant:
    ips = tuple(x for x in (r["ip_ids"] or "").split(",") if x)
    return Grant(str(r["enterprise_id"]), r["policy_no"], r["insurance_type"], r["amount_fen"], r["year"],
                 bool(r["overseas"]), ips, str(r["id"]))


def _context(conn: Any, row: Any, *, with_pending: bool = True) -> LedgerContext:
    grants = [_grant(r) for r in sql.grant_rows(conn, row["programme_id"], row["programme_year"], row["id"])]
    if with_pending:
        grants += [_grant(r) for r in sql.pending_before(conn, row["programme_id"], row["submitted_at"], row["id"])]
    return LedgerContext(tuple(grants))


def _as_of(row: Any) -> date:
    return date.fromisoformat(row["submitted_at"][:10])


def _calculate(conn: Any, rules: RuleSet, row: Any) -> Calculation:
    return calculate(rules, _facts(conn, row), _context(conn, row), _as_of(row))


def _store_calc(conn: Any, application_id: int, calc: Calculation) -> None:
    records.update(conn, "subsidy_application", application_id,
                   {"computed_fen": calc.amount_fen, "explanation": calc.explanation})


def compute_in_tx(store: Store, application_id: int) -> Calculation:
    """Recompute and store one application's amount; call inside ``store.write()``."""
    conn = store.conn
    row = sql.facts_row(conn, application_id)
    if row is None:
        raise NotFound(f"补贴申请 #{application_id} 不存在")
    calc = _calculate(conn, rules_of_row(psql.status_of(conn, row["programme_id"])), row)
    _store_calc(conn, application_id, calc)
    return calc


def recompute_pending(store: Store, programme_id: int) -> list[Calculation]:
    """Recompute, in queue order, every application in review (申报/初审/复核) of a programme;
    call inside ``store.write()``. Each result counts against the ones after it."""
    conn = store.conn
    prog = psql.status_of(conn, programme_id)
    if prog is None or not prog["rules_toml"]:
        return []
    rules = rules_of_row(prog)
    out = []
    for row in sql.facts_rows(conn, programme_id, PENDING_STATES):
        calc = _calculate(conn, rules, row)
        _store_calc(conn, row["id"], calc)
        out.append(calc)
    return out


# -- services -----------------------------------------------------------------------------------

def require_open_for_applications(prog: Any) -> None:
    """Refuse (``Refused``, in Chinese) a programme row that is closed or has no usable rules."""
    refuse_if_closed(prog)
    rules_of_row(prog)


def create_application(store: Store, inp: SubsidyInput) -> Outcome:
    """Record an application (state 申报, recorded_by = the current user) and compute its amount."""
    _require(store, "subsidy.record")
    inp = inp.normalised()
    prog = psql.status_of(store.conn, inp.programme_id)
    if prog is not None:
        require_open_for_applications(prog)
    warnings = enforce(check_application(store, inp))
    assert prog is not None
    with store.write():
        new_id, uuid, _calc = record_in_tx(store, inp, prog["year"])
    return Outcome(new_id, uuid, warnings)


def record_in_tx(store: Store, inp: SubsidyInput, year: int, *, reason: str = "录入申请"
                 ) -> tuple[int, str, Calculation]:
    """Insert a checked application (state 申报, recorded_by = the current user), compute its
    amount and write the 申报 event; call inside ``store.write()`` after ``check_application``.
    ``year`` is the programme's (numbers SB-<year>-<serial> when none is given)."""
    conn = store.conn
    no = inp.application_no or sql.next_application_no(conn, year)
    new_id, uuid = records.insert(conn, "subsidy_application", {
        "application_no": no, "programme_id": inp.programme_id, "policy_id": inp.policy_id,
        "premium_paid_fen": inp.premium_paid_fen, "submitted_at": inp.submitted_at, "state": "申报",
        "recorded_by": store.actor, "declared_no_double_funding": int(inp.declared_no_double_funding),
        "notes": inp.notes}, office=store.office_id)
    calc = compute_in_tx(store, new_id)
    records.insert(conn, "subsidy_event", {
        "application_id": new_id, "from_state": "", "to_state": "申报", "actor": store.actor,
        "at": _event_at(inp.submitted_at), "reason": reason, "amount_fen": calc.amount_fen},
        office=store.office_id)
    return new_id, uuid, calc


def correct_in_tx(store: Store, application_id: int, values: dict[str, Any]) -> Calculation:
    """Correct the 实缴保费 / 申报日期 of an application still in 申报 (checked by the caller) and
    recompute its amount, as a 补正 resubmission does; call inside ``store.write()``."""
    allowed = {"premium_paid_fen", "submitted_at"}
    if not values or set(values) - allowed:
        raise ValueError(sorted(set(values) - allowed))
    app = records.get(store.conn, "subsidy_application", application_id)
    if app["state"] != "申报":
        raise Refused(f"申请 {app['application_no']} 已进入审核流程（状态 {app['state']}），不能直接更正")
    records.update(store.conn, "subsidy_application", application_id, values)
    return compute_in_tx(store, application_id)


def _event_at(submitted_at: str) -> str:
    """The 申报 event is dated when the application was submitted (recording time is in the audit log)."""
    return submitted_at if len(submitted_at) > 10 else f"{submitted_at}T00:00:00"


def recompute(store: Store, application_id: int) -> Calculation:
    """Recompute one application still in review; refused once its amount is frozen (公示 on)."""
    _require(store, "subsidy.record")
    row = _application(store, application_id)
    if row["state"] not in PENDING_STATES:
        raise Refused(f"申请 {row['application_no']} 处于“{row['state']}”状态，金额已冻结，不能重新计算")
    with store.write():
        return compute_in_tx(store, application_id)


def recompute_programme(store: Store, programme_id: int) -> list[Calculation]:
    """Recompute every application in review of a programme, in queue order (one transaction)."""
    _require(store, "subsidy.record")
    prog = _programme(store, programme_id)
    refuse_if_closed(prog)
    rules_of_row(prog)
    with store.write():
        return recompute_pending(store, programme_id)


def _application(store: Store, application_id: int) -> Any:
    row = sql.facts_row(store.conn, application_id)
    if row is None:
        raise NotFound(f"补贴申请 #{application_id} 不存在")
    refuse_if_closed(psql.status_of(store.conn, row["programme_id"]))
    return row


def explain(store: Store, application_id: int) -> Explanation:
    """The stored calculation step by step, the workflow history and — while the amount is
    provisional — a fresh calculation to compare."""
    conn = store.conn
    row = sql.facts_row(conn, application_id)
    if row is None:
        raise NotFound(f"补贴申请 #{application_id} 不存在")
    app = records.get(conn, "subsidy_application", application_id)
    prog = psql.status_of(conn, row["programme_id"])
    rules = rules_of_row(prog) if prog["rules_toml"] else None
    current = None
    ratio = 0
    if rules is not None:
        facts = _facts(conn, row)
        ratio = calculate(rules, facts, LedgerContext(), _as_of(row)).ratio_bp
        if row["state"] in PENDING_STATES:
            current = calculate(rules, facts, _context(conn, row), _as_of(row))
    steps = tuple(s for s in (app["explanation"] or "").split("；") if s)
    return Explanation(application_id, app["application_no"], app["state"], row["enterprise_name"],
                       row["policy_no"], app["premium_paid_fen"], app["computed_fen"], app["approved_fen"],
                       app["paid_fen"], app["recovered_fen"], steps,
                       tuple(row_dict(e) for e in sql.events(conn, application_id)), current, ratio)


def get_application(store: Store, application_id: int) -> dict[str, Any]:
    app = row_dict(records.get(store.conn, "subsidy_application", application_id))
    app["events"] = [row_dict(e) for e in sql.events(store.conn, application_id)]
    return app


def list_applications(store: Store, *, programme_id: int | None = None, state: str | None = None
                      ) -> list[dict[str, Any]]:
    return [row_dict(r) for r in sql.listing(store.conn, programme_id, state)]


def ratio_of(store: Store, application_id: int) -> int:
    """The subsidy ratio (bp) the programme's rules give this application (0 when ineligible)."""
    conn = store.conn
    row = sql.facts_row(conn, application_id)
    if row is None:
        raise NotFound(f"补贴申请 #{application_id} 不存在")
    prog = psql.status_of(conn, row["programme_id"])
    if not prog["rules_toml"]:
        return 0
    return calculate(rules_of_row(prog), _facts(conn, row), LedgerContext(), _as_of(row)).ratio_bp



