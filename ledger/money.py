"""Money helpers: integer fen, ``Decimal`` arithmetic, basis points, formatting, 大写金额.

Money is stored as integer fen (分); every computation goes through ``Decimal`` with an explicit
rounding rule (``ROUND_DEFAULT`` = half-up to the fen). ``float`` is never accepted.
"""

from __future__ import annotations

import re
from decimal import (
    ROUND_DOWN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    localcontext,
)

__all__ = [
    "ROUND_DEFAULT",
    "apply_ratio_bp",
    "chinese_capital",
    "format_ratio_bp",
    "format_wan",
    "format_yi",
    "format_yuan",
    "prose_amount",
    "ratio_bp_of",
    "to_decimal_yuan",
    "yuan_to_fen",
]

ROUND_DEFAULT = ROUND_HALF_UP

_CTX = Context(prec=60)
_FEN = Decimal("0.01")
_PLAIN_DECIMAL = re.compile(r"^[+-]?\d+(\.\d+)?$")
FEN_PER_WAN = 1_000_000
FEN_PER_YI = 10_000_000_000


def _check_int(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what}必须是整数（分），实为 {type(value).__name__}")
    return value


def to_decimal_yuan(fen: int) -> Decimal:
    """12345 → Decimal('123.45') (exact, two places)."""
    _check_int(fen, "金额")
    with localcontext(_CTX):
        return (Decimal(fen) / 100).quantize(_FEN)


def yuan_to_fen(
    value: Decimal | str | int,
    *,
    allow_negative: bool = False,
    rounding: str | None = None,
) -> int:
    """Convert a yuan amount to integer fen, strictly.

    Accepts ``Decimal``, ``int`` (whole yuan) or a plain decimal string such as ``"1234.56"``
    (no separators, currency signs or units: use ``ledger.validation.parse_amount_text`` for
    user input). More than two decimals raise unless ``rounding`` is given.
    """
    if isinstance(value, (bool, float)):
        raise ValueError("金额不能是浮点数或布尔值，请使用 Decimal 或字符串")
    if isinstance(value, int):
        dec = Decimal(value)
    elif isinstance(value, Decimal):
        dec = value
    elif isinstance(value, str):
        text = value.strip()
        if not _PLAIN_DECIMAL.match(text):
            raise ValueError(f"金额格式无效：{value!r}（应为数字，如 1234.56）")
        dec = Decimal(text)
    else:
        raise ValueError(f"金额类型无效：{type(value).__name__}")
    if not dec.is_finite():
        raise ValueError("金额必须是有限数值")
    if dec < 0 and not allow_negative:
        raise ValueError(f"金额不能为负数：{value}")
    with localcontext(_CTX):
        fen = dec * 100
        whole = fen.to_integral_value(rounding=ROUND_DOWN)
        if fen != whole:
            if rounding is None:
                raise ValueError(f"金额最多两位小数（精确到分）：{value}")
            whole = fen.quantize(Decimal(1), rounding=rounding)
        return int(whole)


def apply_ratio_bp(amount_fen: int, ratio_bp: int, rounding: str = ROUND_HALF_UP) -> int:
    """amount × ratio / 10000, rounded to the fen with ``rounding`` (exact Decimal maths)."""
    _check_int(amount_fen, "金额")
    _check_int(ratio_bp, "比例")
    with localcontext(_CTX):
        exact = Decimal(amount_fen) * Decimal(ratio_bp) / Decimal(10000)
        return int(exact.quantize(Decimal(1), rounding=rounding))


def ratio_bp_of(part_fen: int, whole_fen: int) -> int | None:
    """part / whole in basis points (half-up); ``None`` when ``whole_fen`` is 0."""
    _check_int(part_fen, "金额")
    _check_int(whole_fen, "金额")
    if whole_fen == 0:
        return None
    with localcontext(_CTX):
        exact = Decimal(part_fen) * 10000 / Decimal(whole_fen)
        return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _group(text: str) -> str:
    """'1234567.89' → '1,234,567.89' (text is unsigned)."""
    whole, dot, frac = text.partition(".")
    return f"{int(whole):,}" + (dot + frac if dot else "")


def _strip_zeros(text: str) -> str:
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_yuan(fen: int, symbol: bool = False) -> str:
    """123456789 → '1,234,567.89'; with ``symbol`` '¥1,234,567.89'; negatives '-¥1,234.50'."""
    _check_int(fen, "金额")
    sign = "-" if fen < 0 else ""
    body = _group(str(to_decimal_yuan(abs(fen))))
    return f"{sign}{'¥' if symbol else ''}{body}"


def _scaled(fen: int, divisor: int, digits: int) -> Decimal:
    with localcontext(_CTX):
        quantum = Decimal(1).scaleb(-digits)
        return (Decimal(fen) / Decimal(divisor)).quantize(quantum, rounding=ROUND_HALF_UP)


def _format_scaled(fen: int, divisor: int, digits: int, grouping: bool) -> str:
    _check_int(fen, "金额")
    if digits < 0:
        raise ValueError("小数位数不能为负")
    value = _scaled(abs(fen), divisor, digits)
    text = f"{value:f}"
    if grouping:
        text = _group(text)
    return ("-" if fen < 0 and value != 0 else "") + text


def format_wan(fen: int, digits: int = 2, *, grouping: bool = False) -> str:
    """Amount in 万元 with ``digits`` decimals, half-up: 1234567 fen → '1.23'."""
    return _format_scaled(fen, FEN_PER_WAN, digits, grouping)


def format_yi(fen: int, digits: int = 2, *, grouping: bool = False) -> str:
    """Amount in 亿元 with ``digits`` decimals, half-up."""
    return _format_scaled(fen, FEN_PER_YI, digits, grouping)


def prose_amount(fen: int) -> str:
    """White-paper phrase: '50.29 亿元', '336.6 万元', '6,000 元' (two decimals, zeros stripped).

    The unit is chosen after rounding, so 99,999,999.99 元 reads '1 亿元' rather than '10000 万元'.
    """
    _check_int(fen, "金额")
    sign = "-" if fen < 0 else ""
    a = abs(fen)
    wan = _scaled(a, FEN_PER_WAN, 2)
    if a >= FEN_PER_YI or wan >= 10000:
        return f"{sign}{_strip_zeros(f'{_scaled(a, FEN_PER_YI, 2):f}')} 亿元"
    if a >= FEN_PER_WAN or wan >= 1:
        return f"{sign}{_strip_zeros(f'{wan:f}')} 万元"
    return f"{sign}{_group(_strip_zeros(str(to_decimal_yuan(a))))} 元"


def format_ratio_bp(bp: int) -> str:
    """5000 → '50%', 6250 → '62.5%', 1 → '0.01%'."""
    _check_int(bp, "比例")
    with localcontext(_CTX):
        text = f"{(Decimal(bp) / 100).quantize(_FEN):f}"
    return _strip_zeros(text) + "%"


# --- 大写金额 -------------------------------------------------------------------------------

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_IN_SECTION = ("仟", "佰", "拾", "")
_SECTION_UNITS = ("", "万", "亿", "万亿")


def _section(n: int) -> str:
    """0 < n < 10000 → e.g. 1409 → 壹仟肆佰零玖 (inner zero runs give one 零, trailing none)."""
    out: list[str] = []
    pending_zero = False
    for digit_char, unit in zip(f"{n:04d}", _IN_SECTION, strict=True):
        d = int(digit_char)
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_DIGITS[d] + unit)
    return "".join(out)


def _integer_capital(yuan: int) -> str:
    sections: list[int] = []
    while yuan:
        sections.append(yuan % 10000)
        yuan //= 10000
    if len(sections) > len(_SECTION_UNITS):
        raise ValueError("金额过大，无法转换为大写")
    out: list[str] = []
    skipped_zero_section = False
    for idx in range(len(sections) - 1, -1, -1):
        n = sections[idx]
        if n == 0:
            skipped_zero_section = bool(out)
            continue
        if out and (n < 1000 or skipped_zero_section):
            out.append("零")
        out.append(_section(n) + _SECTION_UNITS[idx])
        skipped_zero_section = False
    return "".join(out)


def chinese_capital(fen: int) -> str:
    """Chinese capital amount (大写金额) following 《正确填写票据和结算凭证的基本规定》.

    Rules applied (the regulation's wording, numbered as in its section 二):

    * 数字 零壹贰叁肆伍陆柒捌玖, 单位 拾佰仟万亿, 元角分; the leading 1 of 拾 is written: 壹拾.
    * 到“元”为止的 amount ends with “整”; with 角 but no 分 we write no 整 (the regulation lets
      “角”之后 omit it); with 分 never 整.
    * A zero in the middle writes 零; a run of zeros in the middle writes one 零 (¥1409.50 →
      壹仟肆佰零玖元伍角). Zeros at the end of the yuan part write nothing (壹仟元整).
    * 万位 zero but 千位 non-zero: the regulation allows either form; we follow its first-listed
      example (¥107000.53 → 壹拾万柒仟元零伍角叁分) and write no 零 after 万/亿. When a whole
      four-digit section is zero and skipped (壹亿…壹仟), we write 零 (壹亿零壹仟元整), the other
      permitted form, since the skipped unit would otherwise leave no trace.
    * 元位 zero but 角位 non-zero: allowed with or without 零; we follow the regulation's first-listed
      form ¥1680.32 → 壹仟陆佰捌拾元零叁角贰分, so ¥100000000.10 → 壹亿元零壹角.
    * 角位 zero and 分位 non-zero: 零 is required after 元 (¥325.04 → 叁佰贰拾伍元零肆分).
    * Amounts under one yuan start at the first non-zero unit (¥0.05 → 伍分); ¥0 → 零元整.
    * Negative amounts get the prefix 负 (not covered by the regulation).
    """
    _check_int(fen, "金额")
    if fen < 0:
        return "负" + chinese_capital(-fen)
    yuan, rest = divmod(fen, 100)
    jiao, fen_digit = divmod(rest, 10)
    if fen == 0:
        return "零元整"
    out = ""
    if yuan:
        out = _integer_capital(yuan) + "元"
    if jiao == 0 and fen_digit == 0:
        return out + "整"
    if jiao:
        if yuan and yuan % 10 == 0:
            out += "零"
        out += _DIGITS[jiao] + "角"
    if fen_digit:
        if jiao == 0 and yuan:
            out += "零"
        out += _DIGITS[fen_digit] + "分"
    return out
