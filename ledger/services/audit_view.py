"""The audit viewer's service: filter, page, explain and export ``audit_log`` rows.

* :class:`AuditFilter` — what the clerk typed (record uuid or prefix, user, dates, table, operation)
  → :meth:`AuditFilter.query` (validated, dates → timestamp bounds).
* ``count`` / ``page`` / ``entry`` → :class:`AuditEntry` (labels in Chinese, a one-line diff summary,
  field-by-field old/new via :meth:`AuditEntry.changes`).
* ``choices`` → users, tables and operations present (for filter combos).
* ``record_uuids(store, register_key, ids)`` → uuids of records picked in a register.
* ``export_sheet`` → one (name, headers, kinds, rows) sheet for ``reports.audit_workbook``.
* ``check_chain`` → ``ledger.health.check`` lines (integrity, foreign keys, invariants, hash chain).
Viewing needs ``audit.view`` (管理员/审核人) once users exist.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ledger.errors import InvalidInput, Issue
from ledger.money import format_yuan
from ledger.store import Store
from ledger.store import audit_queries as q
from ledger.validation import region_name

TABLE_LABELS: dict[str, str] = {
    "app_user": "用户", "programme": "试点项目", "enterprise": "企业", "ip_right": "知识产权",
    "insurer": "保险机构", "product": "保险产品", "policy": "保单", "subsidy_application": "补贴申请",
    "subsidy_event": "补贴流转记录", "claim": "理赔", "claim_cost_item": "理赔费用项",
    "claim_payment": "理赔支付", "case_study": "典型案例", "attachment": "附件",
    "policy_insurer": "保单共保机构", "policy_ip_right": "保单承保知识产权", "product_insurer": "产品承保机构",
    "app_setting": "系统设置", "database": "数据库", "export": "导出", "exchange": "数据交换",
}
OP_LABELS: dict[str, str] = {
    "INSERT": "新增", "UPDATE": "修改", "DELETE": "删除", "LOGIN": "登录", "LOGOUT": "退出登录",
    "LOGIN_FAILED": "登录失败", "LOGIN_LOCKED": "账户锁定", "EXPORT": "导出", "IMPORT": "导入",
    "BACKUP": "备份", "RESTORE": "恢复", "SETUP_ADMIN": "创建管理员", "UNLOCK": "解除锁定",
    "PASSWORD_CHANGE": "修改密码", "PASSWORD_RESET": "重置密码", "DEMO_PASSWORDS": "设置演示密码",
}
FIELD_LABELS: dict[str, str] = {
    "name": "名称", "full_name": "全称", "short_name": "简称", "uscc": "统一社会信用代码",
    "district_code": "所在地区", "industry": "行业", "tags": "标签", "contact_person": "联系人",
    "contact_phone": "联系电话", "address": "地址", "bank_name": "开户银行", "bank_account": "银行账号",
    "blacklisted": "黑名单", "blacklist_reason": "黑名单原因", "notes": "备注", "note": "备注",
    "ip_type": "知识产权类型", "number": "编号", "title": "标题", "owner_name": "权利人",
    "nice_class": "尼斯分类", "filing_date": "申请日", "grant_date": "授权日", "expiry_date": "到期日",
    "status": "状态", "state": "状态", "high_value": "高价值专利", "policy_no": "保单号",
    "sum_insured_fen": "保险金额", "premium_fen": "保费", "premium_paid_fen": "实缴保费",
    "start_date": "起保日期", "end_date": "终止日期", "signed_date": "签单日期", "overseas": "境外",
    "claim_no": "理赔编号", "reported_date": "报案日期", "closed_date": "结案日期",
    "counterparty": "对方当事人", "court": "法院", "jurisdiction": "管辖地", "case_number": "案号",
    "outcome": "结果", "judgement_fen": "判决金额", "settlement_fen": "和解金额",
    "description": "说明", "application_no": "申请编号", "computed_fen": "测算补贴",
    "approved_fen": "核定补贴", "paid_fen": "已拨付", "recovered_fen": "已追回",
    "claimed_fen": "申请金额", "amount_fen": "金额", "budget_fen": "预算", "year": "年度",
    "region_code": "地区", "region": "相关地区", "code": "代码", "username": "用户名",
    "display_name": "姓名", "role": "角色", "active": "启用", "key": "设置项", "value": "值",
    "share_bp": "共保份额", "is_lead": "主承保", "branch": "分支机构", "payment_batch": "拨付批次",
    "voucher_no": "凭证号", "explanation": "计算说明", "reason": "原因", "category": "类别",
    "paid_date": "支付日期", "kind": "类型", "background": "基本情况", "innovation": "创新点",
    "effect": "实施效果", "parties": "相关主体", "clause_type": "条款归属", "path": "文件",
    "file": "文件", "from": "来源", "kept": "原库另存为", "rows": "行数", "revision": "版本",
    "updated_at": "修改时间", "created_at": "创建时间", "password_hash": "密码", "id": "内部编号",
    "uuid": "UUID", "origin_office": "来源办公室", "uscc_override_reason": "信用代码校验例外原因",
    "number_override_reason": "编号校验例外原因", "users": "用户数", "attempts": "失败次数", "until": "锁定至",
    "batch": "批次", "programme_id": "试点项目编号", "enterprise_id": "企业编号", "policy_id": "保单编号",
    "product_id": "产品编号", "insurer_id": "保险机构编号", "claim_id": "理赔编号（内部）", "case_id": "案例编号",
    "ip_right_id": "知识产权编号", "application_id": "补贴申请编号", "cases": "案例数", "policies": "保单数",
    "filter": "筛选条件", "bank_accounts": "含完整银行账号", "total_fen": "合计金额", "aliases": "别名",
    "ip_types": "知识产权类型", "ip_types_text": "知识产权类型", "insurers_text": "相关保险机构",
    "product_text": "保险产品", "from_state": "原状态", "to_state": "新状态", "subject": "事项",
    "liability_class": "责任分类", "function_class": "功能分类", "insurance_type": "险种",
}
VALUE_LABELS: dict[str, str] = {
    "annual_report": "年度总结报告", "cases_report": "典型案例汇编", "case_report": "单个典型案例",
    "finance_workbook": "补贴资金拨付明细表", "register_workbook": "台账导出", "audit_log": "审计日志",
    "daily": "每日自动备份", "before": "变更前备份", "manual": "手动备份",
}
SETTING_LABELS: dict[str, str] = {
    "bureau_name": "局名称", "office_code": "办公室代码", "office_name": "办公室名称", "office_id": "办公室标识",
    "default_programme_id": "默认试点项目", "amount_unit": "金额显示单位", "date_format": "日期格式",
    "catalogue_version": "内置目录版本",
}
BOOL_FIELDS = frozenset({"blacklisted", "overseas", "high_value", "active", "is_lead", "reconciled",
                         "declared_no_double_funding", "user_defined", "bank_accounts"})
LIST_FIELDS = frozenset({"tags", "aliases", "ip_types"})
QUIET_FIELDS = frozenset({"updated_at", "revision"})  # bookkeeping: left out of the one-line summary
NAME_FIELDS = ("name", "title", "policy_no", "claim_no", "application_no", "number", "username", "key",
               "code", "kind", "file", "path")
HIDDEN = "（已隐藏）"


def _security() -> Any:
    try:
        return importlib.import_module("ledger.security")
    except ImportError:
        return None


def require_view(store: Store) -> None:
    require = getattr(_security(), "require", None)
    if require is not None:
        require(store, "audit.view")


def _can_see_accounts(store: Store) -> bool:
    can = getattr(_security(), "can", None)
    return True if can is None else bool(can(store, "view.bank_account"))


def _mask(text: str) -> str:
    mask = getattr(_security(), "mask_account", None)
    if mask is not None:
        return str(mask(text))
    return "****" + text[-4:] if len(text) > 4 else "****"


def _date(text: str | date | None, label: str, issues: list[Issue]) -> date | None:
    if text in (None, ""):
        return None
    if isinstance(text, date):
        return text
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        issues.append(Issue(label, "date.format", f"日期格式应为 YYYY-MM-DD，实为 {text}"))
        return None


@dataclass(frozen=True)
class AuditFilter:
    record: str = ""  # uuid or its beginning
    record_uuids: tuple[str, ...] = ()  # picked in a register
    actor: str = ""
    table: str = ""
    op: str = ""
    date_from: str | date | None = None
    date_to: str | date | None = None  # inclusive

    def query(self) -> q.AuditQuery:
        issues: list[Issue] = []
        start = _date(self.date_from, "date_from", issues)
        end = _date(self.date_to, "date_to", issues)
        if start and end and start > end:
            issues.append(Issue("date_to", "date.order", "结束日期不能早于开始日期"))
        if issues:
            raise InvalidInput(issues)
        return q.AuditQuery(
            record_uuids=tuple(self.record_uuids), record_prefix=self.record.strip(),
            actor=self.actor.strip(), table=self.table, op=self.op,
            at_from=start.isoformat() if start else "",
            at_before=(end + timedelta(days=1)).isoformat() if end else "")


def _loads(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"内容": text}
    return value if isinstance(value, dict) else {"内容": value}


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name)


def shown_value(name: str, value: Any, *, accounts: bool = True) -> str:
    """A value as the viewer shows it: fen as 元, bp as %, secrets hidden."""
    if value is None:
        return ""
    if name == "password_hash":
        return HIDDEN if value else ""
    if name == "bank_account" and not accounts:
        return _mask(str(value))
    if name == "kind" and isinstance(value, str):
        return VALUE_LABELS.get(value, value)
    if name in BOOL_FIELDS and isinstance(value, (int, bool)):
        return "是" if value else "否"
    if name in ("district_code", "region_code") and isinstance(value, str) and value:
        place = region_name(value)
        return f"{place}（{value}）" if place else value
    if name in LIST_FIELDS and isinstance(value, str) and value.startswith("["):
        try:
            return "、".join(str(v) for v in json.loads(value))
        except ValueError:
            return value
    if name.endswith("_fen") and isinstance(value, int):
        return format_yuan(value, symbol=True)
    if name.endswith("_bp") and isinstance(value, int):
        return f"{value / 100:g}%"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    table: str
    record_uuid: str
    op: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    accounts: bool = field(default=True, compare=False)

    @property
    def time_text(self) -> str:
        return self.at.replace("T", " ")

    @property
    def table_label(self) -> str:
        return TABLE_LABELS.get(self.table, self.table)

    @property
    def op_label(self) -> str:
        return OP_LABELS.get(self.op, self.op)

    def changes(self) -> list[tuple[str, str, str, bool]]:
        """(field label, old text, new text, changed) for every field of old ∪ new."""
        old, new = self.old or {}, self.new or {}
        keys = list(dict.fromkeys([*old, *new]))
        out = []
        for k in keys:
            a = shown_value(k, old.get(k), accounts=self.accounts) if self.old is not None else ""
            b = shown_value(k, new.get(k), accounts=self.accounts) if self.new is not None else ""
            out.append((field_label(k), a, b, old.get(k) != new.get(k)))
        return out

    def summary(self) -> str:
        old, new = self.old or {}, self.new or {}
        values = new if self.new is not None else old
        if self.table == "app_setting" and "key" in values:
            key = str(values["key"])
            if self.op == "UPDATE":
                return f"{SETTING_LABELS.get(key, key)}：{_short(str(old.get('value', '')))} → " \
                       f"{_short(str(new.get('value', '')))}"
            return f"{SETTING_LABELS.get(key, key)} = {_short(str(values.get('value', '')), 40)}"
        if self.op == "UPDATE" and self.old is not None and self.new is not None:
            parts = [f"{field_label(k)}：{_short(shown_value(k, old.get(k), accounts=self.accounts)) or '（空）'}"
                     f" → {_short(shown_value(k, new.get(k), accounts=self.accounts)) or '（空）'}"
                     for k in dict.fromkeys([*old, *new]) if k not in QUIET_FIELDS and old.get(k) != new.get(k)]
            return "；".join(parts) if parts else "（仅版本号变化）"
        named = [f"{field_label(k)}：{_short(shown_value(k, values[k], accounts=self.accounts))}"
                 for k in NAME_FIELDS if values.get(k) not in (None, "")][:2]
        if not named:
            named = [f"{field_label(k)}：{_short(shown_value(k, v, accounts=self.accounts))}"
                     for k, v in list(values.items())[:3] if k not in QUIET_FIELDS]
        return "；".join(named)


def _entry(row: tuple, accounts: bool) -> AuditEntry:
    seq, at, actor, table, uuid, op, old, new = row
    return AuditEntry(int(seq), at, actor, table, uuid, op, _loads(old), _loads(new), accounts)


def count(store: Store, flt: AuditFilter) -> int:
    require_view(store)
    return q.count(store.conn, flt.query())


def page(store: Store, flt: AuditFilter, offset: int, limit: int) -> list[AuditEntry]:
    """Rows ``offset`` … ``offset + limit`` of the filtered log, newest first."""
    require_view(store)
    accounts = _can_see_accounts(store)
    return [_entry(r, accounts) for r in q.fetch(store.conn, flt.query(), offset, limit)]


def entry(store: Store, seq: int) -> AuditEntry | None:
    require_view(store)
    row = q.one(store.conn, seq)
    return None if row is None else _entry(row, _can_see_accounts(store))


def choices(store: Store) -> dict[str, list[tuple[str, str]]]:
    """(value, label) lists of the users, tables and operations present in the log."""
    conn = store.conn
    return {
        "actors": [(a, a) for a in q.actors(conn)],
        "tables": [(t, TABLE_LABELS.get(t, t)) for t in q.tables(conn)],
        "ops": [(o, OP_LABELS.get(o, o)) for o in q.ops(conn)],
    }


REGISTER_TABLES = {"enterprise": "enterprise", "ip_right": "ip_right", "policy": "policy",
                   "subsidy": "subsidy_application", "claim": "claim", "case": "case_study"}


def record_uuids(store: Store, register_key: str, ids: Sequence[int]) -> tuple[str, list[str]]:
    """(table, uuids) of the records with ``ids`` in the register ``register_key``."""
    table = REGISTER_TABLES.get(register_key, register_key)
    return table, q.uuids_of(store.conn, table, ids)


EXPORT_HEADERS = ["序号", "时间", "用户", "数据表", "记录 UUID", "操作", "变更摘要", "原值（JSON）", "新值（JSON）"]
EXPORT_KINDS = ["int", "text", "text", "text", "text", "text", "text", "text", "text"]


def export_sheet(store: Store, flt: AuditFilter) -> tuple[str, list[str], list[str], Iterator[list]]:
    """The filtered log as one register-workbook sheet (rows streamed, newest first)."""
    require_view(store)
    accounts = _can_see_accounts(store)
    query = flt.query()

    def rows() -> Iterator[list]:
        for r in q.stream(store.conn, query):
            e = _entry(r, accounts)
            yield [e.seq, e.time_text, e.actor, e.table_label, e.record_uuid, e.op_label, e.summary(),
                   _json_text(e.old, accounts), _json_text(e.new, accounts)]

    return "审计日志", list(EXPORT_HEADERS), list(EXPORT_KINDS), rows()


def _json_text(values: dict[str, Any] | None, accounts: bool) -> str:
    if values is None:
        return ""
    shown = {k: (HIDDEN if k == "password_hash" and v else
                 _mask(str(v)) if k == "bank_account" and v and not accounts else v)
             for k, v in values.items()}
    return json.dumps(shown, ensure_ascii=False)


def filter_detail(flt: AuditFilter) -> dict[str, Any]:
    """The filter as plain values (recorded with the export event)."""
    return {k: (v.isoformat() if isinstance(v, date) else list(v) if isinstance(v, tuple) else v)
            for k, v in vars(flt).items() if v not in (None, "", ())}


def record_export(store: Store, path: str, flt: AuditFilter, rows: int) -> None:
    from ledger.store.audit import log_event

    with store.write() as conn:
        log_event(conn, "export", store.office_id, "EXPORT",
                  {"kind": "audit_log", "path": str(path), "rows": rows, "filter": filter_detail(flt)})


def check_chain(store: Store) -> tuple[bool, list[str]]:
    """``ledger.health.check``: (all fine, Chinese report lines)."""
    from ledger import health

    report = health.check(store)
    return report.ok, report.lines()


def last_export(store: Store) -> dict[str, Any]:
    """The detail of the current user's newest EXPORT event ({} if none) — e.g. rows written."""
    rows = q.fetch(store.conn, q.AuditQuery(actor=store.actor, op="EXPORT"), 0, 1)
    return (_loads(rows[0][7]) or {}) if rows else {}
