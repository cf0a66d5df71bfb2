"""Cell parsers, header mapping and row normalisation."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.errors import InvalidInput
from ledger.importing import (
    FORMULA_WITHOUT_VALUE,
    KINDS,
    CellError,
    column_letter,
    detect_header,
    map_headers,
    normalise_row,
    normalise_text,
    parse_amount_fen,
    parse_bool,
    parse_date,
    parse_enum,
    parse_int,
    parse_list,
    parse_shares,
    parse_text,
)
from ledger.importing.columns import IP_TYPE_SYNONYMS, IP_TYPES
from ledger.importing.headers import split_header

# ------------------------------------------------------------------ text


def test_normalise_text() -> None:
    assert normalise_text("\u3000ＡＢＣ１２３\u200b  有限\t公司\x07 ") == "ABC123 有限 公司"
    assert normalise_text(None) == ""
    assert normalise_text(13800138000.0) == "13800138000"
    assert normalise_text(dt.date(2023, 1, 2)) == "2023-01-02"
    assert normalise_text("\ufeff甲公司") == "甲公司"


def test_parse_text_refuses_rounded_long_numbers() -> None:
    assert parse_text(201710601862.3) == "201710601862.3"
    with pytest.raises(ValueError, match="超过 15 位，Excel 已丢失精度"):
        parse_text(6.216610000000001e18)


# ------------------------------------------------------------------ amounts


@pytest.mark.parametrize(("value", "multiplier", "fen"), [
    (1234, 1, 123_400),
    (1234.56, 1, 123_456),
    (1234.5600000001, 1, 123_456),  # Excel float noise rounds to the fen
    (0.125, 1, 13),  # numeric cells round half-up (not banker's, not binary)
    (2.675, 1, 268),  # binary 2.67499999… would round down; repr → Decimal does not
    (1.5, 10_000, 1_500_000),
    ("¥1,234.50", 1, 123_450),
    ("￥ 1,234.50 元", 1, 123_450),
    ("RMB 100", 1, 10_000),
    ("CNY1000", 1, 100_000),
    ("人民币 3,000 元", 1, 300_000),
    ("12.5万", 1, 12_500_000),
    ("12.5万元", 1, 12_500_000),
    ("5000元", 10_000, 500_000),  # the cell's own unit wins over the column's
    ("１２３４．５", 1, 123_450),  # full-width digits and point
    ("１２.５", 10_000, 12_500_000),
    ("0.01", 1, 1),
    ("1.2345", 10_000, 1_234_500),  # 4 decimals of 万元 = exact fen
    ("0", 1, 0),
    (".5", 1, 50),
])
def test_parse_amount_ok(value: object, multiplier: int, fen: int) -> None:
    assert parse_amount_fen(value, multiplier) == fen


@pytest.mark.parametrize(("value", "message"), [
    ("12,3a4", "无法识别的金额“12,3a4”"),
    ("abc", "无法识别的金额“abc”"),
    ("-5", "金额不能为负数：“-5”"),
    ("(1,000.00)", "金额不能为负数：“(1,000.00)”"),
    (-3.0, "金额不能为负数：“-3”"),
    ("1.234 元", "金额最多精确到分（两位小数）：“1.234 元”"),
    ("1.2345678万", "金额最多精确到分（两位小数）：“1.2345678万”"),
    ("100 200", "无法识别的金额“100 200”：一个单元格只能填一个金额"),
    ("100/200", "无法识别的金额“100/200”：一个单元格只能填一个金额"),
    ("1,23", "无法识别的金额“1,23”"),
    ("1e5", "无法识别的金额“1e5”"),
    (True, "无法识别的金额“True”"),
    (float("nan"), "无法识别的金额“nan”"),
    (1e300, "金额过大：“1e+300”"),
    (dt.date(2023, 1, 1), "无法识别的金额“2023-01-01”"),
])
def test_parse_amount_rejects(value: object, message: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_amount_fen(value)
    assert str(info.value) == message


@given(st.text(max_size=40))
def test_parse_amount_only_value_errors(text: str) -> None:
    try:
        fen = parse_amount_fen(text, 10_000)
    except ValueError:
        return
    assert isinstance(fen, int) and fen >= 0


@given(st.floats(allow_nan=True, allow_infinity=True) | st.integers() | st.decimals())
def test_parse_amount_numbers_only_value_errors(value: object) -> None:
    try:
        fen = parse_amount_fen(value, 10_000)
    except ValueError:
        return
    assert isinstance(fen, int) and fen >= 0


@given(st.decimals(min_value=0, max_value=10**9, places=2))
def test_parse_amount_round_trips_two_decimal_text(amount: object) -> None:
    assert parse_amount_fen(f"{amount:,.2f}") == int(amount * 100)  # type: ignore[operator]
    assert parse_amount_fen(float(amount)) == int(amount * 100)  # type: ignore[arg-type,operator]


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(("value", "iso"), [
    (dt.date(2022, 9, 2), "2022-09-02"),
    (dt.datetime(2022, 9, 2, 13, 5), "2022-09-02"),
    ("2022-09-02", "2022-09-02"),
    ("2022.9.2", "2022-09-02"),
    ("2022/9/2", "2022-09-02"),
    ("2022年9月2日", "2022-09-02"),
    ("2022 年 9 月 2 日", "2022-09-02"),
    ("20220902", "2022-09-02"),
    ("２０２２年９月２日", "2022-09-02"),
    ("2022-09-02 00:00:00", "2022-09-02"),
    (20220902, "2022-09-02"),
    (20220902.0, "2022-09-02"),
    (44806, "2022-09-02"),  # Excel serial
    (44806.75, "2022-09-02"),  # serial with a time part
    (1, "1900-01-01"),
    (59, "1900-02-28"),
    (61, "1900-03-01"),  # after the phantom 1900-02-29
    (2_958_465, "9999-12-31"),
])
def test_parse_date_ok(value: object, iso: str) -> None:
    assert parse_date(value) == iso


@pytest.mark.parametrize(("value", "message"), [
    ("2022-02-30", "日期不存在：“2022-02-30”"),
    ("2023年13月1日", "日期不存在：“2023年13月1日”"),
    ("20230229", "日期不存在：“20230229”"),
    (60, "日期不存在：“1900-02-29”（Excel 序号 60）"),
    (0, "无法识别的日期“0”"),
    (-5.0, "无法识别的日期“-5”"),
    ("22-9-2", "无法识别的日期“22-9-2”"),
    ("2022年9月", "无法识别的日期“2022年9月”"),
    ("明天", "无法识别的日期“明天”"),
    (True, "无法识别的日期“True”"),
    (dt.time(3, 4), "无法识别的日期“03:04:00”"),
])
def test_parse_date_rejects(value: object, message: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_date(value)
    assert str(info.value) == message


@given(st.text(max_size=30) | st.floats() | st.integers())
def test_parse_date_only_value_errors(value: object) -> None:
    try:
        iso = parse_date(value)
    except ValueError:
        return
    assert dt.date.fromisoformat(iso)


@given(st.dates(min_value=dt.date(1900, 3, 1)))
def test_parse_date_serial_matches_excel(day: dt.date) -> None:
    serial = (day - dt.date(1899, 12, 30)).days
    assert parse_date(serial) == day.isoformat()
    assert parse_date(float(serial)) == day.isoformat()
    assert parse_date(f"{day.year}年{day.month}月{day.day}日") == day.isoformat()


# ------------------------------------------------------------------ others


def test_parse_bool_list_int_enum() -> None:
    assert [parse_bool(v) for v in ("是", "否", "Y", "n", "1", "0", "TRUE", "false", 1.0, 0)] == [
        True, False, True, False, True, False, True, False, True, False]
    with pytest.raises(ValueError, match="无法识别的是/否值“也许”"):
        parse_bool("也许")
    assert parse_list("专精特新、高新技术企业，中小微;出口型；a/b\nc, 专精特新") == [
        "专精特新", "高新技术企业", "中小微", "出口型", "a", "b", "c"]
    assert parse_int("1,234") == 1234
    assert parse_int(9.0) == 9
    assert parse_int("９") == 9
    with pytest.raises(ValueError, match="应为整数：“1.5”"):
        parse_int("1.5")
    with pytest.raises(ValueError, match="无法识别的整数“九”"):
        parse_int("九")
    assert parse_enum("  软著 ", IP_TYPES, IP_TYPE_SYNONYMS) == "软件著作权"
    assert parse_enum("发明专利", IP_TYPES) == "发明专利"
    with pytest.raises(ValueError) as info:
        parse_enum("专利", ("发明专利", "实用新型"))
    assert str(info.value) == "“专利”不是可选值之一：发明专利、实用新型"


def test_parse_shares() -> None:
    assert parse_shares("人保财险60%、平安产险40%") == [("人保财险", 6000), ("平安产险", 4000)]
    assert parse_shares("人保财险（33.34%），太保产险 33.33% ; 平安产险:33.33%") == [
        ("人保财险", 3334), ("太保产险", 3333), ("平安产险", 3333)]
    assert parse_shares("人保财险") == [("人保财险", 10000)]
    for bad, msg in [
        ("人保财险60%、平安产险30%", "份额合计应为 100%，实为 90%：“人保财险60%、平安产险30%”"),
        ("人保财险、平安产险", "多家保险机构须写明各自份额，如“人保财险60%、平安产险40%”：“人保财险、平安产险”"),
        ("人保财险60.001%", "份额最多两位小数：“人保财险60.001%”"),
        ("人保50%、人保50%", "保险机构“人保”重复：“人保50%、人保50%”"),
    ]:
        with pytest.raises(ValueError) as info:
            parse_shares(bad)
        assert str(info.value) == msg


# ------------------------------------------------------------------ headers


def test_split_header_units() -> None:
    assert split_header("保费（万元）")[1:] == ("保费", 10_000)
    assert split_header("保险金额(元)")[1:] == ("保险金额", 1)
    assert split_header("保险金额万元")[1:] == ("保险金额", 10_000)
    assert split_header("＊企业名称（必填）")[1:] == ("企业名称", None)
    assert split_header(" 保 单 号 ")[1:] == ("保单号", None)
    assert split_header("Premium（单位：万元）")[1:] == ("premium", 10_000)


def test_map_headers_tolerant() -> None:
    hmap = map_headers("policies", ["", "保险单号", "被保险人", "保费（万元）", "保额(元)",
                                    "起保日期", "终止日期", "承保公司", "序号", "保费"])
    assert {i: (c.key, c.unit_multiplier) for i, c in hmap.columns.items()} == {
        1: ("policy_no", 1), 2: ("enterprise_name", 1), 3: ("premium_fen", 10_000),
        4: ("sum_insured_fen", 1), 5: ("start_date", 1), 6: ("end_date", 1), 7: ("insurers", 1)}
    assert hmap.unmapped == [(8, "序号")]
    assert hmap.duplicates == [(9, "保费", "premium_fen")]
    assert hmap.missing_required == []
    assert hmap.problems() == ["J 列「保费」与 D 列「保费（万元）」重复，已忽略 J 列"]
    assert hmap.is_header


def test_map_headers_case_insensitive_and_extra_synonyms() -> None:
    hmap = map_headers("enterprises", ["USCC", "企业名称"])
    assert {c.key for c in hmap.columns.values()} == {"uscc", "name"}
    hmap = map_headers("insurer_policy_list", ["Policy No.", "Premium（万元）", "Insured"],
                       extra_synonyms={"policy no.": "policy_no", "premium": "premium_fen",
                                       "Insured": "enterprise_name"})
    assert {i: (c.key, c.unit_multiplier) for i, c in hmap.columns.items()} == {
        0: ("policy_no", 1), 1: ("premium_fen", 10_000), 2: ("enterprise_name", 1)}
    with pytest.raises(InvalidInput, match="列对应关系中的“nope”不是保险机构保单清单的字段"):
        map_headers("insurer_policy_list", [], extra_synonyms={"x": "nope"})


def test_missing_required_columns() -> None:
    hmap = map_headers("policies", ["保单号", "投保人"])
    assert hmap.missing_required == ["premium_fen", "start_date", "end_date"]
    assert hmap.problems()[0] == "缺少必填列「保费」"
    rec, errs = normalise_row("policies", hmap, ["P1", "甲"], sheet="保单", excel_row=2)
    assert rec == {"policy_no": "P1", "enterprise_name": "甲"}
    assert str(errs[0]) == "工作表「保单」第 2 行：缺少必填列「保费」"
    assert len(errs) == 3


def test_detect_header_prefers_best_row() -> None:
    rows = [["2023 年保单台账", "", ""], ["保单号", "备注", ""], [], ["保单号", "投保人", "保费"]]
    offset, hmap = detect_header("policies", rows)  # type: ignore[misc]
    assert offset == 3 and hmap.score == 3
    assert detect_header("policies", [["投保人", "保费"]]) is None  # anchor 保单号 missing


def test_column_specs_are_consistent() -> None:
    expected = {
        "enterprises": ["name", "uscc", "district_code", "industry", "tags", "contact_person",
                        "contact_phone", "address", "bank_name", "bank_account", "notes"],
        "ip_rights": ["enterprise_uscc", "owner_name", "ip_type", "number", "title", "nice_class",
                      "filing_date", "grant_date", "expiry_date", "status"],
        "policies": ["policy_no", "enterprise_uscc", "enterprise_name", "product_name", "insurers",
                     "sum_insured_fen", "premium_fen", "premium_paid_fen", "start_date",
                     "end_date", "signed_date", "status", "ip_numbers", "overseas"],
        "subsidies": ["application_no", "policy_no", "premium_paid_fen", "programme",
                      "submitted_at", "state"],
        "claims": ["claim_no", "policy_no", "reported_date", "counterparty", "court",
                   "case_number", "outcome", "claimed_fen", "paid_fen"],
        "insurer_policy_list": ["policy_no", "enterprise_name", "enterprise_uscc", "premium_fen",
                                "sum_insured_fen", "start_date", "end_date"],
    }
    assert {k: list(v.keys) for k, v in KINDS.items()} == expected
    for kind in KINDS.values():
        assert kind.anchor in kind.required_keys
        # every canonical header and synonym maps back to its own key
        for col in kind.columns:
            for name in (col.header, *col.synonyms):
                hmap = map_headers(kind, [name])
                assert [c.key for c in hmap.columns.values()] == [col.key], (kind.kind, name)
            if col.type.endswith("amount"):
                assert col.key.endswith("_fen")


def test_column_letter() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]


# ------------------------------------------------------------------ rows


def test_normalise_row_types_and_errors() -> None:
    hmap = map_headers("ip_rights", ["权利人", "知识产权类型", "申请号", "商标类别", "申请日",
                                     "授权日", "到期日"])
    rec, errs = normalise_row("ip_rights", hmap,
                              ["甲公司", "软著", 201710601862.3, "9", 42936.0, "2020.3.10", ""],
                              sheet="知识产权", excel_row=3)
    assert errs == []
    assert rec == {"owner_name": "甲公司", "ip_type": "软件著作权", "number": "201710601862.3",
                   "nice_class": 9, "filing_date": "2017-07-20", "grant_date": "2020-03-10",
                   "expiry_date": None}
    rec, errs = normalise_row("ip_rights", hmap, ["甲公司", "专利", "", "九", "", "",
                                                  FORMULA_WITHOUT_VALUE], sheet="知识产权",
                              excel_row=4)
    assert [str(e) for e in errs] == [
        "工作表「知识产权」第 4 行 B 列「知识产权类型」：“专利”不是可选值之一："
        "发明专利、实用新型、外观设计、商标、著作权、软件著作权、地理标志、植物新品种、集成电路布图设计、商业秘密",
        "工作表「知识产权」第 4 行 C 列「申请号」：必填项为空",
        "工作表「知识产权」第 4 行 D 列「商标类别」：无法识别的整数“九”",
        "工作表「知识产权」第 4 行 G 列「到期日」：单元格是公式但文件中没有计算结果（文件可能由其他程序生成）："
        "请在 Excel 中打开并保存后再导入，或把公式改为数值",
    ]
    assert errs[1] == CellError("知识产权", 4, "C", "申请号", "必填项为空", "number")
    assert errs[1].to_issue().field == "number"


def test_normalise_row_enterprise_lists_and_short_rows() -> None:
    hmap = map_headers("enterprises", ["企业名称", "信用代码", "企业标签", "手机", "备注"])
    rec, errs = normalise_row("enterprises", hmap, ["甲公司\u200b", "91110000600037341L",
                                                    "专精特新、高新技术企业"])
    assert errs == []
    assert rec == {"name": "甲公司", "uscc": "91110000600037341L",
                   "tags": ["专精特新", "高新技术企业"], "contact_phone": None, "notes": None}


@given(st.one_of(st.text(max_size=30), st.floats(), st.integers(), st.booleans(), st.none(),
                 st.dates(), st.decimals()))
def test_every_parser_raises_only_value_error(value: object) -> None:
    parsers = [parse_bool, parse_list, parse_int, parse_shares, parse_text, normalise_text,
               lambda v: parse_enum(v, IP_TYPES, IP_TYPE_SYNONYMS)]
    for parser in parsers:
        try:
            parser(value)
        except ValueError:
            pass
    for kind in KINDS.values():
        hmap = map_headers(kind, [c.header for c in kind.columns])
        normalise_row(kind, hmap, [value] * len(kind.columns))


# ------------------------------------------------------------------ fast paths = the general path

def _general_text(value: str) -> str:
    """normalise_text's general path for text (NFKC, filter, collapse, strip)."""
    from ledger.importing.normalise import _SPACES, _clean

    return _SPACES.sub(" ", _clean(value)).strip()


@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=30)
       | st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x1f\x00\x7fAb1", max_size=12)
       | st.text(max_size=20))
def test_normalise_text_fast_path_matches_general_path(text: str) -> None:
    assert normalise_text(text) == _general_text(text)


@pytest.mark.parametrize("text", ["", " ", "  a  b ", "BM2019 00000001", "a\tb", "\x00x", "x\x7f",
                                  "ＡＢ", "a\u3000b", "\u200bab", " 1,234.00 ", "e.g."])
def test_normalise_text_fast_path_examples(text: str) -> None:
    assert normalise_text(text) == _general_text(text)


def _general_amount(value: object, unit: int) -> int:
    """parse_amount_fen's general (Decimal) path for numbers."""
    from decimal import Decimal

    from ledger.importing.normalise import _to_fen

    if isinstance(value, int):
        return _to_fen(Decimal(value) * unit, value, exact=True)
    return _to_fen(Decimal(repr(value)) * unit, value, exact=False)


@given(st.integers(min_value=-10**16, max_value=10**16)
       | st.floats(min_value=-1e14, max_value=1e14).map(lambda f: float(int(f)))
       | st.floats(min_value=-1e14, max_value=1e14),
       st.sampled_from([1, 1_000, 10_000, 100_000_000]))
def test_parse_amount_whole_number_fast_path_matches_decimal_path(value: float, unit: int) -> None:
    try:
        expected: object = _general_amount(value, unit)
    except ValueError as exc:
        expected = str(exc)
    try:
        got: object = parse_amount_fen(value, unit)
    except ValueError as exc:
        got = str(exc)
    if isinstance(value, float) and abs(value) * unit * 100 >= 10**15:
        assert isinstance(got, str) and "金额过大" in got  # refused before either path
        return
    assert got == expected and type(got) is type(expected)


@pytest.mark.parametrize("value", [0, 0.0, -0.0, 1, 1.0, 9_999_999_999_999, 9_999_999_999_999.0,
                                   10_000_000_000_000, 10**13 - 1, -1, -1.0, 2.5, 0.125, 1e-9])
def test_parse_amount_edge_numbers(value: float) -> None:
    try:
        expected: object = _general_amount(value, 1)
    except ValueError as exc:
        expected = str(exc)
    try:
        got: object = parse_amount_fen(value, 1)
    except ValueError as exc:
        got = str(exc)
    assert got == expected
