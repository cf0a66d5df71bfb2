"""Importing subsidy applications (补贴申报): a bureau's spreadsheet of this year's applications.

Natural key: (试点项目, 保单号) — a policy is funded once per programme.

* 试点项目: the programme's name, or a year (``2023``, ``2023 年度``) when exactly one programme
  has that year; left empty, the one programme open for applications (开放) when there is exactly
  one. Otherwise a row error names the choices.
* 保单号 must be registered (policies are imported first).
* A new row becomes an application in state 申报 exactly as ``subsidies.create_application``
  makes it: the same ``check_application`` (programme open and not closed, 申报期, premium paid
  not above the policy's premium, once per policy / per IP right and insurance type, 申请编号
  unique) and the same ``record_in_tx`` (amount and explanation from the rules engine, the 申报
  event). 申报日期 is required for a new row (it orders the queue).
* 状态 may be empty or 申报 for a new row. 初审/复核/公示/批准/拨付… are the app's workflow (four
  eyes): a row error. For an existing application 申报 (the original sheet, the filing) and its
  current state (re-importing an export) are accepted; another state is a row error.
* An existing application still in 申报 whose 实缴保费 or 申报日期 differs is corrected and its
  amount recomputed (``subsidies.correct_in_tx``, audited); one further on is a row error; an
  identical row is unchanged. A blank 申报日期 keeps the stored one.
* Permission: ``subsidy.record`` (checked by :func:`write_subsidies`' caller, ``apply_import``).

Rows are written in queue order (申报日期, then file order), each checked again inside the
transaction against the rows written before it (e.g. two policies of the file covering the same
patent with the same insurance type): a conflict rolls everything back naming the row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ledger.errors import InvalidInput, Issue, Refused
from ledger.importing.kinds import Kind, Prepared
from ledger.importing.naturalkeys import name_key
from ledger.money import format_yuan
from ledger.services import subsidies as svc
from ledger.store import Store, import_sql
from ledger.subsidy.workflow import STATES
from ledger.validation import clean_text

if TYPE_CHECKING:
    from ledger.importing.writer import RowPlan

NEW_STATE = "申报"
STATE_SYNONYMS = {"已申报": NEW_STATE, "新申报": NEW_STATE, "待初审": NEW_STATE}
_YEAR = re.compile(r"^(\d{4})\s*年?度?$")
# a correction must not trip over the application itself (once per policy) or the call being over
_UPDATE_IGNORES = {"application.policy_once", "application.ip_type_once", "application.duplicate",
                   "programme.call_closed", "programme.draft"}
WORKFLOW_HINT = "初审、复核、公示、批准、拨付须在本系统“补贴”页面按流程办理（双人复核），不能通过导入完成"


def _programme_label(row: Any) -> str:
    return f"“{row['name']}”（{row['year']} 年度，{row['status']}）"


def _labels(rows: Sequence[Any]) -> str:
    return "、".join(_programme_label(r) for r in rows)


class Subsidies(Kind):
    table, label = "subsidy_application", "补贴申报"
    fields = {"application_no": "application_no", "policy_id": "policy_no", "policy_no": "policy_no",
              "premium_paid_fen": "premium_paid_fen", "programme_id": "programme",
              "submitted_at": "submitted_at", "state": "state"}

    @cached_property
    def programmes(self) -> list[Any]:
        return import_sql.programme_rows(self.store.conn)

    @cached_property
    def applications(self) -> dict[tuple[int, int], dict[str, Any]]:
        return {(r["programme_id"], r["policy_id"]): dict(r) for r in import_sql.subsidy_keys(self.store.conn)}

    @cached_property
    def _numbers_in_file(self) -> set[str]:
        return set()

    # ------------------------------------------------------------------ resolution
    def programme(self, text: str, issues: list[Issue]) -> Any | None:
        progs = self.programmes
        if not progs:
            issues.append(Issue("programme_id", "programme.none",
                                "台账中尚无试点项目：请先在“补贴”中设置试点项目（规则、申报期），再导入补贴申报"))
            return None
        if not text:
            open_ = [p for p in progs if p["status"] == "开放"]
            if len(open_) == 1:
                return open_[0]
            if open_:
                issues.append(Issue("programme_id", "programme.choose",
                                    f"未填写试点项目，而开放申报的试点项目有 {len(open_)} 个（{_labels(open_)}）："
                                    f"请在“试点项目”列填写项目名称或年度"))
            else:
                issues.append(Issue("programme_id", "programme.choose",
                                    f"未填写试点项目，且没有开放申报的试点项目（现有：{_labels(progs)}）："
                                    f"请在“试点项目”列填写项目名称或年度"))
            return None
        key = name_key(text)
        found = [p for p in progs if name_key(p["name"]) == key]
        year = _YEAR.match(key)
        if not found and year:
            found = [p for p in progs if p["year"] == int(year.group(1))]
            if len(found) > 1:
                issues.append(Issue("programme_id", "programme.ambiguous",
                                    f"{year.group(1)} 年度有 {len(found)} 个试点项目（{_labels(found)}）："
                                    f"请在“试点项目”列填写项目名称"))
                return None
        if len(found) == 1:
            return found[0]
        if found:  # the same name in several years
            issues.append(Issue("programme_id", "programme.ambiguous",
                                f"名为“{text}”的试点项目有 {len(found)} 个（{_labels(found)}）：请填写年度，"
                                f"或改填只有一个项目的年度"))
            return None
        issues.append(Issue("programme_id", "programme.unknown", f"试点项目“{text}”不存在（可选：{_labels(progs)}）"))
        return None

    @staticmethod
    def state(rec: dict[str, object], issues: list[Issue]) -> str:
        text = clean_text(str(rec.get("state") or ""))
        text = STATE_SYNONYMS.get(text, text)
        if text and text not in STATES:
            issues.append(Issue("state", "state.unknown",
                                f"状态“{text}”不是补贴申请的状态（{'、'.join(STATES)}）；导入只能新增“申报”状态的申请"))
            return ""
        return text

    # ------------------------------------------------------------------ rows
    def prepare(self, rec: dict[str, object]) -> Prepared:
        issues: list[Issue] = []
        number = clean_text(str(rec.get("application_no") or "")).upper() or None
        policy_no = clean_text(str(rec.get("policy_no") or "")).upper().replace(" ", "")
        policy_id = self.keys.policy(policy_no) if policy_no else None
        if policy_no and policy_id is None:
            issues.append(Issue("policy_id", "policy.unknown", f"保单号 {policy_no} 尚未登记：请先导入保单"))
        prog = self.programme(clean_text(str(rec.get("programme") or "")), issues)
        state = self.state(rec, issues)
        paid = rec.get("premium_paid_fen")
        day = rec.get("submitted_at")
        key = f"{policy_no}（{prog['name']}）" if prog is not None and policy_no else ""
        current = self.applications.get((prog["id"], policy_id)) if prog is not None and policy_id else None
        if current is not None:
            return self._existing(current, prog, number, paid, day, state, key, issues)
        if state and state != NEW_STATE:
            issues.append(Issue("state", "state.workflow",
                                f"状态“{state}”不能导入：新导入的补贴申请一律为“申报”；{WORKFLOW_HINT}"))
        if day is None:
            issues.append(Issue("submitted_at", "import.required", "新增补贴申报须填写申报日期（决定排队先后和是否在申报期内）"))
        if number:
            if number in self._numbers_in_file:
                issues.append(Issue("application_no", "application.duplicate_in_file",
                                    f"申报编号 {number} 在文件中已出现过"))
            self._numbers_in_file.add(number)
        values = {"programme_id": prog["id"] if prog is not None else 0, "policy_id": policy_id or 0,
                  "premium_paid_fen": paid, "submitted_at": day, "application_no": number,
                  "programme_year": prog["year"] if prog is not None else 0}
        if prog is not None and policy_id is not None and isinstance(paid, int) and day is not None:
            issues += self._service_issues(prog, values, ignore=set())
        return Prepared(key, "policy_no", None, values, None, issues=issues)

    def _service_issues(self, prog: Any, values: dict[str, Any], ignore: set[str]) -> list[Issue]:
        """What ``create_application`` would refuse, as row issues."""
        try:
            svc.require_open_for_applications(prog)
        except Refused as exc:
            return [Issue("programme_id", "programme.refused", exc.message)]
        return [i for i in svc.check_application(self.store, _input(values)) if i.code not in ignore]

    def _existing(self, cur: dict[str, Any], prog: Any, number: str | None, paid: object, day: object,
                  state: str, key: str, issues: list[Issue]) -> Prepared:
        no = cur["application_no"]
        if number and number != no:
            issues.append(Issue("application_no", "application.number_differs",
                                f"该保单在本项目已有申请 {no}，与申报编号 {number} 不一致（同一保单在同一试点项目只申报一次）"))
        if state and state not in (NEW_STATE, cur["state"]):  # 申报: the file records the filing
            issues.append(Issue("state", "state.workflow",
                                f"申请 {no} 当前状态为“{cur['state']}”，导入不能改为“{state}”：{WORKFLOW_HINT}"))
        stored_day = cur["submitted_at"]
        if day is None or str(day) == stored_day[:10]:
            day = stored_day  # blank keeps; the same day keeps a stored time of day
        values = {"premium_paid_fen": paid if paid is not None else cur["premium_paid_fen"], "submitted_at": day}
        current = {k: cur[k] for k in values}
        changed = [k for k in values if values[k] != current[k]]
        if changed and not issues:
            issues += self._change_issues(cur, prog, values, changed)
        return Prepared(key, "policy_no", cur["id"], values, current, issues=issues)

    def _change_issues(self, cur: dict[str, Any], prog: Any, values: dict[str, Any],
                       changed: list[str]) -> list[Issue]:
        no, state = cur["application_no"], cur["state"]
        what = "；".join(
            f"实缴保费 {format_yuan(cur['premium_paid_fen'])} → {format_yuan(values['premium_paid_fen'])} 元"
            if k == "premium_paid_fen" else f"申报日期 {cur['submitted_at'][:10]} → {values['submitted_at']}"
            for k in changed)
        if prog["status"] == "已结转" or state != NEW_STATE:
            if prog["status"] == "已结转":
                reason = f"试点项目“{prog['name']}”已年度结转"
            else:
                reason = f"申请 {no} 已进入审核流程（状态 {state}），导入不能修改"
            hint = ("如需更正，请在“补贴”页面退回补正后重新申报" if state in ("初审", "复核", "公示")
                    else "请在“补贴”页面补正后重新申报" if state == "退回补正" else "该申请的金额以审核流程为准")
            return [Issue(changed[0], "application.in_workflow", f"{reason}（{what}）；{hint}")]
        full = {"programme_id": cur["programme_id"], "policy_id": cur["policy_id"]} | values
        return self._service_issues(prog, full, ignore=_UPDATE_IGNORES)


def _input(values: dict[str, Any]) -> svc.SubsidyInput:
    return svc.SubsidyInput(values["programme_id"], values["policy_id"], values["premium_paid_fen"],
                            values["submitted_at"], values.get("application_no"))


def _queue_order(row: RowPlan) -> str:
    write = row.write or {}
    return str(write.get("submitted_at") or "")[:10]


def write_subsidies(store: Store, rows: Sequence[RowPlan], tick: Callable[[int], None]) -> None:
    """Insert / correct ``rows`` inside the caller's ``store.write()``, in queue order (申报日期,
    then file order), each checked again against what the rows before it wrote."""
    for done, row in enumerate(sorted(rows, key=_queue_order), start=1):
        write = row.write or {}
        if row.action == "insert":
            inp = _input(write)
            problems = [i for i in svc.check_application(store, inp) if i.is_error]
            if problems:
                where = f"工作表「{row.sheet}」第 {row.excel_row} 行"
                raise InvalidInput([Issue(i.field, i.code, f"{where}：{i.message}") for i in problems],
                                   f"{where}与本文件中排在它前面的申报冲突，未写入任何数据："
                                   + "；".join(i.message for i in problems))
            svc.record_in_tx(store, inp.normalised(), write["programme_year"], reason="录入申请（表格导入）")
        elif row.record_id is not None and write:
            svc.correct_in_tx(store, row.record_id, write)
        tick(done)
