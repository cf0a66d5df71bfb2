"""Subsidy application workflow: the transition table (pure data, no database).

    申报 → 初审 → 复核 → 公示 → 批准 → 拨付 → (追回)
    申报 / 初审 / 复核 / 公示 → 退回补正 → (补正后重新申报) 申报
    申报 / 初审 / 复核 / 公示 / 退回补正 → 不予支持
    拨付 / 追回 → 追回 (a further recovery, never more than was paid in total)

Each transition names the permission the services check (``ledger.security``), whether a
reason is required and whether the four-eyes rule applies: whoever recorded the application or
did its 初审 may not do its 复核 or 批准.
"""

from __future__ import annotations

from dataclasses import dataclass

STATES: tuple[str, ...] = ("申报", "初审", "复核", "公示", "批准", "拨付", "退回补正", "不予支持", "追回")
# Amount not yet frozen: recomputed on demand and when rules change.
PENDING_STATES: tuple[str, ...] = ("申报", "初审", "复核")
# Amount published or granted: counts against caps and budget of later applications.
COMMITTED_STATES: tuple[str, ...] = ("公示", "批准", "拨付", "追回")
FINAL_STATES: tuple[str, ...] = ("不予支持",)


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: tuple[str, ...]
    target: str
    permission: str
    needs_reason: bool = False
    four_eyes: bool = False


TRANSITIONS: tuple[Transition, ...] = (
    Transition("first_review", "初审通过", ("申报",), "初审", "subsidy.review"),
    Transition("second_review", "复核通过", ("初审",), "复核", "subsidy.review", four_eyes=True),
    Transition("publish", "公示", ("复核",), "公示", "subsidy.review"),
    Transition("approve", "批准", ("公示",), "批准", "subsidy.approve", four_eyes=True),
    Transition("pay", "拨付", ("批准",), "拨付", "subsidy.pay"),
    Transition("return", "退回补正", ("申报", "初审", "复核", "公示"), "退回补正", "subsidy.review",
               needs_reason=True),
    Transition("resubmit", "补正后重新申报", ("退回补正",), "申报", "subsidy.record"),
    Transition("reject", "不予支持", ("申报", "初审", "复核", "公示", "退回补正"), "不予支持",
               "subsidy.review", needs_reason=True),
    Transition("clawback", "追回", ("拨付", "追回"), "追回", "subsidy.clawback", needs_reason=True),
)
BY_ACTION: dict[str, Transition] = {t.action: t for t in TRANSITIONS}


def targets(state: str) -> list[str]:
    """States reachable from ``state`` in one step."""
    return [t.target for t in TRANSITIONS if state in t.sources]


def find(state: str, target: str) -> Transition | None:
    for t in TRANSITIONS:
        if state in t.sources and t.target == target:
            return t
    return None


def refusal(state: str, wanted: str) -> str:
    """Why ``state`` → ``wanted`` is not allowed, in Chinese."""
    nexts = targets(state)
    can = f"当前可转为：{'、'.join(nexts)}" if nexts else "该状态为终结状态，不能再变更"
    return f"申请当前处于“{state}”状态，不能转为“{wanted}”；{can}"


def four_eyes_conflict(t: Transition, actor: str, recorded_by: str, first_reviewed_by: str) -> str | None:
    """Chinese refusal when ``actor`` recorded or first-reviewed the application and ``t`` needs
    a second person; None otherwise."""
    if not t.four_eyes:
        return None
    roles = []
    if actor and actor == recorded_by:
        roles.append("录入")
    if actor and actor == first_reviewed_by:
        roles.append("初审")
    if not roles:
        return None
    return (f"双人复核：{actor} 是该申请的{'和'.join(roles)}人，不能再做{t.label}"
            f"（录入人 {recorded_by or '—'}，初审人 {first_reviewed_by or '—'}），请由其他人员办理")
