"""Programme-years: rules stored as TOML, export/import round trip, contradictions, close."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ledger.errors import InvalidInput
from ledger.services.programmes import (
    ProgrammeInput,
    create_programme,
    default_demo_rules,
    export_programme_toml,
    find_programme,
    get_programme,
    import_programme_toml,
    list_programmes,
    programme_rules,
    update_programme,
)
from ledger.services.subsidies import explain
from ledger.subsidy import list_programmes as shipped
from ledger.subsidy import load_programme, rules_from_toml, validate_rules
from ledger.subsidy.rules import RuleSet


@pytest.mark.parametrize("slug", shipped())
def test_every_shipped_programme_round_trips_through_the_store(ledger_store, db_path, tmp_path, slug):
    from ledger.services.opening import open_ledger

    rules = load_programme(slug)
    out = create_programme(ledger_store, ProgrammeInput(rules.name, rules.year, rules, budget_fen=500_000_000))
    text = export_programme_toml(ledger_store, out.id)
    assert rules_from_toml(text) == replace(rules, budget_fen=500_000_000)
    other = open_ledger(tmp_path / "other.sqlite")
    try:
        imported = import_programme_toml(other, text, f"{slug}.toml")
        assert export_programme_toml(other, imported.id) == text
        assert programme_rules(other, imported.id) == programme_rules(ledger_store, out.id)
        assert get_programme(other, imported.id)["budget_fen"] == 500_000_000
    finally:
        other.close()


def test_import_updates_the_programme_with_the_same_name_and_year(ledger_store):
    rules = load_programme("wuxi-2020")
    first = import_programme_toml(ledger_store, (rules_path := export_of(rules)), "wuxi.toml")
    changed = rules_path.replace('default = "50%"', 'default = "40%"')
    again = import_programme_toml(ledger_store, changed, "wuxi.toml")
    assert again.id == first.id and len(list_programmes(ledger_store)) == 1
    assert programme_rules(ledger_store, first.id).ratio_bp == 4000
    assert find_programme(ledger_store, rules.name, 2020) == first.id


def export_of(rules: RuleSet) -> str:
    from ledger.subsidy import rules_to_toml

    return rules_to_toml(rules)


def test_contradictory_toml_is_refused_with_the_figures_and_nothing_written(ledger_store):
    text = """
[programme]
name = "矛盾的项目"
year = 2024
[ratio]
default = "120%"
[caps]
per_enterprise_year_yuan = "5000.00"
[premium]
min_yuan = "20000.00"
[budget]
total_yuan = "-1.00"
"""
    with pytest.raises(InvalidInput) as caught:
        import_programme_toml(ledger_store, text, "bad.toml")
    msg = caught.value.message
    assert "bad.toml" in msg and "120% 超过 100%" in msg and "-1.00" in msg
    assert list_programmes(ledger_store) == []


def test_contradiction_through_the_editor_is_refused_with_figures(ledger_store):
    rules = replace(load_programme("qingdao-2021"), cap_per_enterprise_year_fen=400_000)
    with pytest.raises(InvalidInput, match=r"规则自相矛盾：.*单户年度上限 4,000.00 元低于最低保费 10,000.00 元 × 最低补贴比例 50% = 5,000.00 元"):
        create_programme(ledger_store, ProgrammeInput(rules.name, rules.year, rules))
    with pytest.raises(InvalidInput, match="已有名为"):
        good = load_programme("qingdao-2021")
        create_programme(ledger_store, ProgrammeInput(good.name, good.year, good))
        create_programme(ledger_store, ProgrammeInput(good.name, good.year, good))
    assert len(list_programmes(ledger_store)) == 1


def test_rule_change_recomputes_pending_applications(ledger_store):
    from subsidy_setup import apply, computed, ent, pol, programme

    s = ledger_store
    g = programme(s, "wuxi-2020")
    a = apply(s, g, pol(s, ent(s, 0), "W-1", premium=1_000_000), 1_000_000)
    assert computed(s, a) == 500_000
    rules = replace(programme_rules(s, g), ratio_bp=6000, max_ratio_bp=10000)
    update_programme(s, g, ProgrammeInput(rules.name, rules.year, rules, budget_fen=1_000_000_000))
    assert computed(s, a) == 600_000
    assert explain(s, a).steps[0] == "实缴保费 10,000.00 × 补贴比例 60% = 6,000.00"


def test_programme_fields_are_checked(ledger_store):
    with pytest.raises(InvalidInput) as caught:
        create_programme(ledger_store, ProgrammeInput("", 1999, budget_fen=-5, call_start="2024-05-01",
                                                      call_end="2024-04-01", region_code="999999"))
    fields = {i.field for i in caught.value.issues}
    assert {"name", "year", "budget_fen", "call_end", "region_code"} <= fields


def test_default_demo_rules_are_valid_wuxi_rules():
    rules = default_demo_rules(2023)
    assert not validate_rules(rules)
    assert (rules.ratio_bp, rules.cap_per_policy_fen, rules.year) == (5000, 30_000_000, 2023)
    assert rules_from_toml(export_of(rules)) == rules


def test_programme_without_rules_refuses_applications_until_rules_are_set(ledger_store):
    from ledger.errors import Refused

    from subsidy_setup import apply, computed, ent, pol

    s = ledger_store
    g = create_programme(s, ProgrammeInput("无规则项目", 2023, budget_fen=100_000_000)).id
    p = pol(s, ent(s, 0), "N-1", premium=1_000_000)
    with pytest.raises(Refused, match="尚未设置补贴规则"):
        apply(s, g, p, 1_000_000)
    update_programme(s, g, ProgrammeInput("无规则项目", 2023, budget_fen=50_000_000))
    assert get_programme(s, g)["rules"] is None and get_programme(s, g)["budget_fen"] == 50_000_000
    update_programme(s, g, ProgrammeInput("无规则项目", 2023, default_demo_rules(2023)))
    assert computed(s, apply(s, g, p, 1_000_000)) == 500_000
    assert programme_rules(s, g).budget_fen == 50_000_000
