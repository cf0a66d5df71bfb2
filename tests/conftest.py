"""Shared fixtures: a fresh ledger database file per test."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "ledger.sqlite"


@pytest.fixture
def ledger_store(db_path):
    """An empty, migrated ledger with the bundled catalogue loaded."""
    from ledger.services.opening import open_ledger

    store = open_ledger(db_path, actor="测试员")
    yield store
    store.close()
