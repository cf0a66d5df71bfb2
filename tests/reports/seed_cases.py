"""The nine annex cases of the white paper, parsed from the seed text (test fixture)."""

from __future__ import annotations

import re
from pathlib import Path

from reports.case_report import CaseData

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_4f21922dfe76f53c.txt"
_INFO = {"相关地区": "region", "相关主体": "parties", "保险产品": "product",
         "条款归属": "clause_type", "知识产权类型": "ip_types", "相关保险机构": "insurers"}
_SECT = {"二、基本情况": "background", "三、创新点": "innovation", "四、实施效果": "effect"}


def load_seed_cases() -> list[CaseData]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = max(i for i, s in enumerate(lines) if s.startswith("附件 知识产权保险典型案例"))
    cases: list[dict] = []
    current = None
    section = None
    for raw in lines[start + 1:]:
        s = re.sub(r"^[-•]\s+", "", raw.strip())
        if not s:
            continue
        m = re.match(r"^案例\s*(\d+)[：:]\s*(.+)$", s)
        if m:
            current = {"number": int(m.group(1)), "title": m.group(2).strip()}
            cases.append(current)
            section = None
            continue
        if current is None or s == "一、案例信息":
            continue
        m = re.match(r"^[（(]\s*[一二三四五六]\s*[)）]\s*([^：:]+)[：:]\s*(.*)$", s)
        if m and m.group(1).strip() in _INFO and section is None:
            current[_INFO[m.group(1).strip()]] = m.group(2).strip()
            continue
        if s in _SECT:
            section = _SECT[s]
            continue
        if section:
            prev = current.get(section, "")
            current[section] = (prev + "\n" + s) if prev else s
    return [CaseData(**c) for c in cases]
