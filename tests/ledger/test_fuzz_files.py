"""Hostile files (fast variant): garbage, truncated and bit-flipped xlsx/csv; hostile exchange zips."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import targets as T


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_read_table_on_damaged_files_refuses_in_chinese(data):
    T.t_files(data)


@pytest.mark.skipif(bool(T.exchange_available()), reason=T.exchange_available() or "available")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_exchange_verify_refuses_hostile_packages_in_chinese(data):
    T.t_exchange(data)
