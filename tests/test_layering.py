"""Dependency direction desktop → reports → ledger, and headless ledger/reports."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMPORT = re.compile(r"^\s*(?:from|import)\s+([A-Za-z_][\w.]*)", re.MULTILINE)


def _imports(package: str) -> dict[str, set[str]]:
    found = {}
    for path in (ROOT / package).rglob("*.py"):
        found[str(path.relative_to(ROOT))] = {m.split(".")[0] for m in IMPORT.findall(path.read_text("utf-8"))}
    return found


def test_ledger_imports_no_qt_and_no_report_libraries():
    banned = {"PySide6", "shiboken6", "reportlab", "openpyxl", "xlsxwriter", "reports", "desktop"}
    leaks = {f: mods & banned for f, mods in _imports("ledger").items() if mods & banned}
    assert not leaks


def test_reports_import_no_qt_and_not_desktop():
    leaks = {f: mods & {"PySide6", "shiboken6", "desktop"} for f, mods in _imports("reports").items()
             if mods & {"PySide6", "shiboken6", "desktop"}}
    assert not leaks


def test_sql_lives_only_in_the_store():
    sql = re.compile(r"""["'](?:SELECT|INSERT|UPDATE|DELETE)\s+[\w*(]""")
    offenders = []
    for package in ("ledger", "reports", "desktop"):
        for path in (ROOT / package).rglob("*.py"):
            rel = path.relative_to(ROOT)
            if rel.parts[:2] == ("ledger", "store"):
                continue
            if sql.search(path.read_text("utf-8")):
                offenders.append(str(rel))
    assert not offenders


def test_import_linter_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is part of the test extras"
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_headless_cli_does_not_load_qt(tmp_path):
    code = (
        "import sys, desktop.cli as c; rc = c.main(['--db', sys.argv[1], 'check']);"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt loaded'; sys.exit(rc)"
    )
    from ledger.services.opening import open_ledger

    open_ledger(tmp_path / "x.sqlite").close()
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "x.sqlite")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
