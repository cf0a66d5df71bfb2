"""Builders for subsidy tests: a programme from a shipped TOML, applications, actors."""

from __future__ import annotations

from dataclasses import replace

from ledger.services.programmes import ProgrammeInput, create_programme
from ledger.services.subsidies import SubsidyInput, create_application
from ledger.services.subsidy_workflow import approve, first_review, publish, second_review
from ledger.subsidy import RuleSet, load_programme

RECORDER, FIRST, SECOND, APPROVER = "王录入", "李初审", "张复核", "赵批准"


def programme(store, rules: RuleSet | str, *, budget_fen: int = 1_000_000_000, year: int | None = None,
              call_start: str | None = None, call_end: str | None = None) -> int:
    if isinstance(rules, str):
        rules = load_programme(rules)
    if year is not None:
        rules = replace(rules, year=year)
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
