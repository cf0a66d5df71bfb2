"""Qt tests run offscreen; every test gets a fresh database file."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.qt_workarounds import pin_bool_singletons  # noqa: E402

pin_bool_singletons()  # PySide6 6.12.0 emit() refcount bug on Python 3.11

import pytest  # noqa: E402

from ledger.store import open_store  # noqa: E402
from tests.desktop.sample_data import populate  # noqa: E402


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "ledger.sqlite", actor="测试员")
    yield s
    s.close()


@pytest.fixture
def filled_store(store):
    populate(store, enterprises=150)
    return store


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """QSettings go to the test's own folder, never the user's."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture(autouse=True)
def _default_display_preferences():
    """日期格式 / 金额显示单位 are process-wide display state: every test starts from the defaults."""
    from desktop.models import formatting

    yield
    formatting.set_display_preferences({"date_format": "YYYY-MM-DD", "amount_unit": "万元"})
