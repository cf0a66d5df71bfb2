"""A demo ledger (``ledger.demo.generate(scale='local', seed=7)``) built once per test run, copied per test."""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ledger.services.opening import open_ledger

ROOT = Path(__file__).resolve().parents[2]
CASE_YEAR = 2022  # the demo's typical cases are dated 2020 and 2022


@functools.cache
def _master() -> Path:
    from ledger.demo import generate

    path = Path(tempfile.mkdtemp(prefix="ipdesk-demo-")) / "demo.sqlite"
    store = open_ledger(path, actor="测试员")
    try:
        generate(store, scale="local", seed=7)
    finally:
        store.close()
    return path


def demo_db(tmp_path: Path) -> Path:
    """A private copy of the demo ledger in ``tmp_path``."""
    dest = tmp_path / "demo.sqlite"
    shutil.copyfile(_master(), dest)
    return dest


def ipdesk(*args: str, db: Path) -> subprocess.CompletedProcess:
    """Run the real CLI (``python -m desktop.cli --db DB …``) and capture its output."""
    return subprocess.run([sys.executable, "-m", "desktop.cli", "--db", str(db), *args],
                          cwd=ROOT, capture_output=True, text=True)


def stats_json(db: Path, *args: str) -> dict:
    result = ipdesk("stats", "--json", *args, db=db)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
