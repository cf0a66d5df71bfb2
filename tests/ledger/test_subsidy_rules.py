"""Rule sets: consistency checks and the TOML exchange format."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ledger.errors import InvalidInput
from ledger.subsidy import (
    RuleSet,
    TypeCap,
    Uplift,
    list_programmes,
    load_programme,
    rules_from_toml,
    rules_to_toml,
    validate_rules,
)

SHIPPED = [
    "beijing-overseas-2022", "beijing-patent-2021", "changzhou-wujin", "dongguan-2020",
    "guangzhou-devzone-2020", "qingdao-2021", "qingdao-sino-german-2016", "shaanxi-2023",
    "shandong-2021", "shandong-2024", "shenzhen-2025", "wuxi-2020",
]

BASE = RuleSet(name="测试项目", year=2024, ratio_bp=5000)


def codes(rs: RuleSet) -> dict[str, str]:
    return {i.code: i.message for i in validate_rules(rs)}


def test_every_real_programme_is_shipped():
    assert list_programmes() == SHIPPED


@pytest.mark.parametrize("slug", SHIPPED)
def test_shipped_programme_is_valid_and_round_trips(slug):
    rs = load_programme(slug)
    assert [i for i in validate_rules(rs) if i.is_error] == []
    text = rules_to_toml(rs)
    assert rules_from_toml(text, slug) == rs
    # and a second trip gives the same text
    assert rules_to_toml(rules_from_toml(text, slug)) == text


def test_shipped_figures_are_converted_to_fen_and_basis_points():
    wuxi = load_programme("wuxi-2020")
    assert (wuxi.ratio_bp, wuxi.cap_per_policy_fen) == (5000, 300_000_00)
    bj = load_programme("beijing-patent-2021")
    assert bj.tier_ratio_ladders == {"单项冠军": (10000, 8000), "中小微": (10000, 9000)}
    assert bj.cap_per_enterprise_year_by_tier_fen["知识产权示范企业"] == 500_000_00
    assert bj.min_ip_remaining_years == 3
    sz = load_programme("shenzhen-2025")
    assert sz.cap_programme_total_fen == 5_000_000_00
    assert (sz.contract_date_from, sz.contract_date_to) == ("2024-01-01", "2024-12-31")
    sd = load_programme("shandong-2021")
    assert [c.cap_fen for c in sd.insurance_type_caps] == [200_000_00, 60_000_00, 400_000_00]
    assert sd.uplifts[0].add_bp == 1000
    assert sorted(sd.uplifts[0].type_cap_overrides_fen.values()) == [300_000_00, 500_000_00]
    sg = load_programme("qingdao-sino-german-2016")
    assert sg.ratio_by_times_funded == (7500, 7500, 5000)
    assert sg.cap_per_policy_by_times_funded_fen == (500_000_00, 500_000_00, 350_000_00)
    sx = load_programme("shaanxi-2023")
    assert (sx.max_premium_rate_bp, sx.max_premium_rate_overseas_bp) == (500, 1000)
    assert sx.times_funded_basis == "application_order"
    qd = load_programme("qingdao-2021")
    assert (qd.min_premium_fen, qd.unique_policy, qd.unique_ip_type_scope) == (10_000_00, True, "year")


def test_percent_and_yuan_forms():
    text = """
[programme]
name = "x"
year = 2024
[ratio]
default = "62.5%"
[caps]
per_policy_yuan = 1500
per_enterprise_year_yuan = "200,000.50"
"""
    rs = rules_from_toml(text)
    assert (rs.ratio_bp, rs.cap_per_policy_fen, rs.cap_per_enterprise_year_fen) == (6250, 150000, 20000050)
    assert 'default = "62.5%"' in rules_to_toml(rs)


def test_valid_base_has_no_issues():
    assert validate_rules(BASE) == []


def test_ratio_over_100_percent_refused_with_figure():
    msg = codes(replace(BASE, ratio_bp=12000))["ratio.over_100"]
    assert "120%" in msg and "超过 100%" in msg


def test_negative_budget_refused_with_figure():
    msg = codes(replace(BASE, budget_fen=-100_00))["budget.negative"]
    assert "-100.00" in msg


def test_zero_enterprise_cap_refused():
    assert "cap.zero" in codes(replace(BASE, cap_per_enterprise_year_fen=0))


def test_per_policy_cap_above_enterprise_cap_is_fine():
    assert validate_rules(replace(BASE, cap_per_policy_fen=500_000_00,
                                  cap_per_enterprise_year_fen=200_000_00)) == []


def test_cap_below_minimum_possible_subsidy():
    rs = replace(BASE, min_premium_fen=10_000_00, cap_per_enterprise_year_fen=3_000_00)
    msg = codes(rs)["cap.below_minimum"]
    # 10,000.00 × 50% = 5,000.00 > 3,000.00
    assert "3,000.00" in msg and "10,000.00" in msg and "5,000.00" in msg


def test_ratio_above_ceiling_and_reversed_dates_and_unknown_tag():
    rs = replace(BASE, ratio_bp=6000, max_ratio_bp=5000, contract_date_from="2024-12-31",
                 contract_date_to="2024-01-01", tier_ratios={"大企业": 3000})
    found = codes(rs)
    assert "60%" in found["ratio.above_ceiling"] and "50%" in found["ratio.above_ceiling"]
    assert "2024-12-31" in found["date.reversed"]
    assert "大企业" in found["tag.unknown"]


def test_uplift_must_name_an_existing_group_and_condition():
    rs = replace(BASE, insurance_type_caps=(TypeCap("海外", ("*",), 400_000_00, "overseas"),),
                 uplifts=(Uplift("x", ("moon",), 1000, {"境内": 300_000_00}),))
    found = codes(rs)
    assert "境内" in found["uplift.unknown_group"]
    assert "moon" in found["uplift.condition"]


def test_unknown_key_named():
    text = '[programme]\nname = "x"\nyear = 2024\n[ratio]\ndefault = "50%"\n[caps]\nper_polcy_yuan = 1\n'
    with pytest.raises(InvalidInput) as exc:
        rules_from_toml(text, "a.toml")
    assert "per_polcy_yuan" in exc.value.message and "a.toml" in exc.value.message
    assert exc.value.issues[0].field == "caps.per_polcy_yuan"


def test_wrong_types_named():
    text = ('[programme]\nname = "x"\nyear = "2024"\n[ratio]\ndefault = 0.5\n'
            '[caps]\nper_policy_yuan = "12.345"\n[eligibility]\nexclude_blacklisted = "yes"\n')
    with pytest.raises(InvalidInput) as exc:
        rules_from_toml(text)
    fields = {i.field for i in exc.value.issues}
    assert fields == {"programme.year", "ratio.default", "caps.per_policy_yuan",
                      "eligibility.exclude_blacklisted"}
    assert "百分比" in exc.value.message


def test_missing_required_and_bad_syntax():
    with pytest.raises(InvalidInput) as exc:
        rules_from_toml('[programme]\nname = "x"\n')
    assert "year" in exc.value.message and "default" in exc.value.message
    with pytest.raises(InvalidInput) as exc:
        rules_from_toml("[programme\n", "坏.toml")
    assert "坏.toml" in exc.value.message


def test_contradictory_toml_refused_with_figures():
    text = """
[programme]
name = "x"
year = 2024
[ratio]
default = "150%"
[budget]
total_yuan = "-5000.00"
"""
    with pytest.raises(InvalidInput) as exc:
        rules_from_toml(text, "x.toml")
    assert "150%" in exc.value.message and "-5,000.00" in exc.value.message
    assert "规则自相矛盾" in exc.value.message
