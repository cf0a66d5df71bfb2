"""Hostile-input targets shared by tests/ledger/test_fuzz_*.py and benchmarks/fuzz.py."""
