
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.errors import Issue
from ledger.validation import (
    IP_TYPES,
    districts_of,
    is_known_region,
    normalise_ic_layout,
    normalise_patent,
    normalise_uscc,
    org_code_check_char,
    patent_check_char,
    patent_kind,
    region_info,
    region_name,
    uscc_check_char,
    uscc_region_name,
    validate_ic_layout,
    validate_ip_number,
    validate_nice_class,
    validate_org_code,
    validate_patent,
    validate_plant_variety,
    validate_region_code,
    validate_trademark,
    validate_uscc,
)

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def codes(issues: list[Issue]) -> list[tuple[str, str]]:
    return [(i.code, i.severity) for i in issues]


# --- USCC -----------------------------------------------------------------------------------

VALID_USCC = [
    "91110000600037341L", "91350100M000100Y43", "121200004013590816", "91152201078371135X",
    "9115220107837757XE", "91310115MA1K3BTP2B", "91620105L015101280", "9144030071526726XG",
    "91310115591693856A", "91310110666007217T", "91230184MA1BUFLT44", "92371000MA3MXH0E3W",
]


@pytest.mark.parametrize("code", VALID_USCC)
def test_valid_uscc(code):
    assert validate_uscc(code) == []


def test_uscc_bad_checksum_is_warning_with_expected_char():
    issues = validate_uscc("91110000600037341N")
    assert codes(issues) == [("uscc.checksum", "warning")]
    assert "统一社会信用代码" in issues[0].message
    assert "应为 L" in issues[0].message and "实为 N" in issues[0].message
    assert issues[0].field == "uscc"


@pytest.mark.parametrize("code", ["A1110000600037341L", "9111000060003IOZSV", "9111000060003734",
                                  "", "   ", "911100006000373411L", "0111000060003734IL",
                                  "91AB0000600037341L"])
def test_uscc_format_errors(code):
    issues = validate_uscc(code)
    assert issues and all(i.is_error for i in issues)


@pytest.mark.parametrize("code", ["91350211M00013FA1N", "91350100M0001TGQXM",
                                  "91350211M0000XUF46", "91350203M0001FUE2P"])
def test_real_failing_uscc_only_warn(code):
    assert codes(validate_uscc(code)) == [("uscc.checksum", "warning")]


def test_uscc_normalisation_full_width_and_lower():
    assert normalise_uscc(" ９１１１００００６０００３７３４１ｌ ") == "91110000600037341L"
    assert validate_uscc("91110000600037341l") == []
    assert validate_uscc("911100006000373 41L") == []


def test_uscc_org_checksum_warning():
    # change the org-code check (position 17) and recompute the USCC check: only the org check fails
    body = "91110000600037349"
    code = body + uscc_check_char(body)
    assert codes(validate_uscc(code)) == [("uscc.org_checksum", "warning")]
    assert "应为 1" in validate_uscc(code)[0].message


def test_uscc_region_warning_and_national_authority():
    body = "91999999" + "600037341"
    assert codes(validate_uscc(body + uscc_check_char(body))) == [("uscc.region", "warning")]
    national = "91100000" + "600037341"
    assert validate_uscc(national + uscc_check_char(national)) == []
    # abolished region codes stay valid (崇文区 110103, abolished 2010)
    old = "91110103" + "600037341"
    assert validate_uscc(old + uscc_check_char(old)) == []
    assert uscc_region_name("91110000600037341L") == "北京市"


def test_org_code():
    for code in ["60003734-1", "71092609-4", "59169385-6", "66600721-7", "M000100Y-4"]:
        assert validate_org_code(code) == []
    assert codes(validate_org_code("60003734-2")) == [("org_code.checksum", "error")]
    assert org_code_check_char("60003734") == "1"


def _uscc_strategy():
    alphabet = st.sampled_from(USCC_ALPHABET)
    org_alpha = st.sampled_from("0123456789ABCDEFGHJKLMNPQRTUWXY")  # USCC alphabet only
    return st.tuples(
        st.sampled_from(["91", "92", "93", "11", "12", "51", "52"]),
        st.sampled_from(["110000", "320211", "110103", "440300", "100000"]),
        st.lists(org_alpha, min_size=8, max_size=8).map("".join),
        alphabet,
    )


@given(_uscc_strategy())
def test_generated_uscc_pass_and_mutation_warns(parts):
    prefix, region, org_body, replacement = parts
    org_check = org_code_check_char(org_body)
    if org_check not in USCC_ALPHABET:
        return
    body = prefix + region + org_body + org_check
    code = body + uscc_check_char(body)
    assert validate_uscc(code) == []
    if replacement != code[-1]:
        mutated = code[:-1] + replacement
        assert ("uscc.checksum", "warning") in codes(validate_uscc(mutated))


@given(st.text(max_size=40))
def test_uscc_garbage_never_raises(text):
    result = validate_uscc(text)
    assert isinstance(result, list) and all(isinstance(i, Issue) for i in result)


# --- patents --------------------------------------------------------------------------------

@pytest.mark.parametrize("number", ["201710601862.3", "201310699744.2", "201080063196.9",
                                    "95115608.X", "97101765.4", "ZL201710601862.3",
                                    "CN 2017 1 0601862.3", "85100001", "ZL95115608.X",
                                    "CN201710601862.3", "２０１７１０６０１８６２．３",
                                    "CN102822194A", "CN102822194B", "CN1030001A", "CN2030001U",
                                    "CN3003001S", "CN102822194C1", "CN202222222Y1"])
def test_valid_patents(number):
    assert validate_patent(number) == []


def test_patent_checksum_error():
    issues = validate_patent("201710601862.4")
    assert codes(issues) == [("patent.checksum", "error")]
    assert "应为 3" in issues[0].message


@pytest.mark.parametrize(("number", "code"), [
    ("201710601862", "patent.check_missing"),
    ("95115608", "patent.check_missing"),  # 8 digits without check only for 1985–88
    ("201750601862.3", "patent.type"),
    ("abc", "patent.format"),
    ("", "patent.required"),
    ("CN102822194U", "patent.kind_mismatch"),
    ("CN502822194A", "patent.type"),
])
def test_patent_errors(number, code):
    assert code in [i.code for i in validate_patent(number) if i.is_error]


def test_patent_normalise_and_kind():
    assert normalise_patent("ZL 2017 1 0601862.3") == "201710601862.3"
    assert normalise_patent("2017106018623") == "201710601862.3"
    assert normalise_patent("cn102822194a") == "CN102822194A"
    assert patent_kind("201710601862.3") == "发明"
    assert patent_kind("201320001234.0") == "实用新型"
    assert patent_kind("ZL201330001234.5") == "外观设计"
    assert patent_kind("201880001234.1") == "发明"
    assert patent_kind("201890001234.1") == "实用新型"
    assert patent_kind("95115608.X") == "发明"
    assert patent_kind("CN2030001U") == "实用新型"
    assert patent_kind("junk") is None
    assert patent_check_char("201710601862") == "3"
    assert patent_check_char("95115608") == "X"


@given(st.integers(2003, 2030), st.sampled_from("12389"), st.integers(0, 9_999_999),
       st.sampled_from("0123456789X"))
def test_generated_patent_numbers(year, kind, serial, replacement):
    body = f"{year}{kind}{serial:07d}"
    number = f"{body}.{patent_check_char(body)}"
    assert validate_patent(number) == []
    assert validate_patent("ZL" + number) == []
    if replacement != number[-1]:
        assert ("patent.checksum", "error") in codes(validate_patent(number[:-1] + replacement))


@given(st.integers(89, 103), st.sampled_from("12389"), st.integers(0, 99_999))
def test_generated_old_patent_numbers(yy, kind, serial):
    body = f"{yy % 100:02d}{kind}{serial:05d}"
    assert validate_patent(f"{body}.{patent_check_char(body)}") == []


@given(st.text(max_size=30))
def test_patent_garbage_never_raises(text):
    assert all(isinstance(i, Issue) for i in validate_patent(text))
    patent_kind(text)


# --- other IP numbers ---------------------------------------------------------------------

def test_plant_variety():
    assert validate_plant_variety("CNA20080376.X") == []
    assert validate_plant_variety("CNA20191006012") == []
    assert validate_plant_variety("cna20191006012") == []
    assert codes(validate_plant_variety("CNA20080376.1")) == [("plant.checksum", "error")]
    assert codes(validate_plant_variety("CNA2008")) == [("plant.format", "error")]


def test_ic_layout():
    assert validate_ic_layout("BS.185559220") == []
    assert normalise_ic_layout("bs 185559220") == "BS.185559220"
    assert codes(validate_ic_layout("BS.185559221")) == [("ic.checksum", "warning")]
    assert codes(validate_ic_layout("BS.18555")) == [("ic.format", "error")]


def test_trademark_and_nice_class():
    assert validate_trademark("12345678") == []
    assert validate_trademark("G1234567") == []
    assert codes(validate_trademark("TM123")) == [("trademark.format", "error")]
    assert validate_nice_class(1) == [] and validate_nice_class("45") == []
    for bad in (0, 46, "x", None, True, -3):
        assert codes(validate_nice_class(bad)) == [("nice_class.range", "error")]


def test_validate_ip_number_dispatch():
    assert IP_TYPES == ("发明专利", "实用新型", "外观设计", "商标", "著作权", "软件著作权",
                        "地理标志", "植物新品种", "集成电路布图设计", "商业秘密")
    assert validate_ip_number("发明专利", "ZL201710601862.3") == []
    assert codes(validate_ip_number("实用新型", "201710601862.3")) == [("patent.type_mismatch", "error")]
    body = "201320001234"
    assert validate_ip_number("实用新型", f"{body}.{patent_check_char(body)}") == []
    assert validate_ip_number("商标", "G1234567") == []
    assert validate_ip_number("植物新品种", "CNA20080376.X") == []
    assert validate_ip_number("集成电路布图设计", "BS.185559220") == []
    assert validate_ip_number("软件著作权", "2020SR0123456") == []
    assert codes(validate_ip_number("地理标志", "")) == [("number.required", "error")]
    assert codes(validate_ip_number("商业秘密", "x" * 65)) == [("number.too_long", "error")]
    assert validate_ip_number("著作权", "x" * 64) == []
    assert codes(validate_ip_number("专利", "1")) == [("ip.type", "error")]


@given(st.sampled_from(IP_TYPES + ("未知",)), st.text(max_size=80))
def test_ip_number_garbage_never_raises(ip_type, text):
    result = validate_ip_number(ip_type, text)
    assert isinstance(result, list) and all(isinstance(i, Issue) for i in result)


# --- regions ------------------------------------------------------------------------------

def test_region_lookup():
    info = region_info("110103")
    assert info is not None and info.abolished and info.valid_to == 2010
    assert info.full_name == "北京市崇文区" and info.display_name == "北京市崇文区（已撤销）"
    assert region_name("320211") == "江苏省无锡市滨湖区"
    assert region_name("320200") == "江苏省无锡市"
    assert region_name("320000") == "江苏省"
    assert region_name("429004") == "湖北省仙桃市"
    assert region_name("999999") is None and region_name("abc") is None
    assert is_known_region("110101") and not is_known_region("110199")


def test_validate_region_code():
    assert validate_region_code("320211") == []
    assert codes(validate_region_code("110103")) == [("region.abolished", "warning")]
    assert codes(validate_region_code("110199")) == [("region.unknown", "error")]
    assert codes(validate_region_code("11010")) == [("region.format", "error")]
    assert codes(validate_region_code(None)) == [("region.format", "error")]


def test_districts_of_wuxi():
    names = {d.code: d.name for d in districts_of("3202")}
    assert names == {"320205": "锡山区", "320206": "惠山区", "320211": "滨湖区", "320213": "梁溪区",
                     "320214": "新吴区", "320281": "江阴市", "320282": "宜兴市"}
    with_old = {d.code for d in districts_of("3202", include_abolished=True)}
    assert "320202" in with_old  # 崇安区, merged in 2015
