"""Annual pilot report (年度报告) in the white paper's house style, fed by ``ledger.stats``."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ledger.money import format_ratio_bp, format_wan, format_yuan, prose_amount
from reports import charts
from reports.case_report import CaseData, case_flowables
from reports.pdf_doc import BODY_W, WIDE_W, ReportBuilder, cn_date
from reports.tables import make_table

Row = dict[str, object]


@dataclass
class AnnualReportData:
    """The statistics service's dict (same keys) plus cases and appendix rows.

    ``enterprise_list`` rows: name, uscc, district_name, ip_rights, policies.
    ``policy_list`` rows: policy_no, enterprise_name, product_name, insurer_name, start_date,
    end_date, sum_insured_fen, premium_fen, subsidy_approved_fen (insurer_short_name optional).
    """

    year: int
    bureau_name: str
    programme: str | None = None
    enterprises: int = 0
    ip_rights: int = 0
    ip_rights_by_type: dict[str, int] = field(default_factory=dict)
    policies: int = 0
    sum_insured_fen: int = 0
    premium_fen: int = 0
    subsidy_approved_fen: int = 0
    subsidy_paid_fen: int = 0
    claims: int = 0
    claims_paid_fen: int = 0
    loss_ratio_bp: int | None = None
    by_year: list[Row] = field(default_factory=list)
    by_district: list[Row] = field(default_factory=list)
    by_product: list[Row] = field(default_factory=list)
    by_insurer: list[Row] = field(default_factory=list)
    by_ip_type: list[Row] = field(default_factory=list)
    budget: dict[str, int] | None = None
    cases: list[CaseData] = field(default_factory=list)
    enterprise_list: list[Row] = field(default_factory=list)
    policy_list: list[Row] = field(default_factory=list)
    report_date: str | None = None
    title: str | None = None

    @classmethod
    def from_stats(cls, stats: dict, **extra) -> AnnualReportData:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in {**stats, **extra}.items() if k in names})

    @property
    def report_title(self) -> str:
        if self.title:
            return self.title
        base = (self.programme or self.bureau_name).removesuffix("工作")
        base = base.removesuffix("知识产权保险试点").removesuffix("试点")
        return f"{base}知识产权保险试点工作年度报告（{self.year}）"

    @property
    def has_data(self) -> bool:
        return bool(self.policies or self.enterprises or self.sum_insured_fen)


def _count(n: int, unit: str) -> str:
    """4521 → '4521 件'; 27,345 → '2.7 万余件' (white-paper rounding with 余)."""
    if n >= 10000:
        tenth = n // 1000
        text = f"{tenth / 10:g}"
        return f"{text} 万{'余' if n % 1000 else ''}{unit}"
    return f"{n} {unit}"


def _approx_amount(fen: int) -> str:
    """Whole 亿元 with 逾 when rounded down: '逾 50 亿元'; small amounts exact."""
    yi = fen // 10_000_000_000
    if yi >= 1:
        return f"{'逾 ' if fen % 10_000_000_000 else ''}{yi} 亿元"
    return prose_amount(fen)


def _change(cur: int, prev: int | None) -> str | None:
    if not prev:
        return None
    if cur == prev:
        return "与上年持平"
    pct = abs(cur - prev) * 1000 // prev  # per-mille, truncated then rounded below
    pct = (abs(cur - prev) * 2000 // prev + 1) // 2
    word = "增长" if cur > prev else "下降"
    return f"较上年{word} {pct // 10}.{pct % 10}%"


def _ratio(bp: object) -> str:
    return "—" if bp is None else format_ratio_bp(int(bp))


def _wan(v: object) -> str:
    return format_wan(int(v or 0), grouping=True)


def build_annual_pdf(data: AnnualReportData, out_path: str | os.PathLike,
                     progress: Callable[[float], None] | None = None,
                     cancel: Callable[[], bool] | None = None) -> Path:
    """Write the annual report atomically; ``cancel()`` → True raises ``reports.Cancelled``."""
    b = ReportBuilder(data.report_title, progress=progress, cancel=cancel)
    b.cover(data.bureau_name, data.report_title, cn_date(data.report_date))
    if not data.has_data:
        b.heading(1, "总体情况", toc=False)
        b.para(f"{data.year}年本年度暂无试点数据。")
        return b.build(out_path)
    b.toc()
    _overview(b, data)
    _products(b, data)
    _districts(b, data)
    _insurers(b, data)
    _budget(b, data)
    _claims(b, data)
    if data.cases:
        b.heading(1, "典型案例", new_page=True)
        for case in data.cases:
            flow = case_flowables(case)
            flow[0]._toc = None
            b.add(*flow)
    _appendix(b, data)
    return b.build(out_path)


def _prev_year(data: AnnualReportData) -> Row | None:
    return next((r for r in data.by_year if r.get("year") == data.year - 1), None)


def _overview(b: ReportBuilder, d: AnnualReportData) -> None:
    b.heading(1, "总体情况")
    kinds = "、".join(k for k, _ in sorted(d.ip_rights_by_type.items(), key=lambda kv: -kv[1]))
    kinds = kinds or "知识产权"
    who = d.programme or "试点"
    b.para(f"{d.year}年，{who}累计为 {_count(d.enterprises, '家')}企业的 {_count(d.ip_rights, '件')}"
           f"{kinds}提供了 {prose_amount(d.sum_insured_fen)}风险保障，承保保单 {d.policies} 件，"
           f"保费合计 {prose_amount(d.premium_fen)}，核定保费补贴 {prose_amount(d.subsidy_approved_fen)}。",
           footnote="资料来源：知识产权保险试点工作台统计数据。")
    prev = _prev_year(d)
    if prev:
        parts = []
        for label, key, cur in (("保险金额", "sum_insured_fen", d.sum_insured_fen),
                                ("服务企业数量", "enterprises", d.enterprises),
                                ("保单数量", "policies", d.policies)):
            ch = _change(cur, int(prev.get(key) or 0))
            if ch:
                parts.append(f"{label}{ch}")
        if parts:
            b.para("，".join(parts) + "。")
    total = sum(int(r.get("sum_insured_fen") or 0) for r in d.by_year)
    if len(d.by_year) > 1 and total:
        first = min(int(r["year"]) for r in d.by_year)
        b.para(f"自 {first} 年试点开展以来，累计提供风险保障{_approx_amount(total)}。")
    years = sorted(d.by_year, key=lambda r: int(r["year"]))
    unit, div = charts.pick_unit([int(r.get("sum_insured_fen") or 0) for r in years])
    b.add_figure(f"{years[0]['year'] if years else d.year} 年以来保险金额及服务企业数量变化趋势",
                 charts.bar_line_chart([str(r["year"]) for r in years],
                                       charts.scale([int(r.get("sum_insured_fen") or 0) for r in years], div),
                                       [int(r.get("enterprises") or 0) for r in years],
                                       bar_name=f"保险金额（{unit}）", line_name="服务企业数量（家）",
                                       bar_unit=unit, line_unit="家"))
    rows = sorted(d.by_ip_type, key=lambda r: -int(r.get("sum_insured_fen") or 0))
    if rows:
        b.add_table("按知识产权类型统计", make_table(
            ["知识产权类型", "知识产权（件）", "企业（家）", "保险金额（万元）"],
            [[r["ip_type"], r.get("ip_rights", 0), r.get("enterprises", 0), _wan(r.get("sum_insured_fen"))]
             for r in rows], ["text", "num", "num", "num"], width=BODY_W))
        unit, div = charts.pick_unit([int(r.get("sum_insured_fen") or 0) for r in rows])
        b.add_figure("按知识产权类型划分的保险金额", charts.hbar_chart(
            [str(r["ip_type"]) for r in rows],
            charts.scale([int(r.get("sum_insured_fen") or 0) for r in rows], div), unit=unit))


def _products(b: ReportBuilder, d: AnnualReportData) -> None:
    b.heading(1, "分险种情况")
    if not d.by_product:
        b.para("本年度无数据。")
        return
    for label, key in (("保险责任类别", "liability_class"), ("知识产权标的", "subject"),
                       ("保险功能", "function_class")):
        groups: dict[str, list[Row]] = {}
        for r in d.by_product:
            groups.setdefault(str(r.get(key) or "未分类"), []).append(r)
        b.heading(2, f"按{label}划分")
        rows = []
        for g, items in groups.items():
            for r in items:
                rows.append([g, r.get("product_name", ""), r.get("policies", 0), r.get("enterprises", 0),
                             _wan(r.get("sum_insured_fen")), _wan(r.get("premium_fen")),
                             _wan(r.get("claims_paid_fen")), _ratio(r.get("loss_ratio_bp"))])
        b.add_table(f"按{label}划分的知识产权保险情况", make_table(
            [label, "保险产品", "保单（件）", "企业（家）", "保险金额（万元）", "保费（万元）",
             "已决赔款（万元）", "赔付率"], rows,
            ["text", "text", "num", "num", "num", "num", "num", "num"], width=BODY_W))
    top = sorted(d.by_product, key=lambda r: -int(r.get("sum_insured_fen") or 0))[:12]
    unit, div = charts.pick_unit([int(r.get("sum_insured_fen") or 0) for r in top])
    b.add_figure("各保险产品保险金额", charts.hbar_chart(
        [str(r.get("product_name")) for r in top],
        charts.scale([int(r.get("sum_insured_fen") or 0) for r in top], div), unit=unit))


def _districts(b: ReportBuilder, d: AnnualReportData) -> None:
    b.heading(1, "分区域情况")
    if not d.by_district:
        b.para("本年度无数据。")
        return
    rows = sorted(d.by_district, key=lambda r: -int(r.get("sum_insured_fen") or 0))
    b.para(f"{d.year}年试点覆盖 {len(rows)} 个区域，其中保险金额最高的是{rows[0].get('district_name')}，"
           f"为 {prose_amount(int(rows[0].get('sum_insured_fen') or 0))}。")
    b.add_table("分区域知识产权保险情况", make_table(
        ["区域", "企业（家）", "保单（件）", "保险金额（万元）", "保费（万元）", "核定补贴（万元）"],
        [[r.get("district_name"), r.get("enterprises", 0), r.get("policies", 0), _wan(r.get("sum_insured_fen")),
          _wan(r.get("premium_fen")), _wan(r.get("subsidy_approved_fen"))] for r in rows],
        ["text", "num", "num", "num", "num", "num"], width=BODY_W,
        total=["", sum(int(r.get("enterprises") or 0) for r in rows),
               sum(int(r.get("policies") or 0) for r in rows),
               _wan(sum(int(r.get("sum_insured_fen") or 0) for r in rows)),
               _wan(sum(int(r.get("premium_fen") or 0) for r in rows)),
               _wan(sum(int(r.get("subsidy_approved_fen") or 0) for r in rows))]))


def _insurers(b: ReportBuilder, d: AnnualReportData) -> None:
    b.heading(1, "保险机构情况")
    if not d.by_insurer:
        b.para("本年度无数据。")
        return
    rows = sorted(d.by_insurer, key=lambda r: -int(r.get("premium_fen") or 0))
    b.para(f"{d.year}年共有 {len(rows)} 家保险机构参与试点承保，共保业务按承保份额分摊保险金额和保费。")
    b.add_table("各保险机构承保情况", make_table(
        ["保险机构", "保单（件）", "保险金额（万元）", "保费（万元）", "已决赔款（万元）", "赔付率"],
        [[r.get("insurer_name"), r.get("policies", 0), _wan(r.get("sum_insured_fen")), _wan(r.get("premium_fen")),
          _wan(r.get("claims_paid_fen")), _ratio(r.get("loss_ratio_bp"))] for r in rows],
        ["text", "num", "num", "num", "num", "num"], width=BODY_W))


def _budget(b: ReportBuilder, d: AnnualReportData) -> None:
    b.heading(1, "保费补贴资金使用情况")
    b.para(f"{d.year}年核定保费补贴 {format_yuan(d.subsidy_approved_fen)} 元，"
           f"已拨付 {format_yuan(d.subsidy_paid_fen)} 元。")
    if d.budget:
        bu = d.budget
        b.add_table("保费补贴预算执行情况", make_table(
            ["项目", "金额（元）"],
            [[label, format_yuan(int(bu.get(k) or 0))] for label, k in
             (("年度预算", "allocated_fen"), ("已核定（占用）", "committed_fen"), ("已拨付", "paid_fen"),
              ("已追回", "recovered_fen"), ("预算余额", "remaining_fen"))],
            ["text", "num"], width=BODY_W * 0.6))
    years = sorted(d.by_year, key=lambda r: int(r["year"]))
    vals = [int(r.get(k) or 0) for r in years for k in ("premium_fen", "subsidy_approved_fen")]
    unit, div = charts.pick_unit(vals)
    b.add_figure("保费与核定保费补贴对比", charts.grouped_bar_chart(
        [str(r["year"]) for r in years],
        [("保费", charts.scale([int(r.get("premium_fen") or 0) for r in years], div)),
         ("核定保费补贴", charts.scale([int(r.get("subsidy_approved_fen") or 0) for r in years], div))],
        unit=unit))


def _claims(b: ReportBuilder, d: AnnualReportData) -> None:
    b.heading(1, "理赔情况")
    if not d.claims and not d.claims_paid_fen:
        b.para(f"{d.year}年未发生理赔。")
    else:
        b.para(f"{d.year}年共发生理赔 {d.claims} 件，已决赔款 {prose_amount(d.claims_paid_fen)}，"
               f"赔付率为 {_ratio(d.loss_ratio_bp)}。")
    years = sorted(d.by_year, key=lambda r: int(r["year"]))
    unit, div = charts.pick_unit([int(r.get("claims_paid_fen") or 0) for r in years])
    b.add_figure("已决赔款及赔付率", charts.bar_line_chart(
        [str(r["year"]) for r in years],
        charts.scale([int(r.get("claims_paid_fen") or 0) for r in years], div),
        [(int(r["loss_ratio_bp"]) / 100 if r.get("loss_ratio_bp") is not None else 0) for r in years],
        bar_name=f"已决赔款（{unit}）", line_name="赔付率（%）", bar_unit=unit, line_unit="%"))


def _appendix(b: ReportBuilder, d: AnnualReportData) -> None:
    if d.enterprise_list:
        b.heading(1, "附录一 企业名单", numbered=False, new_page=True)
        b.add_table("试点企业名单", make_table(
            ["企业名称", "统一社会信用代码", "区域", "知识产权（件）", "保单（件）"],
            [[r.get("name"), r.get("uscc"), r.get("district_name"), r.get("ip_rights", ""), r.get("policies", "")]
             for r in d.enterprise_list], ["text", "code", "text", "num", "num"], width=BODY_W))
    if d.policy_list:  # eight columns: on A4 landscape pages, names and products on one or two lines
        b.wide_pages()
        b.heading(1, "附录二 保单清单", numbered=False, new_page=True)
        b.add_table("试点保单清单", make_table(
            ["保单号", "企业名称", "保险产品", "保险机构", "起保日期", "保险金额（元）", "保费（元）"],
            [[r.get("policy_no"), r.get("enterprise_name"), r.get("product_name"),
              r.get("insurer_short_name") or r.get("insurer_name"), r.get("start_date", ""),
              format_yuan(int(r.get("sum_insured_fen") or 0)), format_yuan(int(r.get("premium_fen") or 0))]
             for r in d.policy_list],
            ["code", "text", "text", "text", "code", "num", "num"], width=WIDE_W))
