import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.errors import Issue
from ledger.validation import (
    clean_text,
    parse_amount_text,
    validate_amount_fen,
    validate_bank_account,
    validate_choice,
    validate_date,
    validate_period,
    validate_phone,
    validate_share_total,
    validate_text,
)


def codes(issues):
    return [i.code for i in issues]


def test_validate_amount_fen():
    assert validate_amount_fen(0, "premium_fen", "保费") == []
    assert validate_amount_fen(10**13, "premium_fen", "保费") == []
    assert codes(validate_amount_fen(-1, "premium_fen", "保费")) == ["amount.too_small"]
    assert codes(validate_amount_fen(10**13 + 1, "premium_fen", "保费")) == ["amount.too_large"]
    for bad in (1.5, "100", None, True):
        issues = validate_amount_fen(bad, "premium_fen", "保费")
        assert codes(issues) == ["amount.type"] and "保费" in issues[0].message
    assert codes(validate_amount_fen(50, "x", "保费", minimum=100)) == ["amount.too_small"]
    assert codes(validate_amount_fen(-5, "x", "调整", minimum=-100)) == []


@pytest.mark.parametrize(("text", "fen"), [
    ("1,234.56", 123456), ("¥1234", 123400), ("￥1,234", 123400), ("12.5万", 12_500_000),
    ("12.5万元", 12_500_000), ("1234.5元", 123450), (" 0 ", 0), ("１２３", 12300),
    ("0.000001万", 1), ("3亿", 30_000_000_000), ("人民币 100 元", 10000), ("1,234,567.89", 123456789),
])
def test_parse_amount_text(text, fen):
    assert parse_amount_text(text) == fen


@pytest.mark.parametrize("text", ["abc", "", "12a", "1.234", "0.0000001万", "1,23", "12.5千",
                                  "-5", "1e3", "--1", "¥", "万"])
def test_parse_amount_text_rejects(text):
    with pytest.raises(ValueError) as err:
        parse_amount_text(text)
    assert "金额" in str(err.value)


def test_parse_amount_negative_allowed():
    assert parse_amount_text("-1,000.5", allow_negative=True) == -100050


@given(st.text(max_size=20))
def test_parse_amount_text_only_value_error(text):
    try:
        assert isinstance(parse_amount_text(text), int)
    except ValueError:
        pass


def test_validate_date():
    assert validate_date("2024-02-29", "start_date", "起保日期") == []
    assert codes(validate_date("2023-02-29", "d", "日期")) == ["date.format"]
    assert codes(validate_date("2024/01/01", "d", "日期")) == ["date.format"]
    assert codes(validate_date("2024-1-1", "d", "日期")) == ["date.format"]
    assert codes(validate_date("", "d", "日期")) == ["date.required"]
    assert validate_date("", "d", "日期", required=False) == []
    assert codes(validate_date("1800-01-01", "d", "日期")) == ["date.range"]
    assert codes(validate_date(20240101, "d", "日期")) == ["date.format"]


def test_validate_period():
    assert validate_period("2024-01-01", "2024-12-31", "policy_period", "保险期间") == []
    issues = validate_period("2024-12-31", "2024-01-01", "policy_period", "保险期间")
    assert codes(issues) == ["period.order"] and "保险期间" in issues[0].message
    assert codes(validate_period("2024-01-01", "2024-01-01", "p")) == ["period.order"]
    assert validate_period("2024-01-01", "2024-01-01", "p", allow_same_day=True) == []
    issues = validate_period("x", "2024-01-01", "p", start_field="start_date")
    assert [(i.field, i.code) for i in issues] == [("start_date", "date.format")]


@pytest.mark.parametrize("phone", ["13812345678", "+8613812345678", "010-12345678", "0512-6812345",
                                   "051268123456", "021-12345678-801", "0755-12345678转123",
                                   "400-820-8820", "138 1234 5678", "(010)12345678"])
def test_phone_ok(phone):
    assert validate_phone(phone) == []


@pytest.mark.parametrize("phone", ["12812345678", "1381234567", "12345678", "abc", "", None,
                                   "010-123456", "138123456789"])
def test_phone_bad(phone):
    issues = validate_phone(phone)
    assert len(issues) == 1 and issues[0].is_error and "联系电话" in issues[0].message


def test_validate_text_and_clean():
    assert clean_text(" a\x00b\x1bc\n ") == "abc"
    assert clean_text("第一行\n第二行\t") == "第一行\n第二行"
    assert validate_text("企业名称", "name", "企业名称", max_len=10) == []
    assert codes(validate_text("  \x00 ", "name", "企业名称")) == ["text.required"]
    assert validate_text("", "note", "备注", required=False) == []
    assert validate_text(None, "note", "备注", required=False) == []
    issues = validate_text("长" * 11, "name", "企业名称", max_len=10)
    assert codes(issues) == ["text.too_long"] and "10" in issues[0].message
    assert codes(validate_text(5, "name", "企业名称")) == ["text.type"]
    assert codes(validate_text("x" * 1_000_000, "name", "企业名称")) == ["text.too_long"]


@given(st.one_of(st.text(), st.none(), st.integers()))
def test_validate_text_never_raises(value):
    assert all(isinstance(i, Issue) for i in validate_text(value, "f", "字段", max_len=50))


def test_validate_choice():
    assert validate_choice("补偿类", ["补偿类", "责任类", "融资类"], "category", "保险责任类别") == []
    issues = validate_choice("其他", ["补偿类", "责任类"], "category", "保险责任类别")
    assert codes(issues) == ["choice.invalid"] and "补偿类" in issues[0].message


def test_validate_bank_account():
    assert validate_bank_account("6222 0212 3456 7890 123") == []
    assert validate_bank_account("12345678") == []
    assert codes(validate_bank_account("1234567")) == ["bank_account.format"]
    assert codes(validate_bank_account("6222-0212")) == ["bank_account.format"]
    assert codes(validate_bank_account("1" * 31)) == ["bank_account.format"]
    assert codes(validate_bank_account("")) == ["bank_account.required"]
    assert "银行账号" in validate_bank_account("abc")[0].message


def test_validate_share_total():
    assert validate_share_total([5000, 3000, 2000]) == []
    assert validate_share_total([10000]) == []
    issues = validate_share_total([5000, 3000, 1250])
    assert codes(issues) == ["share.total"] and "92.5%" in issues[0].message
    assert codes(validate_share_total([])) == ["share.total"]
    assert codes(validate_share_total([0, 10000])) == ["share.range"]
    assert codes(validate_share_total([12000, -2000])) == ["share.range"]
