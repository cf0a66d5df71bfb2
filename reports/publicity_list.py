"""保费补贴拟资助名单公示 (the 公示 list): an A4 landscape PDF and an xlsx workbook.

Columns: 序号 / 企业名称 / 统一社会信用代码 / 保单号 / 险种 / 实缴保费（元） / 补贴比例 / 拟补贴金额（元），
a 合计 row (户数, premiums, amounts) with the amount in 大写, the 公示期 under the title and a footer
about objections. Rows come from ``ledger.services.payments.publicity_rows`` (applications in 公示).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer

from ledger.money import chinese_capital, format_ratio_bp, format_yuan
from reports.fonts import SONG, register_fonts
from reports.pdf_doc import atomic_output, cn_date
from reports.tables import make_table
from reports.typography import CJKParagraph, escape, styles
from reports.xlsx_style import (
    BODY_FONT,
    BORDER,
    HEAD_FONT,
    MONEY_FORMAT,
    RATIO_FORMAT,
    TITLE_FONT,
    column_widths,
    print_setup,
    set_widths,
    style_header,
)

HEADERS = ["企业名称", "统一社会信用代码", "保单号", "险种", "实缴保费（元）", "补贴比例", "拟补贴金额（元）"]
PAGE = landscape(A4)
MARGIN = 15 * mm


@dataclass(frozen=True)
class PublicityRow:
    enterprise_name: str
    uscc: str
    policy_no: str
    product_name: str
    premium_paid_fen: int
    ratio_bp: int
    amount_fen: int


@dataclass(frozen=True)
class PublicityData:
    programme_name: str
    year: int
    rows: Sequence[PublicityRow]
    period_start: str | None = None
    period_end: str | None = None
    bureau: str = ""
    date_text: str = field(default_factory=cn_date)

    @property
    def title(self) -> str:
        name = self.programme_name
        if "保费补贴" in name or "保费资助" in name:
            return f"{name}拟资助名单公示"
        return f"{name}保费补贴拟资助名单公示"

    @property
    def period(self) -> str:
        if self.period_start and self.period_end:
            return f"公示期：{cn_date(self.period_start)}至{cn_date(self.period_end)}"
        return "公示期：　　年　　月　　日至　　年　　月　　日"

    @property
    def total_premium_fen(self) -> int:
        return sum(r.premium_paid_fen for r in self.rows)

    @property
    def total_amount_fen(self) -> int:
        return sum(r.amount_fen for r in self.rows)

    @property
    def footer(self) -> str:
        who = self.bureau or "本局"
        return (f"公示期内，任何单位或个人对名单有异议的，请以书面形式实名向{who}提出，并提供必要的证明材料；"
                f"逾期或匿名的异议不予受理。公示期满无异议或异议不成立的，按程序拨付补贴资金。")


def data_from_rows(rows: Sequence[dict], *, programme_name: str, year: int, bureau: str = "",
                   date_text: str | None = None) -> PublicityData:
    """``publicity_rows`` dicts → PublicityData (公示期 = earliest start to latest end)."""
    items = [PublicityRow(r["企业名称"], r["USCC"], r["policy_no"], r["险种"], int(r["premium_paid_fen"]),
                          int(r["ratio_bp"] or 0), int(r["computed_fen"])) for r in rows]
    starts = [r["publicity_start"] for r in rows if r.get("publicity_start")]
    ends = [r["publicity_end"] for r in rows if r.get("publicity_end")]
    return PublicityData(programme_name, year, items, min(starts) if starts else None, max(ends) if ends else None,
                         bureau, date_text or cn_date())


def _canvas(title: str) -> type[Canvas]:
    class PageCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = SONG
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(SONG, 8.5)
                self.setFillGray(0.3)
                self.drawCentredString(PAGE[0] / 2, 8 * mm, f"{title}　第 {self._pageNumber} 页 共 {total} 页")
                super().showPage()
            super().save()

    return PageCanvas


def build_publicity_pdf(data: PublicityData, out_path: str | os.PathLike) -> Path:
    register_fonts()
    st = styles()
    width = PAGE[0] - 2 * MARGIN
    rows = [[r.enterprise_name, r.uscc, r.policy_no, r.product_name, format_yuan(r.premium_paid_fen),
             format_ratio_bp(r.ratio_bp), format_yuan(r.amount_fen)] for r in data.rows]
    total = ["合计", f"{len(rows)} 户", "", "", format_yuan(data.total_premium_fen), "",
             format_yuan(data.total_amount_fen)]
    table = make_table(HEADERS, rows, ["text", "code", "code", "text", "num", "num", "num"], width=width,
                       total=total)
    story = [CJKParagraph(escape(f"《{data.title}》"), st["h0"]),
             CJKParagraph(escape(data.period), st["subtitle"]), Spacer(1, 5 * mm), table, Spacer(1, 4 * mm),
             CJKParagraph(escape(f"拟补贴金额合计（大写）：{chinese_capital(data.total_amount_fen)}"), st["body_noindent"]),
             Spacer(1, 3 * mm)]
    closing = [CJKParagraph(escape(data.footer), st["body"]), Spacer(1, 8 * mm)]
    if data.bureau:
        closing.append(CJKParagraph(escape(data.bureau), st["cell_right"]))
    closing.append(CJKParagraph(escape(data.date_text), st["cell_right"]))
    story.append(KeepTogether(closing))
    with atomic_output(out_path) as tmp:
        doc = SimpleDocTemplate(tmp, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                bottomMargin=16 * mm, title=data.title, author=data.bureau or "知识产权保险试点工作台")
        doc.build(story, canvasmaker=_canvas(data.title))
    return Path(out_path)


def build_publicity_xlsx(data: PublicityData, out_path: str | os.PathLike) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "拟资助名单公示"
    headers = ["序号", *HEADERS]
    ncols = len(headers)
    ws.append([data.title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.cell(1, 1).font = TITLE_FONT
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.append([data.period])
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncols)
    ws.cell(2, 1).alignment = Alignment(horizontal="center")
    ws.cell(2, 1).font = BODY_FONT
    ws.append(headers)
    style_header(ws, 3, ncols)
    body = [[i, r.enterprise_name, r.uscc, r.policy_no, r.product_name, Decimal(r.premium_paid_fen) / 100,
             r.ratio_bp / 10000, Decimal(r.amount_fen) / 100] for i, r in enumerate(data.rows, 1)]
    for r in body:
        ws.append(r)
    last = 3 + len(body)
    total_row = last + 1
    ws.cell(total_row, 1, "合计")
    ws.cell(total_row, 2, f"{len(body)} 户")
    ws.cell(total_row, 6, f"=SUM(F4:F{last})" if body else 0)
    ws.cell(total_row, 8, f"=SUM(H4:H{last})" if body else 0)
    for row in ws.iter_rows(min_row=4, max_row=total_row, max_col=ncols):
        for cell in row:
            cell.font = HEAD_FONT if cell.row == total_row else BODY_FONT
            cell.border = BORDER
            if cell.column in (6, 8):
                cell.number_format = MONEY_FORMAT
            elif cell.column == 7 and cell.row < total_row:
                cell.number_format = RATIO_FORMAT
            elif cell.column in (3, 4):
                cell.number_format = "@"
    ws.cell(total_row + 1, 1, f"拟补贴金额合计（大写）：{chinese_capital(data.total_amount_fen)}").font = BODY_FONT
    ws.cell(total_row + 2, 1, data.footer).font = BODY_FONT
    ws.cell(total_row + 4, 1, f"{data.bureau}　{data.date_text}".strip()).font = BODY_FONT
    ws.freeze_panes = "A4"
    print_setup(ws, 3)
    set_widths(ws, column_widths([headers] + body[:200]))
    with atomic_output(out_path) as tmp:
        wb.save(tmp)
    return Path(out_path)


# -- fed from a ledger (audited exports) ----------------------------------------------------------

def publicity_data(store, programme_id: int) -> PublicityData:  # type: ignore[no-untyped-def]
    from ledger.services.payments import publicity_rows
    from ledger.services.programmes import get_programme
    from ledger.services.settings import get_setting

    prog = get_programme(store, programme_id)
    return data_from_rows(publicity_rows(store, programme_id), programme_name=prog["name"], year=prog["year"],
                          bureau=get_setting(store, "bureau_name"))


def export_publicity(store, programme_id: int, out: str | os.PathLike, fmt: str = "pdf") -> Path:  # type: ignore[no-untyped-def]
    """Write the 公示 list of a programme (``fmt`` 'pdf' or 'xlsx') and record the export in the audit log."""
    from ledger.services import report_data
    from reports.ledger_reports import check_writable

    report_data.require_export(store)
    check_writable(out)
    data = publicity_data(store, programme_id)
    build = build_publicity_pdf if fmt == "pdf" else build_publicity_xlsx
    path = build(data, out)
    report_data.record_export(store, f"publicity_{fmt}", str(path), programme_id=programme_id, rows=len(data.rows),
                              total_fen=data.total_amount_fen)
    return path
