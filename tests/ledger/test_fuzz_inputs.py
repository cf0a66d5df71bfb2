"""Hostile input (fast variant): validators, money, cell parsers, headers and TOML rules.

Every rejection must be a LedgerError/ValueError with a Chinese message; returned Issues are
Chinese too (tests/fuzzing/targets.py). The volume run is benchmarks/fuzz.py.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger import money
from ledger.errors import InvalidInput
from ledger.subsidy.toml_io import rules_from_toml
from tests.fuzzing import targets as T

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.data())
def test_validators_never_crash(data):
    T.t_validators(data)


@FAST
@given(st.data())
def test_money_never_crashes(data):
    T.t_money(data)


@FAST
@given(st.data())
def test_cell_parsers_never_crash(data):
    T.t_parsers(data)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_header_mapping_and_rows_never_crash(data):
    T.t_headers(data)


@FAST
@given(st.data())
def test_toml_rules_never_crash(data):
    T.t_toml(data)


@pytest.mark.parametrize("text", ["programme = false\n", "ratio = 3\nprogramme = []\n", "[ratio]\ndefault = true\n"])
def test_toml_sections_of_the_wrong_type_are_refused_in_chinese(text):
    with pytest.raises(InvalidInput) as err:
        rules_from_toml(text)
    assert T.CJK.search(err.value.message)


@pytest.mark.parametrize("bad", [1.5, "100", None])
def test_money_formatters_refuse_non_integer_fen_in_chinese(bad):
    with pytest.raises((TypeError, ValueError), match="金额"):
        money.chinese_capital(bad)
