"""Deterministic demo data for an empty ledger: ``generate(store, scale=..., seed=2022)``."""

from ledger.demo.generator import (
    SCALES,
    DemoSummary,
    generate,
    is_empty,
    login_hint,
    rules_for_year,
)

__all__ = ["SCALES", "DemoSummary", "generate", "is_empty", "login_hint", "rules_for_year"]
