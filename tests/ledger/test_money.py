from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.money import (
    ROUND_DEFAULT,
    apply_ratio_bp,
    chinese_capital,
    format_ratio_bp,
    format_wan,
    format_yi,
    format_yuan,
    prose_amount,
    ratio_bp_of,
    to_decimal_yuan,
    yuan_to_fen,
)


def test_round_default_is_half_up():
    assert ROUND_DEFAULT == ROUND_HALF_UP


def test_to_decimal_yuan():
    assert to_decimal_yuan(12345) == Decimal("123.45")
    assert str(to_decimal_yuan(100)) == "1.00"
    assert str(to_decimal_yuan(-5)) == "-0.05"
    with pytest.raises(TypeError):
        to_decimal_yuan(1.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "fen"),
    [("1234.56", 123456), ("0", 0), ("0.1", 10), (" 7 ", 700), (Decimal("3.30"), 330), (12, 1200),
     ("1.500", 150)],  # trailing zeros beyond 2 places are still exact
)
def test_yuan_to_fen_ok(value, fen):
    assert yuan_to_fen(value) == fen


@pytest.mark.parametrize("value", ["1,234.56", "¥12", "12.3万元", "abc", "", "1e5", "NaN", "1.", ".5"])
def test_yuan_to_fen_garbage(value):
    with pytest.raises(ValueError, match="金额"):
        yuan_to_fen(value)


def test_yuan_to_fen_rules():
    with pytest.raises(ValueError, match="负数"):
        yuan_to_fen("-1.00")
    assert yuan_to_fen("-1.05", allow_negative=True) == -105
    with pytest.raises(ValueError, match="两位小数"):
        yuan_to_fen("1.005")
    assert yuan_to_fen("1.005", rounding=ROUND_HALF_UP) == 101
    assert yuan_to_fen("1.005", rounding=ROUND_HALF_EVEN) == 100
    with pytest.raises(ValueError):
        yuan_to_fen(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        yuan_to_fen(Decimal("Infinity"))
    with pytest.raises(ValueError):
        yuan_to_fen(True)  # type: ignore[arg-type]


def test_apply_ratio_bp_exact_and_boundaries():
    assert apply_ratio_bp(1_000_000, 5000) == 500_000
    assert apply_ratio_bp(12345, 7500) == 9259  # 9258.75 → 9259
    # exact .5 fen: 1 fen × 50% = 0.5 fen
    assert apply_ratio_bp(1, 5000) == 1
    assert apply_ratio_bp(1, 5000, ROUND_HALF_EVEN) == 0
    assert apply_ratio_bp(1, 5000, ROUND_DOWN) == 0
    # 3 fen × 50% = 1.5 fen: half-up 2, half-even 2, down 1
    assert apply_ratio_bp(3, 5000) == 2
    assert apply_ratio_bp(3, 5000, ROUND_HALF_EVEN) == 2
    assert apply_ratio_bp(3, 5000, ROUND_DOWN) == 1
    # 5 fen × 50% = 2.5 fen: half-even rounds to 2
    assert apply_ratio_bp(5, 5000, ROUND_HALF_EVEN) == 2
    # 2 fen × 75% = 1.5 fen
    assert apply_ratio_bp(2, 7500) == 2
    # 1 fen × 1 bp = 0.0001 fen
    assert apply_ratio_bp(1, 1) == 0
    assert apply_ratio_bp(0, 5000) == 0
    assert apply_ratio_bp(10**13, 10000) == 10**13
    with pytest.raises(TypeError):
        apply_ratio_bp(100, 0.5)  # type: ignore[arg-type]


@given(st.integers(0, 10**13), st.integers(0, 10000))
def test_apply_ratio_bp_matches_integer_maths(amount, bp):
    # half-up on non-negative numbers: floor((2·a·bp + 10000) / 20000)
    assert apply_ratio_bp(amount, bp) == (2 * amount * bp + 10000) // 20000
    assert apply_ratio_bp(amount, bp, ROUND_DOWN) == amount * bp // 10000


def test_ratio_bp_of():
    assert ratio_bp_of(1, 2) == 5000
    assert ratio_bp_of(1, 3) == 3333
    assert ratio_bp_of(2, 3) == 6667
    assert ratio_bp_of(1, 20000) == 1  # 0.5 bp rounds half-up
    assert ratio_bp_of(5, 0) is None
    assert ratio_bp_of(0, 7) == 0


def test_format_yuan():
    assert format_yuan(123456789) == "1,234,567.89"
    assert format_yuan(123456789, symbol=True) == "¥1,234,567.89"
    assert format_yuan(-123450) == "-1,234.50"
    assert format_yuan(-123450, symbol=True) == "-¥1,234.50"
    assert format_yuan(0) == "0.00"
    assert format_yuan(5) == "0.05"
    assert format_yuan(100000) == "1,000.00"


def test_format_wan_yi():
    assert format_wan(1234567_89) == "123.46"  # 1,234,567.89 元 = 123.456789 万
    assert format_wan(1234550_00) == "123.46"  # 123.455 → half-up
    assert format_wan(500000) == "0.50"
    assert format_wan(-1234550_00) == "-123.46"
    assert format_wan(12345678900000, grouping=True) == "12,345,678.90"
    assert format_wan(15_000_000, digits=0) == "15"
    assert format_yi(502_900_000_000) == "50.29"
    assert format_yi(5_000_000_000) == "0.50"
    assert format_yi(12_345_000_000) == "1.23"
    assert format_yi(12_350_000_000) == "1.24"  # 1.235 亿 → half-up


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (502_900_000_000, "50.29 亿元"),
        (10_000_000_000, "1 亿元"),
        (350_000_000, "350 万元"),
        (336_600_000, "336.6 万元"),
        (1_000_000, "1 万元"),
        (600_000, "6,000 元"),
        (600_050, "6,000.5 元"),
        (0, "0 元"),
        (9_999_999_999, "1 亿元"),  # 9999.99999999 万 rounds to 10000.00 万 → 亿
        (-350_000_000, "-350 万元"),
    ],
)
def test_prose_amount(fen, text):
    assert prose_amount(fen) == text


def test_format_ratio_bp():
    assert format_ratio_bp(5000) == "50%"
    assert format_ratio_bp(6250) == "62.5%"
    assert format_ratio_bp(10000) == "100%"
    assert format_ratio_bp(1) == "0.01%"
    assert format_ratio_bp(0) == "0%"


# Rules of 《正确填写票据和结算凭证的基本规定》 referenced below:
#  R1 到“元”为止写“整”；有分不写整；角后不写整（规定允许省略）
#  R2 中间有一个或连续多个 0 只写一个“零”
#  R3 万位/元位为 0 而千位/角位不为 0：可写可不写“零”；万位按规定首例不写，元位按规定首例写
#  R4 角位为 0 而分位不为 0：“元”后必须写“零”
#  R5 尾部的 0 不写“零”；整节（4 位）为 0 被跳过时写一个“零”
#  R6 最高位为 1 的拾写“壹拾”
CAPITAL_CASES = [
    (1000, "壹拾元整"),  # R6 + R1
    (1_200_000, "壹万贰仟元整"),  # R5 trailing zeros
    (5, "伍分"),  # under one yuan starts at the first unit
    (50, "伍角"),  # R1: no 整 after 角
    (15, "壹角伍分"),
    (10_000_000_010, "壹亿元零壹角"),  # R3 元位 0, 角 non-zero: regulation's first form writes 零
    (100_000_100, "壹佰万零壹元整"),  # R2 zeros 万…拾 in the middle: one 零
    (100_405, "壹仟零肆元零伍分"),  # R2 + R4
    (0, "零元整"),
    (140_950, "壹仟肆佰零玖元伍角"),  # R2 (regulation's own example ¥1409.50)
    (168_032, "壹仟陆佰捌拾元零叁角贰分"),  # R3 (regulation's example ¥1680.32, first form)
    (10_700_053, "壹拾万柒仟元零伍角叁分"),  # R3 (regulation's example ¥107000.53, first form)
    (1_640_902, "壹万陆仟肆佰零玖元零贰分"),  # R4 (regulation's example ¥16409.02)
    (32_504, "叁佰贰拾伍元零肆分"),  # R4 (regulation's example ¥325.04)
    (10_000_000_000, "壹亿元整"),  # R5 whole zero sections at the end write nothing
    (10_000_100_000, "壹亿零壹仟元整"),  # R5 skipped zero 万 section writes 零
    (10_010_000_000, "壹亿零壹拾万元整"),  # R2 万 section 0010: leading zeros → 零
    (10_100_000_000, "壹亿零壹佰万元整"),  # R2 万 section 0100
    (11_000_000_000, "壹亿壹仟万元整"),  # R3 千万 non-zero right after 亿: no 零
    (100_000_000_000, "壹拾亿元整"),  # R6
    (100_100, "壹仟零壹元整"),  # R2
    (101_000, "壹仟零壹拾元整"),  # R2 single middle zero; trailing zero silent
    (1_000_000, "壹万元整"),  # R5
    (1_010_000, "壹万零壹佰元整"),  # R2 万 section below starts with 0
    (10_001_000, "壹拾万零壹拾元整"),  # R2 run of zeros 万…佰
    (2_000_002, "贰万元零贰分"),  # R4 with trailing zeros before 元
    (99_999_999, "玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    (-150, "负壹元伍角"),  # negative prefix
    (100_000_000_000_000, "壹万亿元整"),  # 10^12 yuan
    (1_000_000_000_000_000, "壹拾万亿元整"),  # 10^13 yuan
    (123_456_789_012, "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元零壹角贰分"),  # R3 元位 0
    (20_000_000_000_000, "贰仟亿元整"),
]


@pytest.mark.parametrize(("fen", "text"), CAPITAL_CASES)
def test_chinese_capital(fen, text):
    assert chinese_capital(fen) == text


@given(st.integers(-(10**17), 10**17))
def test_chinese_capital_shape(fen):
    text = chinese_capital(fen)
    assert text.endswith(("整", "角", "分"))
    assert "零零" not in text
    assert not text.startswith("零") or fen == 0
    assert "整" not in text or fen % 100 == 0


def test_chinese_capital_too_large():
    with pytest.raises(ValueError):
        chinese_capital(10**20 * 100)
