"""Typical-case PDF in the white paper's annex format (案例 N：title / 一、案例信息 …)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from reports.typography import CJKParagraph, escape, styles

EMPTY = "未填写"
INFO_FIELDS = (
    ("相关地区", "region"),
    ("相关主体", "parties"),
    ("保险产品", "product"),
    ("条款归属", "clause_type"),
    ("知识产权类型", "ip_types"),
    ("相关保险机构", "insurers"),
)
SECTIONS = (("二、基本情况", "background"), ("三、创新点", "innovation"), ("四、实施效果", "effect"))
_CN_SUB = "一二三四五六"


@dataclass(frozen=True)
class CaseData:
    """One typical case; narratives may contain paragraphs separated by blank lines/newlines
    and ``**bold**`` runs (rendered in bold 黑体)."""

    number: int
    title: str
    region: str = ""
    parties: str = ""
    product: str = ""
    clause_type: str = ""
    ip_types: str = ""
    insurers: str = ""
    background: str = ""
    innovation: str = ""
    effect: str = ""


def _paragraphs(text: str) -> list[str]:
    parts = [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n")]
    return [p for p in parts if p] or [EMPTY]


def case_flowables(case: CaseData) -> list[Flowable]:
    """The flowables of one case (used by the case PDF and the annual report's 典型案例)."""
    st = styles()
    title = CJKParagraph(escape(f"案例 {case.number}：{case.title or EMPTY}"), st["h1"])
    title.keepWithNext = True
    title._toc = (0, f"案例 {case.number}：{case.title or EMPTY}", f"case{case.number}")
    out: list[Flowable] = [title]
    head = CJKParagraph("一、案例信息", st["h2"])
    head.keepWithNext = True
    out.append(head)
    for k, (label, attr) in enumerate(INFO_FIELDS):
        value = (getattr(case, attr) or "").strip() or EMPTY
        out.append(CJKParagraph(f"（{_CN_SUB[k]}）{escape(label)}：{escape(value)}", st["body"]))
    for heading, attr in SECTIONS:
        h = CJKParagraph(heading, st["h2"])
        h.keepWithNext = True
        out.append(h)
        out += [CJKParagraph(escape(p), st["body"]) for p in _paragraphs(getattr(case, attr))]
    out.append(Spacer(1, 10))
    return out


def build_case_pdf(cases: list[CaseData], out_path: str | os.PathLike, *,
                   title: str | None = None) -> Path:
    """Write the cases as a PDF (atomic); one case per page start, long narratives flow on."""
    from reportlab.platypus import PageBreak

    from reports.pdf_doc import ReportBuilder

    doc_title = title or "知识产权保险典型案例"
    b = ReportBuilder(doc_title, has_cover=False)
    b.title(doc_title)
    if not cases:
        b.para("暂无典型案例。")
    for i, case in enumerate(cases):
        if i:
            b.add(PageBreak())
        b.add(*case_flowables(case))
    return b.build(out_path)
