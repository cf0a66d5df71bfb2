"""Insurer reconciliation: an insurer's own policy list against the ledger's policies.

::

    result = reconcile(store, "picc", "人保清单.xlsx", column_map={"保险单号码": "policy_no"})
    for d in result.rows: print(d)

The insurer's column names are mapped once (``column_map``: their header → our key of the
``insurer_policy_list`` kind) and remembered in ``insurer.column_map``, so the next list of the
same insurer needs no mapping.  Compared: presence on either side, premium, sum insured,
insurance period and insured enterprise (USCC when both sides have one, else the name).
A co-insured policy matches when the list shows either the whole amount or the insurer's share.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ledger.errors import InvalidInput, Issue, NotFound
from ledger.importing.columns import get_kind
from ledger.importing.fastrows import RowNormaliser
from ledger.importing.naturalkeys import name_key
from ledger.importing.normalise import CellError
from ledger.importing.reader import read_workbook
from ledger.money import format_yuan
from ledger.store import Store, import_sql
from ledger.validation import clean_text, normalise_uscc

DiffKind = Literal["仅台账有", "仅清单有", "不一致", "清单重复", "清单有误"]


@dataclass(frozen=True)
class Difference:
    policy_no: str
    kind: DiffKind
    item: str  # 保费 / 保险金额 / 保险期间 / 投保人 / '' for presence
    ledger: str
    insurer: str
    where: str = ""  # 工作表「…」第 n 行 of the insurer's list

    def __str__(self) -> str:
        detail = f"{self.item}：台账 {self.ledger or '—'}，清单 {self.insurer or '—'}" if self.item else ""
        return f"{self.policy_no} {self.kind}" + (f"（{detail}）" if detail else "") + (
            f"［{self.where}］" if self.where else "")


@dataclass
class ReconResult:
    insurer_code: str
    insurer_name: str
    rows: list[Difference] = field(default_factory=list)
    matched: int = 0  # policies present on both sides without differences
    list_rows: int = 0
    ledger_policies: int = 0
    column_map: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        by: dict[str, int] = {}
        for d in self.rows:
            by[d.kind] = by.get(d.kind, 0) + 1
        parts = "、".join(f"{k} {v}" for k, v in by.items()) or "无差异"
        return (f"{self.insurer_name}：清单 {self.list_rows} 行，台账 {self.ledger_policies} 件，"
                f"一致 {self.matched} 件；{parts}")


def _money(fen: int | None) -> str:
    return "" if fen is None else f"{format_yuan(fen)} 元"


def _amount_matches(ledger: int, theirs: int | None, share_bp: int) -> bool:
    if theirs is None:
        return True
    part = (ledger * share_bp + 5000) // 10000
    return theirs in (ledger, part)


def reconcile(store: Store, insurer_code: str, path: str | Path, *,
              column_map: Mapping[str, str] | None = None, sheet: str | None = None,
              remember: bool = True) -> ReconResult:
    insurer = import_sql.insurer_by_code(store.conn, insurer_code)
    if insurer is None:
        raise NotFound(f"没有代码为“{insurer_code}”的保险机构")
    spec = get_kind("insurer_policy_list")
    mapping = import_sql.insurer_column_map(store.conn, insurer["id"]) | dict(column_map or {})
    unknown = [v for v in mapping.values() if v not in spec.keys]
    if unknown:
        raise InvalidInput([Issue("column_map", "recon.unknown_key",
                                  f"列对应关系中的“{'、'.join(unknown)}”不是保单清单的字段"
                                  f"（可选：{'、'.join(spec.keys)}）")])
    sheets = read_workbook(path, spec, extra_synonyms=mapping, sheet=sheet)
    result = ReconResult(insurer_code, insurer["short_name"] or insurer["full_name"], column_map=mapping)
    ledger = {p["policy_no"]: p for p in import_sql.insurer_policies(store.conn, insurer["id"])}
    result.ledger_policies = len(ledger)
    seen: dict[str, str] = {}
    for sd in sheets:
        normalise = RowNormaliser(spec, sd.header_map, sd.sheet)
        for excel_row, values in sd.rows:
            result.list_rows += 1
            rec, errors = normalise(values, excel_row)
            where = f"工作表「{sd.sheet}」第 {excel_row} 行"
            no = clean_text(str(rec.get("policy_no") or "")).upper().replace(" ", "")
            if errors:
                result.rows.append(Difference(no, "清单有误", "", "", "；".join(_short(e) for e in errors), where))
                continue
            if no in seen:
                result.rows.append(Difference(no, "清单重复", "", "", f"与{seen[no]}重复", where))
                continue
            seen[no] = where
            mine = ledger.get(no)
            if mine is None:
                result.rows.append(Difference(no, "仅清单有", "", "", _money(rec.get("premium_fen")), where))  # type: ignore[arg-type]
                continue
            diffs = _compare(no, mine, rec, where)
            result.rows += diffs
            result.matched += not diffs
    for no, mine in ledger.items():
        if no not in seen:
            result.rows.append(Difference(no, "仅台账有", "", _money(mine["premium_fen"]), ""))
    if remember and column_map and mapping != import_sql.insurer_column_map(store.conn, insurer["id"]):
        with store.write() as conn:
            import_sql.save_insurer_column_map(conn, insurer["id"], mapping)
    return result


def _short(error: CellError) -> str:
    return f"{error.column} 列「{error.header}」{error.message}" if error.column else error.message


def _compare(no: str, mine: dict, rec: dict, where: str) -> list[Difference]:
    out: list[Difference] = []
    share = mine["share_bp"]
    for key, label in (("premium_fen", "保费"), ("sum_insured_fen", "保险金额")):
        if not _amount_matches(mine[key], rec.get(key), share):
            out.append(Difference(no, "不一致", label, _money(mine[key]), _money(rec.get(key)), where))
    start, end = rec.get("start_date"), rec.get("end_date")
    if (start and start != mine["start_date"]) or (end and end != mine["end_date"]):
        out.append(Difference(no, "不一致", "保险期间", f"{mine['start_date']} 至 {mine['end_date']}",
                              f"{start or mine['start_date']} 至 {end or mine['end_date']}", where))
    uscc = normalise_uscc(str(rec.get("enterprise_uscc") or ""))
    name = rec.get("enterprise_name")
    if uscc and uscc != mine["enterprise_uscc"]:
        out.append(Difference(no, "不一致", "投保人", f"{mine['enterprise_name']}（{mine['enterprise_uscc']}）",
                              f"{name or ''}（{uscc}）", where))
    elif not uscc and name and name_key(name) != name_key(mine["enterprise_name"]):
        out.append(Difference(no, "不一致", "投保人", mine["enterprise_name"], str(name), where))
    return out
