"""Ledgers and messy workbooks for the import wizard and reconciliation dialog tests (and screenshots)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from ledger.services.enterprises import EnterpriseInput, create_enterprise
from ledger.services.ip_rights import IpRightInput, create_ip_right
from ledger.services.lookups import insurers, products
from ledger.services.policies import InsurerShare, PolicyInput, create_policy

USCC = ("91110000600037341L", "91350100M000100Y43", "91310115591693856A", "91310110666007217T")
BAD_USCC = "91110000600037341M"  # check digit should be L
PATENT = "201710601862.3"
BAD_PATENT = "201710601862.4"  # check digit should be 3


def small_ledger(store) -> dict[str, int]:
    """Two enterprises, one patent, two 人保财险 policies."""
    a = create_enterprise(store, EnterpriseInput(name="无锡燊堃科技有限公司", uscc=USCC[0], district_code="320214")).id
    b = create_enterprise(store, EnterpriseInput(name="闽光新材料有限公司", uscc=USCC[1], district_code="320214")).id
    create_ip_right(store, IpRightInput(enterprise_id=a, ip_type="发明专利", number=PATENT, title="一种芯片封装结构"))
    picc = next(i["id"] for i in insurers(store) if i["code"] == "picc")
    product = products(store)[0]["id"]
    for no, ent, premium in (("PICC-2023-001", a, 2_000_000), ("PICC-2023-002", b, 1_500_000)):
        create_policy(store, PolicyInput(
            policy_no=no, enterprise_id=ent, product_id=product, sum_insured_fen=100_000_000,
            premium_fen=premium, premium_paid_fen=premium, start_date="2023-01-01", end_date="2023-12-31",
            insurers=(InsurerShare(picc, 10000, is_lead=True),)))
    return {"a": a, "b": b}


def _save(path: Path, title: str, rows: list[list[object]], sheet: str) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    ws.append(["填报单位：某某区市场监督管理局", None, None, "金额单位：万元"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


POLICY_HEADER = ["序号", "保单号", "投保人", "统一社会信用代码", "险种", "承保公司", "保险金额（万元）",
                 "保费（万元）", "起保日期", "保险止期", "承保专利"]


def messy_policies(path: Path) -> Path:
    """Title rows (merged), 万元 amounts, full-width digits, mixed dates, one example row,
    an unregistered (bad check digit) USCC and a patent with a bad check digit."""
    return _save(path, "2023年知识产权保险承保清单", [
        POLICY_HEADER,
        ["示例", "PICC0000", "某某公司", USCC[0], "专利执行保险", "人保财险", 1, 1, "2023-01-01", "2023-12-31", ""],
        [1, "PICC-2023-101", "无锡燊堃科技有限公司", USCC[0], "专利执行保险", "人保财险", 100, 2,
         "2023.3.1", "2024年2月29日", PATENT],
        [2, "PICC-2023-102", "闽光新材料有限公司", BAD_USCC, "专利执行保险", "人保财险", 50, "1.5",
         "2023-03-01", "2024-02-29", ""],
        [3, "PICC-2023-103", "无锡燊堃科技有限公司", USCC[0], "专利执行保险", "人保财险", "８０", 1.2,
         "2023/5/1", "2024/4/30", BAD_PATENT],
        [4, "PICC-2023-104", "闽光新材料有限公司", USCC[1], "专利执行保险", "人保财险", "３０", "0.9",
         "2023-06-01", "2024-05-31", ""],
    ], "保单")


SUBSIDY_PROGRAMME = "测试市知识产权保险保费补贴（2023年度）"


def subsidy_programme(store) -> int:
    """An open 2023 programme with the Wuxi rules (50 %, at most 300,000 yuan per policy)."""
    from dataclasses import replace

    from ledger.services.programmes import ProgrammeInput, create_programme
    from ledger.subsidy import load_programme

    rules = replace(load_programme("wuxi-2020"), year=2023, name=SUBSIDY_PROGRAMME)
    return create_programme(store, ProgrammeInput(rules.name, 2023, rules, budget_fen=100_000_000,
                                                  call_start="2023-01-01", call_end="2023-12-31")).id


def messy_subsidies(path: Path) -> Path:
    """Applications for the two policies of :func:`small_ledger` (万元, full-width digits, mixed
    dates, programme by year or left empty), one unregistered policy and one paid above its premium."""
    return _save(path, "2023年度知识产权保险保费补贴申报表", [
        ["序号", "申报编号", "保单号", "实缴保费（万元）", "试点项目", "申报日期", "状态"],
        ["示例", "2023-0001", "PICC0000", 1, SUBSIDY_PROGRAMME, "2023-03-15", "申报"],
        [1, None, "picc-2023-001", "２", "2023", "2023.3.1", "申报"],
        [2, None, "PICC-2023-009", 1, None, "2023-03-02", None],
        [3, None, "PICC-2023-002", "1.6", SUBSIDY_PROGRAMME, "2023年3月5日", None],
    ], "补贴申报")


def messy_enterprises(path: Path) -> Path:
    """One valid row, one USCC with a bad check digit (a warning), one bad district code."""
    return _save(path, "2023年试点企业名单", [
        ["企业名称", "统一社会信用代码", "所属区县代码", "联系电话"],
        ["甲科技有限公司", USCC[2], "320214", "１３９１２３４５６７８"],
        ["乙科技有限公司", BAD_USCC, "320214", None],
        ["丙公司", USCC[3], "999999", None],
    ], "企业")


def many_enterprises(path: Path, n: int) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["企业名称", "统一社会信用代码", "所属区县代码"])
    from ledger.validation import org_code_check_char, uscc_check_char

    for i in range(n):
        org8 = f"M{i:07d}"
        body = "91320214" + org8 + org_code_check_char(org8)
        ws.append([f"批量企业{i}有限公司", body + uscc_check_char(body), "320214"])
    wb.save(path)
    return path


def insurer_list(path: Path, *, own_headers: bool = False) -> Path:
    """人保财险's list: 001 premium differs, 002 missing (only in the ledger), 999 only in the list.
    ``own_headers``: column names the app does not know (needs the mapping dialog)."""
    header = (["单号", "客户", "客户证件号", "保费金额（元）", "风险保额（元）", "开始", "结束"] if own_headers else
              ["保单号", "投保人", "统一社会信用代码", "保费", "保险金额", "保险起期", "保险止期"])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "清单"
    ws.append(["人保财险 知识产权保险业务清单"])
    ws.append(header)
    ws.append(["PICC-2023-001", "无锡燊堃科技有限公司", USCC[0], 21000, 1000000, "2023-01-01", "2023-12-31"])
    ws.append(["PICC-2023-999", "新客户有限公司", "", 5000, 100000, "2023-05-01", "2024-04-30"])
    wb.save(path)
    return path
