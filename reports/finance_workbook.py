"""保费补贴资金拨付明细表 (finance payment list) with totals, 大写, summaries and signatures."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from ledger.money import chinese_capital
from reports.pdf_doc import atomic_output
from reports.xlsx_style import (
    BODY_FONT,
    BORDER,
    HEAD_FONT,
    INT_FORMAT,
    MONEY_FORMAT,
    RATIO_FORMAT,
    SIGNATURE,
    TITLE_FONT,
    column_widths,
    print_setup,
    set_widths,
    style_header,
)

HEADERS = ["序号", "企业名称", "统一社会信用代码", "开户银行", "银行账号", "保单号", "险种", "保险机构",
           "实缴保费(元)", "补贴比例", "核定补贴(元)", "大写金额", "计算说明", "备注"]
SHEET = "保费补贴资金拨付明细表"


@dataclass(frozen=True)
class PaymentRow:
    enterprise_name: str
    uscc: str
    bank_name: str
    bank_account: str
    policy_no: str
    product_name: str
    insurer_name: str
    premium_fen: int
    ratio_bp: int
    subsidy_fen: int
    explanation: str = ""
    remark: str = ""


def _yuan(fen: int) -> Decimal:
    return Decimal(fen) / 100


def _write_table(ws, title: str, headers: list[str], rows: list[list], money_cols: set[int],
                 int_cols: set[int] = frozenset()) -> int:
    """Title row 1, header row 2, data, SUM totals row; returns the totals row number."""
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws.cell(1, 1).font = TITLE_FONT
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.append(headers)
    style_header(ws, 2, len(headers))
    for r in rows:
        ws.append(r)
    last = 2 + len(rows)
    total_row = last + 1
    ws.cell(total_row, 1, "合计")
    for c in money_cols | int_cols:
        col = get_column_letter(c)
        ws.cell(total_row, c, f"=SUM({col}3:{col}{last})" if rows else 0)
    for row in ws.iter_rows(min_row=3, max_row=total_row, max_col=len(headers)):
        for cell in row:
            cell.font = HEAD_FONT if cell.row == total_row else BODY_FONT
            cell.border = BORDER
            if cell.column in money_cols:
                cell.number_format = MONEY_FORMAT
            elif cell.column in int_cols:
                cell.number_format = INT_FORMAT
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(headers))}{max(last, 2)}"
    print_setup(ws, 2)
    set_widths(ws, column_widths([headers] + rows[:200]))
    return total_row


def build_finance_workbook(rows: Sequence[PaymentRow], out_path: str | os.PathLike, *, title: str,
                           year: int, batch: str | None = None,
                           summary_by_district: Sequence[dict], summary_by_product: Sequence[dict],
                           budget: dict | None = None) -> Path:
    """Write the payment list. Summary rows: dicts with name, count, premium_fen, subsidy_fen."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    data = [[i, r.enterprise_name, r.uscc, r.bank_name, r.bank_account, r.policy_no, r.product_name,
             r.insurer_name, _yuan(r.premium_fen), r.ratio_bp / 10000, _yuan(r.subsidy_fen),
             chinese_capital(r.subsidy_fen), r.explanation, r.remark] for i, r in enumerate(rows, 1)]
    full_title = f"{title}（{year}年{'第' + batch + '批' if batch else ''}）"
    total_row = _write_table(ws, full_title, HEADERS, data, {9, 11})
    for row in ws.iter_rows(min_row=3, max_row=total_row - 1, min_col=10, max_col=10):
        row[0].number_format = RATIO_FORMAT
    for c in (3, 5, 6):  # identifiers stay text
        for row in ws.iter_rows(min_row=3, max_row=total_row - 1, min_col=c, max_col=c):
            row[0].number_format = "@"
    total = sum(r.subsidy_fen for r in rows)
    ws.cell(total_row, 12, chinese_capital(total)).font = HEAD_FONT
    ws.cell(total_row + 2, 1, f"核定补贴合计（大写）：{chinese_capital(total)}").font = BODY_FONT
    if budget:
        ws.cell(total_row + 3, 1, "预算：{}".format("，".join(f"{k}={_yuan(int(v)):,.2f} 元" for k, v in budget.items()))).font = BODY_FONT
    ws.cell(total_row + 5, 1, SIGNATURE).font = BODY_FONT
    ws.cell(total_row + 6, 1, "（盖章）　　　　　　　　　　　　　　　　　　年　　月　　日").font = BODY_FONT
    for name, summary in (("按区域汇总", summary_by_district), ("按险种汇总", summary_by_product)):
        s = wb.create_sheet(name)
        srows = [[i, d.get("name"), int(d.get("count") or 0), _yuan(int(d.get("premium_fen") or 0)),
                  _yuan(int(d.get("subsidy_fen") or 0))] for i, d in enumerate(summary, 1)]
        _write_table(s, f"{full_title}{name}", ["序号", "区域" if "区域" in name else "险种", "保单数",
                                                   "实缴保费(元)", "核定补贴(元)"], srows, {4, 5}, {3})
    with atomic_output(out_path) as tmp:
        wb.save(tmp)
    return Path(out_path)
