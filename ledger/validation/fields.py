"""Field validators (amounts, dates, periods, phones, text, choices, bank accounts, shares).

Validators return ``list[Issue]`` and never raise on odd input; ``parse_amount_text`` raises
``ValueError`` with a Chinese message (it is a parser for GUI input).
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation

from ledger.errors import Issue
from ledger.money import format_ratio_bp

__all__ = [
    "MAX_AMOUNT_FEN",
    "clean_text",
    "parse_amount_text",
    "validate_amount_fen",
    "validate_bank_account",
    "validate_choice",
    "validate_date",
    "validate_period",
    "validate_phone",
    "validate_share_total",
    "validate_text",
]

MAX_AMOUNT_FEN = 10**13  # 千亿元
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOBILE = re.compile(r"^(?:\+?86)?1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(?:\+?86-?)?(?:\(0\d{2,3}\)|0\d{2,3}-?)\d{7,8}(?:(?:-|转|EXT\.?|#)\d{1,6})?$")
_SERVICE = re.compile(r"^[48]00-?\d{3}-?\d{4}$")
_AMOUNT = re.compile(r"^(?P<sign>-)?(?P<num>\d+(?:\.\d+)?)(?P<unit>万|亿)?$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _shown(value: object) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 30 else text[:30] + "…"


def validate_amount_fen(
    value: object,
    field: str,
    label: str,
    *,
    minimum: int = 0,
    maximum: int = MAX_AMOUNT_FEN,
) -> list[Issue]:
    """An integer amount in fen within [minimum, maximum]."""
    if isinstance(value, bool) or not isinstance(value, int):
        return [Issue(field, "amount.type", f"{label}必须是以分为单位的整数，实为 {_shown(value)}")]
    if value < minimum:
        what = "不能为负数" if minimum == 0 else f"不能小于 {minimum / 100:,.2f} 元"
        return [Issue(field, "amount.too_small", f"{label}{what}")]
    if value > maximum:
        return [Issue(field, "amount.too_large", f"{label}超出上限（{maximum // 100:,} 元）")]
    return []


def parse_amount_text(text: str, *, allow_negative: bool = False) -> int:
    """GUI amount text → fen: '1,234.56', '¥1234', '12.5万', '12.5万元', '3亿' (exact, no float)."""
    if not isinstance(text, str):
        raise ValueError("金额必须是文本")
    s = unicodedata.normalize("NFKC", text).strip()
    s = re.sub(r"\s+", "", s)
    s = s.removeprefix("人民币").removeprefix("RMB").removeprefix("¥").removeprefix("￥")
    s = s.removesuffix("元")
    if re.search(r"\d,\d", s) and not re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?(万|亿)?", s):
        raise ValueError(f"金额的千分位逗号位置不对：{_shown(text)}")
    s = s.replace(",", "")
    m = _AMOUNT.match(s)
    if not m:
        raise ValueError(f"无法识别的金额：{_shown(text)}（应为数字，如 1,234.56、12.5万）")
    if m.group("sign") and not allow_negative:
        raise ValueError(f"金额不能为负数：{_shown(text)}")
    try:
        value = Decimal(m.group("num"))
    except InvalidOperation as exc:  # pragma: no cover - regex guarantees a number
        raise ValueError(f"无法识别的金额：{_shown(text)}") from exc
    scale = {"万": 10**6, "亿": 10**10}.get(m.group("unit") or "", 100)
    fen = value * scale
    if fen != fen.to_integral_value():
        raise ValueError(f"金额最多精确到分：{_shown(text)}")
    result = int(fen)
    if result > MAX_AMOUNT_FEN:
        raise ValueError(f"金额过大：{_shown(text)}")
    return -result if m.group("sign") else result


def _parse_date(text: object) -> _dt.date | None:
    if not isinstance(text, str) or not _ISO_DATE.match(text.strip()):
        return None
    try:
        return _dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def validate_date(text: object, field: str, label: str, *, required: bool = True) -> list[Issue]:
    """ISO date YYYY-MM-DD that exists in the calendar (years 1900–2100)."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return [Issue(field, "date.required", f"{label}不能为空")] if required else []
    d = _parse_date(text)
    if d is None:
        return [Issue(field, "date.format", f"{label}应为有效日期（格式 YYYY-MM-DD），实为 {_shown(text)}")]
    if not 1900 <= d.year <= 2100:
        return [Issue(field, "date.range", f"{label}的年份 {d.year} 超出合理范围")]
    return []


def validate_period(
    start: object,
    end: object,
    field: str = "period",
    label: str = "期间",
    *,
    start_field: str | None = None,
    end_field: str | None = None,
    allow_same_day: bool = False,
) -> list[Issue]:
    """Both dates valid and ``end`` after ``start`` (error ``period.order``)."""
    issues = validate_date(start, start_field or f"{field}_start", f"{label}起始日")
    issues += validate_date(end, end_field or f"{field}_end", f"{label}终止日")
    if issues:
        return issues
    s, e = _parse_date(start), _parse_date(end)
    assert s is not None and e is not None
    if e < s or (e == s and not allow_same_day):
        return [Issue(field, "period.order", f"{label}终止日（{e}）应晚于起始日（{s}）")]
    return []


def validate_phone(text: object, field: str = "phone", label: str = "联系电话") -> list[Issue]:
    """Mainland mobile (1[3-9]…), landline (0XX(X)-XXXXXXX(X), optional extension) or 400/800."""
    if not isinstance(text, str) or not text.strip():
        return [Issue(field, "phone.required", f"{label}不能为空")]
    s = re.sub(r"[\s]", "", unicodedata.normalize("NFKC", text)).upper()
    if _MOBILE.match(s) or _LANDLINE.match(s) or _SERVICE.match(s):
        return []
    return [Issue(field, "phone.format",
                  f"{label}格式错误：{_shown(text)}（手机号 11 位，座机如 010-12345678）")]


def clean_text(text: str) -> str:
    """Remove control characters (keeping line breaks and tabs) and surrounding whitespace."""
    return _CONTROL.sub("", text).strip()


def validate_text(
    text: object,
    field: str,
    label: str,
    *,
    required: bool = True,
    max_len: int = 200,
) -> list[Issue]:
    """Text after ``clean_text``: non-empty when ``required``, at most ``max_len`` characters."""
    if text is None:
        text = ""
    if not isinstance(text, str):
        return [Issue(field, "text.type", f"{label}必须是文本")]
    cleaned = clean_text(text)
    if not cleaned:
        return [Issue(field, "text.required", f"{label}不能为空")] if required else []
    if len(cleaned) > max_len:
        return [Issue(field, "text.too_long", f"{label}不能超过 {max_len} 个字符，实为 {len(cleaned)} 个")]
    return []


def validate_choice(value: object, choices: Iterable[object], field: str, label: str) -> list[Issue]:
    options = list(choices)
    if value in options:
        return []
    listed = "、".join(str(c) for c in options[:12]) + ("…" if len(options) > 12 else "")
    return [Issue(field, "choice.invalid", f"{label}的取值 {_shown(value)} 无效（可选：{listed}）")]


def validate_bank_account(text: object, field: str = "bank_account", label: str = "银行账号") -> list[Issue]:
    """8–30 digits once spaces are removed."""
    if not isinstance(text, str) or not text.strip():
        return [Issue(field, "bank_account.required", f"{label}不能为空")]
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if not re.fullmatch(r"\d{8,30}", s):
        return [Issue(field, "bank_account.format", f"{label}应为 8–30 位数字，实为 {_shown(text)}")]
    return []


def validate_share_total(shares_bp: Sequence[int], field: str = "shares") -> list[Issue]:
    """共保体 shares (basis points) must each be 1–10000 and sum to exactly 10000 (100%)."""
    for share in shares_bp:
        if isinstance(share, bool) or not isinstance(share, int) or not 0 < share <= 10000:
            return [Issue(field, "share.range", f"共保份额应在 0% 与 100% 之间（不含 0），实为 {_shown(share)}")]
    total = sum(shares_bp)
    if total != 10000:
        return [Issue(field, "share.total",
                      f"共保体各成员份额合计应为 100%，实为 {format_ratio_bp(total)}")]
    return []
