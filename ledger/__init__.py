"""Headless core of 知识产权保险试点工作台: records, validation, rules, statistics and the SQLite store.

Never imports PySide6, reportlab or openpyxl (enforced by tests/test_layering.py).
"""

__version__ = "0.1.0"
