"""The register workbook's sheets (企业/知识产权/保单/补贴/理赔台账), streamed from SQL.

``register_sheets(store)`` → [(sheet name, Chinese headers, column kinds, row iterator)] for
``reports.register_workbook.build_register_workbook``; rows come from ``fetchmany`` (bounded
memory at 100k rows). Bank columns only when ``ledger.security`` allows ``view.bank_account``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from ledger.services import report_data
from ledger.store import Store
from ledger.store import report_sql as q
from ledger.validation import region_name

Sheet = tuple[str, list[str], list[str], Iterator[tuple]]
_ENT_HEAD = [("企业名称", "text"), ("统一社会信用代码", "text"), ("所在地区", "text"), ("行业", "text"),
             ("标签", "text"), ("联系人", "text"), ("联系电话", "text"), ("地址", "text")]
_ENT_BANK = [("开户银行", "text"), ("银行账号", "text")]
_ENT_TAIL = [("黑名单", "text"), ("黑名单原因", "text"), ("备注", "text"), ("知识产权（件）", "int"),
             ("保单（件）", "int")]
REGISTERS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "ip_right": ("知识产权台账", [
        ("知识产权类型", "text"), ("编号", "text"), ("尼斯分类", "int"), ("名称", "text"), ("权利人", "text"),
        ("统一社会信用代码", "text"), ("申请日", "text"), ("授权日", "text"), ("到期日", "text"),
        ("状态", "text"), ("高价值专利", "text"), ("备注", "text")]),
    "policy": ("保单台账", [
        ("保单号", "text"), ("投保企业", "text"), ("统一社会信用代码", "text"), ("保险产品", "text"),
        ("保险机构", "text"), ("保险金额（元）", "money_fen"), ("保费（元）", "money_fen"),
        ("实缴保费（元）", "money_fen"), ("签单日期", "text"), ("起保日期", "text"), ("终止日期", "text"),
        ("状态", "text"), ("境外", "text"), ("承保知识产权（件）", "int"), ("备注", "text")]),
    "subsidy_application": ("保费补贴台账", [
        ("申请编号", "text"), ("试点项目", "text"), ("企业名称", "text"), ("统一社会信用代码", "text"),
        ("保单号", "text"), ("实缴保费（元）", "money_fen"), ("测算补贴（元）", "money_fen"),
        ("核定补贴（元）", "money_fen"), ("已拨付（元）", "money_fen"), ("已追回（元）", "money_fen"),
        ("状态", "text"), ("申报时间", "text"), ("批准时间", "text"), ("拨付时间", "text"),
        ("拨付批次", "text"), ("凭证号", "text"), ("计算说明", "text"), ("备注", "text")]),
    "claim": ("理赔台账", [
        ("理赔编号", "text"), ("保单号", "text"), ("企业名称", "text"), ("状态", "text"), ("报案日期", "text"),
        ("结案日期", "text"), ("对方当事人", "text"), ("法院", "text"), ("境外", "text"), ("管辖地", "text"),
        ("案号", "text"), ("结果", "text"), ("判决金额（元）", "money_fen"), ("和解金额（元）", "money_fen"),
        ("已赔付（元）", "money_fen"), ("案情说明", "text")]),
}
REGISTER_ORDER = ("enterprise", "ip_right", "policy", "subsidy_application", "claim")


def _enterprise_rows(rows: Iterator[tuple]) -> Iterator[list]:
    for r in rows:
        r = list(r)
        r[2] = region_name(r[2]) or r[2]
        try:
            r[4] = "、".join(json.loads(r[4] or "[]"))
        except (ValueError, TypeError):
            pass
        yield r


def register_sheets(store: Store, tables: Sequence[str] = REGISTER_ORDER) -> list[Sheet]:
    """One sheet per register; rows stream from SQL with fetchmany (bounded memory)."""
    conn = store.conn
    sheets: list[Sheet] = []
    for table in tables:
        if table == "enterprise":
            with_bank = report_data.can_view_bank_accounts(store)
            cols = _ENT_HEAD + (_ENT_BANK if with_bank else []) + _ENT_TAIL
            rows: Iterator = _enterprise_rows(q.stream_register(conn, table, with_bank=with_bank))
            name = "企业台账"
        else:
            name, cols = REGISTERS[table]
            rows = q.stream_register(conn, table)
        sheets.append((name, [h for h, _ in cols], [k for _, k in cols], rows))
    return sheets


def register_counts(store: Store, tables: Sequence[str] = REGISTER_ORDER) -> dict[str, int]:
    return {t: q.register_count(store.conn, t) for t in tables}
