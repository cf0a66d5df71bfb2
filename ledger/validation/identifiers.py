"""Identifier validators: USCC, organisation code, patents, plant varieties, IC layouts, trademarks.

Each ``validate_xxx(value, field)`` returns ``list[Issue]`` and never raises on odd input.
``normalise_xxx(value)`` applies NFKC (full-width → half-width), strips and upper-cases.
Rules and test vectors: ``shared/DOMAIN.md`` (Identifiers) and ``research/domain_reliability.md`` §A.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from stdnum.cn import uscc as _stdnum_uscc

from ledger.errors import Issue
from ledger.validation.regions import is_known_region, region_name

__all__ = [
    "IP_TYPES",
    "PATENT_TYPES",
    "FREE_TEXT_MAX",
    "normalise_ic_layout",
    "normalise_org_code",
    "normalise_patent",
    "normalise_plant_variety",
    "normalise_trademark",
    "normalise_uscc",
    "org_code_check_char",
    "patent_check_char",
    "patent_kind",
    "uscc_check_char",
    "uscc_region_name",
    "validate_free_text_number",
    "validate_ic_layout",
    "validate_ip_number",
    "validate_nice_class",
    "validate_org_code",
    "validate_patent",
    "validate_plant_variety",
    "validate_trademark",
    "validate_uscc",
]

IP_TYPES: tuple[str, ...] = (
    "发明专利", "实用新型", "外观设计", "商标", "著作权", "软件著作权",
    "地理标志", "植物新品种", "集成电路布图设计", "商业秘密",
)
PatentKind = Literal["发明", "实用新型", "外观设计"]
PATENT_TYPES: dict[str, PatentKind] = {"发明专利": "发明", "实用新型": "实用新型", "外观设计": "外观设计"}
FREE_TEXT_MAX = 64

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_DEPARTMENTS = "123456789ANY"
_ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_PATENT_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9)
# Registration authorities that are not GB/T 2260 places (national level).
_AUTHORITY_CODES = frozenset({"100000"})


def _nfkc(value: object) -> str:
    if not isinstance(value, str):
        return ""
    return unicodedata.normalize("NFKC", value).strip().upper()


def _compact(value: object) -> str:
    return re.sub(r"[\s\-]", "", _nfkc(value))


def _shown(value: object) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:40] + "…"


# --- 统一社会信用代码 / 组织机构代码 ---------------------------------------------------------

def normalise_uscc(value: str) -> str:
    return _compact(value)


def uscc_check_char(first17: str) -> str:
    """Check character of GB 32100-2015 (weights 3^(i-1) mod 31)."""
    return _stdnum_uscc.calc_check_digit(first17)


def normalise_org_code(value: str) -> str:
    return _compact(value)


def org_code_check_char(body8: str) -> str:
    """GB 11714-1997: 11 − Σ(c × 3 7 9 10 5 8 4 2) mod 11; 10 → X, 11 → 0."""
    total = sum(_ORG_ALPHABET.index(c) * w for c, w in zip(body8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def validate_org_code(value: str, field: str = "org_code") -> list[Issue]:
    """组织机构代码 (8 characters, optional hyphen, check character)."""
    code = normalise_org_code(value)
    if not re.fullmatch(r"[0-9A-Z]{8}[0-9X]", code):
        return [Issue(field, "org_code.format",
                      f"组织机构代码格式错误：应为 8 位数字或大写字母加 1 位校验码，实为 {_shown(value)}")]
    expected = org_code_check_char(code[:8])
    if code[8] != expected:
        return [Issue(field, "org_code.checksum",
                      f"组织机构代码校验位错误：应为 {expected}，实为 {code[8]}")]
    return []


def validate_uscc(value: str, field: str = "uscc") -> list[Issue]:
    """统一社会信用代码: format errors are errors; check failures are warnings (real codes fail)."""
    code = normalise_uscc(value)
    if not code:
        return [Issue(field, "uscc.required", "统一社会信用代码不能为空")]
    if len(code) != 18:
        return [Issue(field, "uscc.length",
                      f"统一社会信用代码应为 18 位，实为 {len(code)} 位：{_shown(value)}")]
    bad = sorted({c for c in code if c not in _USCC_ALPHABET})
    if bad:
        return [Issue(field, "uscc.charset",
                      f"统一社会信用代码含非法字符 {'、'.join(bad)}"
                      "（只允许数字和除 I、O、Z、S、V 外的大写字母）")]
    if code[0] not in _USCC_DEPARTMENTS or code[1] not in "123456789":
        return [Issue(field, "uscc.format",
                      f"统一社会信用代码第 1–2 位（登记管理部门和机构类别）无效：{code[:2]}")]
    if not code[2:8].isdigit():
        return [Issue(field, "uscc.format",
                      f"统一社会信用代码第 3–8 位应为行政区划代码（6 位数字），实为 {code[2:8]}")]
    issues: list[Issue] = []
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        # Legacy failures are early pilot-area codes of numbered departments (9 工商…). Letter
        # departments (A 军委编制办, N 农业, Y 其他) came later and are issued by software, so a
        # mismatch there is treated as a typo: error. [inference; see domain_reliability A1]
        legacy = code[0].isdigit()
        issues.append(Issue(field, "uscc.checksum",
                            f"统一社会信用代码校验位错误：应为 {expected}，实为 {code[17]}"
                            + ("（早期试点地区的部分真实代码不符合国标，请核对营业执照）" if legacy else ""),
                            "warning" if legacy else "error"))
    org = code[8:17]
    org_expected = org_code_check_char(org[:8])
    if org[8] != org_expected:
        issues.append(Issue(field, "uscc.org_checksum",
                            f"统一社会信用代码中的组织机构代码（第 9–17 位 {org}）校验位错误："
                            f"应为 {org_expected}，实为 {org[8]}", "warning"))
    region = code[2:8]
    if region not in _AUTHORITY_CODES and not is_known_region(region):
        issues.append(Issue(field, "uscc.region",
                            f"统一社会信用代码第 3–8 位 {region} 不是已知的行政区划代码", "warning"))
    return issues


def uscc_region_name(value: str) -> str | None:
    """Name of the registering authority's region, e.g. '北京市'."""
    code = normalise_uscc(value)
    return region_name(code[2:8]) if len(code) == 18 else None


# --- 专利 ---------------------------------------------------------------------------------

_PUB_KIND = r"(A[89]?|B|C[1-7]?|U[89]?|Y[1-7]?|S[1-9]?|D)"
_KIND_OF_TYPE_DIGIT: dict[str, PatentKind] = {
    "1": "发明", "8": "发明", "2": "实用新型", "9": "实用新型", "3": "外观设计",
}
_KIND_OF_PUB_LETTER: dict[str, PatentKind] = {
    "A": "发明", "B": "发明", "C": "发明", "U": "实用新型", "Y": "实用新型",
    "S": "外观设计", "D": "外观设计",
}


def patent_check_char(digits: str) -> str:
    """Σ(digit × 2,3,…,9,2,3,…) mod 11 (the remainder itself), 10 → X."""
    total = sum(int(d) * _PATENT_WEIGHTS[i % 8] for i, d in enumerate(digits))
    r = total % 11
    return "X" if r == 10 else str(r)


def normalise_patent(value: str) -> str:
    """'ZL 2017 1 0601862.3' / 'CN201710601862.3' → '201710601862.3'; publications keep 'CN'."""
    text = re.sub(r"\s+", "", _nfkc(value)).replace("。", ".")
    if text.startswith("ZL"):
        text = text[2:]
    m = re.fullmatch(r"CN(\d{7}|\d{9})" + _PUB_KIND, text)
    if m:
        return text
    if text.startswith("CN"):
        text = text[2:]
    m = re.fullmatch(r"(\d{8}|\d{12})([\dX])", text)
    if m:  # check character written without the dot
        text = f"{m.group(1)}.{m.group(2)}"
    return text


def _patent_parts(number: str) -> tuple[str, str, str | None] | None:
    """(era, body, check) for an application number, or None."""
    m = re.fullmatch(r"(\d{12})\.([\dX])", number)
    if m:
        return "2003", m.group(1), m.group(2)
    m = re.fullmatch(r"(\d{8})\.([\dX])", number)
    if m:
        return "1989", m.group(1), m.group(2)
    if re.fullmatch(r"\d{8}", number):
        return "1985", number, None
    return None


def patent_kind(number: str) -> PatentKind | None:
    """'发明' / '实用新型' / '外观设计' from the type digit (or kind code), else None."""
    text = normalise_patent(number)
    m = re.fullmatch(r"CN(\d{7}|\d{9})" + _PUB_KIND, text)
    if m:
        return _KIND_OF_TYPE_DIGIT.get(m.group(1)[0]) if m.group(1)[0] in "123" else None
    parts = _patent_parts(text)
    if parts is None:
        return None
    era, body, _check = parts
    return _KIND_OF_TYPE_DIGIT.get(body[4] if era == "2003" else body[2])


def validate_patent(value: str, field: str = "number") -> list[Issue]:
    """Patent application / patent (ZL) / publication number; a bad check digit is an error."""
    text = normalise_patent(value)
    if not text:
        return [Issue(field, "patent.required", "专利号不能为空")]
    m = re.fullmatch(r"CN(\d{7}|\d{9})" + _PUB_KIND, text)
    if m:
        digit, letter = m.group(1)[0], m.group(2)[0]
        if digit not in "123":
            return [Issue(field, "patent.type", f"专利文献号 {text} 的类型位应为 1、2 或 3，实为 {digit}")]
        if _KIND_OF_TYPE_DIGIT[digit] != _KIND_OF_PUB_LETTER[letter]:
            return [Issue(field, "patent.kind_mismatch",
                          f"专利文献号 {text} 的类型位（{_KIND_OF_TYPE_DIGIT[digit]}）"
                          f"与文献种类代码 {m.group(2)} 不符")]
        return []
    parts = _patent_parts(text)
    if parts is None:
        if re.fullmatch(r"\d{12}", text):
            return [Issue(field, "patent.check_missing", f"专利申请号 {text} 缺少校验位（应为 12 位数字 + “.” + 校验位）")]
        return [Issue(field, "patent.format",
                      f"专利号格式错误：{_shown(value)}（应如 201710601862.3、ZL95115608.X 或 CN102822194A）")]
    era, body, check = parts
    type_digit = body[4] if era == "2003" else body[2]
    if type_digit not in _KIND_OF_TYPE_DIGIT:
        return [Issue(field, "patent.type",
                      f"专利申请号 {text} 的类型位应为 1、2、3、8 或 9，实为 {type_digit}")]
    issues: list[Issue] = []
    if era == "2003" and not 2003 <= int(body[:4]) <= 2099:
        issues.append(Issue(field, "patent.year", f"专利申请号 {text} 的年份 {body[:4]} 无效"))
    elif era == "1989" and not (89 <= int(body[:2]) <= 99 or int(body[:2]) <= 3):
        issues.append(Issue(field, "patent.year",
                            f"8 位带校验位的专利申请号年份应为 1989–2003，实为 {body[:2]}", "warning"))
    elif era == "1985" and not 85 <= int(body[:2]) <= 88:
        issues.append(Issue(field, "patent.check_missing",
                            f"专利申请号 {text} 缺少校验位（只有 1985–1988 年的申请号没有校验位）"))
    if check is not None:
        expected = patent_check_char(body)
        if check != expected:
            issues.append(Issue(field, "patent.checksum",
                                f"专利号校验位错误：应为 {expected}，实为 {check}"))
    return issues


# --- 植物新品种 / 集成电路布图设计 / 商标 ------------------------------------------------------

def normalise_plant_variety(value: str) -> str:
    return re.sub(r"\s+", "", _nfkc(value)).replace("。", ".")


def validate_plant_variety(value: str, field: str = "number") -> list[Issue]:
    """品种权号: CNA + 8 digits + '.' + check (mod 11, error) or CNA + 11 digits (shape only)."""
    text = normalise_plant_variety(value)
    if not text:
        return [Issue(field, "plant.required", "品种权号不能为空")]
    if re.fullmatch(r"CNA\d{11}", text):
        return []
    m = re.fullmatch(r"CNA(\d{8})\.([\dX])", text)
    if not m:
        return [Issue(field, "plant.format",
                      f"品种权号格式错误：{_shown(value)}（应如 CNA20080376.X 或 CNA20191006012）")]
    expected = patent_check_char(m.group(1))
    if m.group(2) != expected:
        return [Issue(field, "plant.checksum", f"品种权号校验位错误：应为 {expected}，实为 {m.group(2)}")]
    return []


def normalise_ic_layout(value: str) -> str:
    text = re.sub(r"\s+", "", _nfkc(value)).replace("。", ".")
    m = re.fullmatch(r"BS\.?(\d{8}[\dX])", text)
    return f"BS.{m.group(1)}" if m else text


def validate_ic_layout(value: str, field: str = "number") -> list[Issue]:
    """布图设计登记号: BS. + 9 digits; a mod-11 mismatch is only a warning (one known sample)."""
    text = normalise_ic_layout(value)
    if not text:
        return [Issue(field, "ic.required", "布图设计登记号不能为空")]
    m = re.fullmatch(r"BS\.(\d{8})([\dX])", text)
    if not m:
        return [Issue(field, "ic.format", f"布图设计登记号格式错误：{_shown(value)}（应如 BS.185559220）")]
    expected = patent_check_char(m.group(1))
    if m.group(2) != expected:
        return [Issue(field, "ic.checksum",
                      f"布图设计登记号校验位可能有误：应为 {expected}，实为 {m.group(2)}", "warning")]
    return []


def normalise_trademark(value: str) -> str:
    return re.sub(r"\s+", "", _nfkc(value))


def validate_trademark(value: str, field: str = "number") -> list[Issue]:
    """商标注册号: digits, optional G prefix for Madrid registrations (no check digit known)."""
    text = normalise_trademark(value)
    if not text:
        return [Issue(field, "trademark.required", "商标注册号不能为空")]
    if not re.fullmatch(r"G?\d{1,10}", text):
        return [Issue(field, "trademark.format",
                      f"商标注册号格式错误：{_shown(value)}（应为数字，马德里注册可加前缀 G）")]
    return []


def validate_nice_class(value: object, field: str = "nice_class") -> list[Issue]:
    """尼斯分类 1–45 (int or digit string)."""
    n: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        n = value
    elif isinstance(value, str) and re.fullmatch(r"\d{1,2}", _nfkc(value)):
        n = int(_nfkc(value))
    if n is None or not 1 <= n <= 45:
        return [Issue(field, "nice_class.range", f"商标尼斯分类应为 1–45 的整数，实为 {_shown(value)}")]
    return []


def validate_free_text_number(value: str, field: str = "number", label: str = "编号") -> list[Issue]:
    """Free-text identifiers (地理标志, 著作权登记号…): non-empty, ≤ 64 characters."""
    text = _nfkc(value) if isinstance(value, str) else ""
    if not text:
        return [Issue(field, "number.required", f"{label}不能为空")]
    if len(text) > FREE_TEXT_MAX:
        return [Issue(field, "number.too_long", f"{label}不能超过 {FREE_TEXT_MAX} 个字符，实为 {len(text)} 个")]
    if any(unicodedata.category(c) == "Cc" for c in text):
        return [Issue(field, "number.control_char", f"{label}含有控制字符")]
    return []


_FREE_TEXT_LABELS = {
    "著作权": "著作权登记号", "软件著作权": "软件著作权登记号",
    "地理标志": "地理标志编号", "商业秘密": "商业秘密编号",
}


def validate_ip_number(ip_type: str, number: str, field: str = "number") -> list[Issue]:
    """Validate ``number`` for one of ``IP_TYPES``; patents must match their type digit."""
    if ip_type not in IP_TYPES:
        return [Issue("ip_type", "ip.type", f"知识产权类型无效：{_shown(ip_type)}（可选：{'、'.join(IP_TYPES)}）")]
    if ip_type in PATENT_TYPES:
        issues = validate_patent(number, field)
        kind = patent_kind(number) if not any(i.is_error for i in issues) else None
        if kind is not None and kind != PATENT_TYPES[ip_type]:
            issues.append(Issue(field, "patent.type_mismatch",
                                f"专利号 {normalise_patent(number)} 的类型为{kind}，与所选类型“{ip_type}”不符"))
        return issues
    if ip_type == "商标":
        return validate_trademark(number, field)
    if ip_type == "植物新品种":
        return validate_plant_variety(number, field)
    if ip_type == "集成电路布图设计":
        return validate_ic_layout(number, field)
    return validate_free_text_number(number, field, _FREE_TEXT_LABELS[ip_type])
