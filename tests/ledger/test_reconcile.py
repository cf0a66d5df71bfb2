"""Insurer reconciliation: exact differences, remembered column names, the workbook."""

from __future__ import annotations

import json

import openpyxl

from ledger.importing.reconcile import Difference, reconcile
from reports.import_workbooks import write_reconciliation_workbook

from factories import VALID_USCC, enterprise, policy


def _ledger(store) -> None:
    a = enterprise(store, 0)
    b = enterprise(store, 1, name="闽光新材料有限公司")
    policy(store, a, "PICC-1")  # identical in the list
    policy(store, a, "PICC-2", premium=2_000_000)  # premium differs
    policy(store, b, "PICC-3", start="2023-02-01", end="2024-02-01")  # period and insured differ
    policy(store, b, "PICC-4", shares=((0, 6000), (1, 4000)))  # list shows the 60 % share: equal
    policy(store, b, "PICC-5")  # only in the ledger
    policy(store, b, "PAIC-9", shares=((1, 10000),))  # another insurer: not compared


def _list(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "清单"
    ws.append(["人保财险 知识产权保险业务清单"])
    ws.append(["保险单号码", "客户名称", "客户证件号", "签单保费(元)", "保额(元)", "起保日期", "终保日期"])
    ws.append(["PICC-1", "无锡燊堃科技有限公司0", VALID_USCC[0], 20000, 1000000, "2023-01-01", "2024-01-01"])
    ws.append(["PICC-2", "无锡燊堃科技有限公司0", VALID_USCC[0], 21000, 1000000, "2023-01-01", "2024-01-01"])
    ws.append(["PICC-3", "别的公司", VALID_USCC[2], 20000, 1000000, "2023-01-01", "2024-01-01"])
    ws.append(["PICC-4", "闽光新材料有限公司", VALID_USCC[1], 12000, 600000, "2023-01-01", "2024-01-01"])
    ws.append(["PICC-6", "新客户有限公司", "", 5000, 100000, "2023-05-01", "2024-05-01"])
    ws.append(["PICC-1", "无锡燊堃科技有限公司0", VALID_USCC[0], 20000, 1000000, "2023-01-01", "2024-01-01"])
    ws.append(["PICC-7", "坏数据", "", "n/a", 1, "2023-01-01", "2024-01-01"])
    wb.save(path)
    return path


MAPPING = {"保险单号码": "policy_no", "客户名称": "enterprise_name", "客户证件号": "enterprise_uscc",
           "签单保费": "premium_fen", "保额": "sum_insured_fen", "终保日期": "end_date"}


def test_differences_exact_and_mapping_remembered(ledger_store, tmp_path):
    _ledger(ledger_store)
    path = _list(tmp_path / "picc.xlsx")
    result = reconcile(ledger_store, "picc", path, column_map=MAPPING)
    w = "工作表「清单」第 {} 行".format
    assert result.rows == [
        Difference("PICC-2", "不一致", "保费", "20,000.00 元", "21,000.00 元", w(4)),
        Difference("PICC-3", "不一致", "保险期间", "2023-02-01 至 2024-02-01", "2023-01-01 至 2024-01-01", w(5)),
        Difference("PICC-3", "不一致", "投保人", f"闽光新材料有限公司（{VALID_USCC[1]}）",
                   f"别的公司（{VALID_USCC[2]}）", w(5)),
        Difference("PICC-6", "仅清单有", "", "", "5,000.00 元", w(7)),
        Difference("PICC-1", "清单重复", "", "", f"与{w(3)}重复", w(8)),
        Difference("PICC-7", "清单有误", "", "", "D 列「签单保费(元)」无法识别的金额“n/a”", w(9)),
        Difference("PICC-5", "仅台账有", "", "20,000.00 元", ""),
    ]
    assert result.matched == 2 and result.list_rows == 7 and result.ledger_policies == 5
    stored = json.loads(ledger_store.scalar("SELECT column_map FROM insurer WHERE code = 'picc'"))
    assert stored == MAPPING
    # the next list of the same insurer needs no mapping
    again = reconcile(ledger_store, "picc", path)
    assert again.rows == result.rows
    out = write_reconciliation_workbook(result, tmp_path / "diff.xlsx")
    ws = openpyxl.load_workbook(out)["差异"]
    assert [c.value for c in ws[3]] == ["保单号", "差异类型", "项目", "台账", "保险机构清单", "清单位置"]
    assert [c.value for c in ws[4]] == ["PICC-2", "不一致", "保费", "20,000.00 元", "21,000.00 元", w(4)]
    assert ws.max_row == 3 + len(result.rows)
