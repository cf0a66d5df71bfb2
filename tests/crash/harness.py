"""Parent side of the crash harness: start a writer, SIGKILL it at a random moment, check the file.

After every kill the database is reopened and must show: ``PRAGMA integrity_check`` ok, an empty
``foreign_key_check``, every transaction all-or-nothing (each batch marker with all its child rows
or nothing), no commit lost (every marker the writer journalled after ``COMMIT`` returned is in
the file), a valid audit hash chain and clean domain invariants (``ledger.health.check``), and —
for migrations — ``user_version`` at a step of the ladder (each step is one transaction) and
the schema exactly what that step produces, never half a step.

SIGKILL simulates an application crash (the OS keeps its page cache); power loss is not
simulated. The writer is forked from this process by default (modules already imported, so a
kill can land anywhere from opening the database onwards); ``spawn=True`` runs
``python -m tests.crash.writer`` instead.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tests.crash import writer

_REFERENCE: dict[int, frozenset[tuple[str, str]]] = {}


def _schema_of(db: Path) -> frozenset[tuple[str, str]]:
    conn = sqlite3.connect(db)
    try:
        return frozenset(conn.execute("SELECT type, name FROM sqlite_master").fetchall())
    finally:
        conn.close()


def _reference_schemas() -> dict[int, frozenset[tuple[str, str]]]:
    """The schema objects after each migration step, built once from the v1 fixture."""
    if not _REFERENCE:
        import shutil
        import tempfile

        from ledger.store import audit, migrations

        with tempfile.TemporaryDirectory() as tmp:
            for version in range(1, migrations.LATEST_VERSION + 1):
                db = Path(tmp) / f"v{version}.sqlite"
                shutil.copy(writer.V1_FIXTURE, db)
                conn = sqlite3.connect(db, isolation_level=None)
                audit.register_functions(conn, lambda: "reference")
                migrations.migrate(conn, stop_before=version + 1)
                conn.close()
                _REFERENCE[version] = _schema_of(db)
    return _REFERENCE

ROOT = Path(__file__).resolve().parents[2]
MODES = ("bulk", "edit", "workflow", "migration")


@dataclass
class Figures:
    kills: int = 0
    committed: int = 0  # transactions the writers journalled after COMMIT returned
    unjournalled: int = 0  # committed, but the kill came before the journal line (allowed)
    integrity_failures: int = 0
    lost_commits: int = 0
    partial_transactions: int = 0
    chain_failures: int = 0
    writer_errors: int = 0
    migrations_checked: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.integrity_failures or self.lost_commits or self.partial_transactions
                    or self.chain_failures or self.writer_errors)

    def summary(self) -> str:
        return (f"kills={self.kills} committed={self.committed} unjournalled={self.unjournalled} "
                f"integrity_failures={self.integrity_failures} lost_commits={self.lost_commits} "
                f"partial_transactions={self.partial_transactions} chain_failures={self.chain_failures} "
                f"writer_errors={self.writer_errors} migrations_checked={self.migrations_checked} "
                f"seconds={self.seconds:.1f}")


# -- preparing the databases ------------------------------------------------------------------
def prepare(workdir: Path, mode: str) -> Path:
    """Create the database a writer of ``mode`` works on; return its path."""
    from ledger.services.enterprises import EnterpriseInput, create_enterprise
    from ledger.services.opening import open_ledger
    from ledger.store import lookups, records

    folder = workdir / mode
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "ledger.sqlite"
    if mode == "migration":
        return db  # the writer makes mig-<n>/ledger.sqlite copies of the v1 fixture
    store = open_ledger(db, actor="崩溃测试")
    try:
        if mode == "edit":
            create_enterprise(store, EnterpriseInput(name="无锡燊堃科技有限公司", uscc=writer.EDIT_USCC,
                                                     district_code="320214"))
        elif mode == "workflow":
            with store.write() as conn:
                records.insert(conn, "programme", {"name": "崩溃测试补贴计划", "year": 2024})
                eid, _ = records.insert(conn, "enterprise", {
                    "name": "崩溃测试企业", "uscc": "91310115591693856A", "district_code": "320214"})
                pid, _ = records.insert(conn, "policy", {
                    "policy_no": "WF-POLICY", "enterprise_id": eid,
                    "product_id": lookups.products(conn)[0]["id"], "sum_insured_fen": 100_000_00,
                    "premium_fen": 2_000_00, "premium_paid_fen": 2_000_00,
                    "start_date": "2024-01-01", "end_date": "2025-01-01"})
                records.insert_link(conn, "policy_insurer", {
                    "policy_id": pid, "insurer_id": lookups.insurers(conn)[0]["id"],
                    "share_bp": 10000, "is_lead": 1})
    finally:
        store.close()
    return db


# -- running and killing a writer -------------------------------------------------------------
def _child(mode: str, db: Path, journal: Path, errors: Path) -> None:
    code = 0
    try:
        writer.run(mode, db, journal)
    except BaseException:  # noqa: BLE001 - reported to the parent through the error file
        errors.write_text(traceback.format_exc(), encoding="utf-8")
        code = 1
    os._exit(code)


def _journal_lines(journal: Path) -> int:
    try:
        return journal.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def kill_once(mode: str, db: Path, journal: Path, delay: float, *, spawn: bool = False) -> str:
    """Start a writer, SIGKILL it after ``delay`` seconds; return '' or what went wrong."""
    errors = db.parent / "writer-error.txt"
    errors.unlink(missing_ok=True)
    if spawn:
        before = _journal_lines(journal)
        proc = subprocess.Popen([sys.executable, "-m", "tests.crash.writer", mode, str(db), str(journal)],
                                cwd=ROOT, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while _journal_lines(journal) == before and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)  # wait for the interpreter to start and commit once
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        _, err = proc.communicate()
        if proc.returncode != -signal.SIGKILL:
            return f"{mode} 写入进程提前退出（{proc.returncode}）：{err.decode(errors='replace')[-800:]}"
        return ""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        _child(mode, db, journal, errors)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
        detail = errors.read_text(encoding="utf-8") if errors.exists() else ""
        return f"{mode} 写入进程提前退出（{status}）：{detail[-800:]}"
    return ""


# -- checking ---------------------------------------------------------------------------------
def _journal(journal: Path, tag: str) -> list[int]:
    if not journal.exists():
        return []
    out = []
    for line in journal.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == tag and parts[1].isdigit():
            out.append(int(parts[1]))
    return out


def _sqlite_checks(conn: sqlite3.Connection) -> list[str]:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    problems = [] if rows == ["ok"] else rows
    problems += [f"外键问题 {tuple(r)}" for r in conn.execute("PRAGMA foreign_key_check")]
    return problems


def _health(db: Path, figures: Figures, label: str) -> None:
    from ledger.health import check
    from ledger.store import open_store

    store = open_store(db, actor="崩溃检查")
    try:
        report = check(store)
    finally:
        store.close()
    if not report.ok:
        figures.chain_failures += 1
        figures.problems.append(f"{label}: " + "；".join(report.lines()))


def _marker_ids(conn: sqlite3.Connection, sql: str, prefix: str) -> dict[int, int]:
    return {int(v[len(prefix):]): rid for v, rid in conn.execute(sql)}


def _check_bulk(conn: sqlite3.Connection, journal: Path, f: Figures) -> list[int]:
    markers = _marker_ids(conn, "SELECT notes, id FROM enterprise WHERE notes LIKE 'crash-bulk:%'",
                          "crash-bulk:")
    counts = conn.execute(
        "SELECT e.notes, (SELECT count(*) FROM ip_right r WHERE r.enterprise_id = e.id),"
        " (SELECT count(*) FROM policy p WHERE p.enterprise_id = e.id),"
        " (SELECT count(*) FROM policy_insurer pi JOIN policy p ON p.id = pi.policy_id WHERE p.enterprise_id = e.id),"
        " (SELECT count(*) FROM policy_ip_right pr JOIN policy p ON p.id = pr.policy_id WHERE p.enterprise_id = e.id)"
        " FROM enterprise e WHERE e.notes LIKE 'crash-bulk:%'").fetchall()
    want = (writer.BULK_IP, writer.BULK_POLICIES, writer.BULK_POLICIES, writer.BULK_POLICIES)
    for notes, *got in counts:
        if tuple(got) != want:
            f.partial_transactions += 1
            f.problems.append(f"bulk 批次 {notes} 不完整：{got} ≠ {want}")
    stray = conn.execute("SELECT count(*) FROM ip_right WHERE number LIKE 'CRASH%' AND enterprise_id NOT IN"
                         " (SELECT id FROM enterprise WHERE notes LIKE 'crash-bulk:%')").fetchone()[0]
    if stray:
        f.partial_transactions += 1
        f.problems.append(f"bulk: {stray} 条知识产权没有批次标记")
    return sorted(markers)


def _check_edit(conn: sqlite3.Connection, journal: Path, f: Figures) -> list[int]:
    row = conn.execute("SELECT uuid, notes, address, revision FROM enterprise WHERE uscc = ?",
                       (writer.EDIT_USCC,)).fetchone()
    uuid, notes, address, revision = row
    i = int(notes[5:]) if notes.startswith("edit:") else 0
    if i and address != f"地址{i}":
        f.partial_transactions += 1
        f.problems.append(f"edit: 备注 {notes} 与地址 {address} 不是同一次修改")
    updates = conn.execute("SELECT count(*) FROM audit_log WHERE record_uuid = ? AND op = 'UPDATE'",
                           (uuid,)).fetchone()[0]
    if revision - 1 != updates:
        f.partial_transactions += 1
        f.problems.append(f"edit: 版本号 {revision} 与审计日志中的 {updates} 次修改不符")
    return list(range(1, i + 1))  # edits are sequential: edit i implies 1..i


def _check_workflow(conn: sqlite3.Connection, journal: Path, f: Figures) -> list[int]:
    markers = _marker_ids(conn, "SELECT application_no, id FROM subsidy_application WHERE application_no LIKE 'WF-%'",
                          "WF-")
    for no, events, state in conn.execute(
            "SELECT a.application_no, (SELECT count(*) FROM subsidy_event e WHERE e.application_id = a.id), a.state"
            " FROM subsidy_application a WHERE a.application_no LIKE 'WF-%'"):
        if events != writer.WF_EVENTS or state != writer.STATES[writer.WF_EVENTS]:
            f.partial_transactions += 1
            f.problems.append(f"workflow 申请 {no} 不完整：{events} 条事件，状态 {state}")
    return sorted(markers)


CHECKS = {"bulk": ("bulk", _check_bulk), "edit": ("edit", _check_edit), "workflow": ("wf", _check_workflow)}


def verify(mode: str, db: Path, journal: Path, f: Figures, checked: set[int]) -> None:
    """Check the database(s) of ``mode`` after a kill; add what is wrong to ``f``."""
    if mode == "migration":
        _verify_migrations(db.parent, journal, f, checked)
        return
    tag, check = CHECKS[mode]
    conn = sqlite3.connect(db)
    try:
        problems = _sqlite_checks(conn)
        if problems:
            f.integrity_failures += 1
            f.problems.append(f"{mode}: {problems[:5]}")
        present = set(check(conn, journal, f))
    finally:
        conn.close()
    journalled = set(_journal(journal, tag))
    lost = journalled - present
    if lost:
        f.lost_commits += len(lost)
        f.problems.append(f"{mode}: 已提交的 {sorted(lost)[:10]} 丢失")
    _health(db, f, mode)


def _verify_migrations(folder: Path, journal: Path, f: Figures, checked: set[int]) -> None:
    from ledger.store import migrations

    copied = set(_journal(journal, "copy"))
    migrated = set(_journal(journal, "mig"))
    for n in sorted(copied - checked):
        db = writer.migration_db(folder, n)
        conn = sqlite3.connect(db)
        try:
            problems = _sqlite_checks(conn)
            version = migrations.schema_version(conn)
            counts = conn.execute("SELECT (SELECT count(*) FROM enterprise), (SELECT count(*) FROM ip_right)").fetchone()
        finally:
            conn.close()
        if problems:
            f.integrity_failures += 1
            f.problems.append(f"migration {n}: {problems[:5]}")
        if version not in _reference_schemas() or _schema_of(db) != _reference_schemas()[version]:
            f.partial_transactions += 1
            f.problems.append(f"migration {n}: user_version={version}，结构与该版本不符（迁移步骤不完整）")
        if n in migrated and version != migrations.LATEST_VERSION:
            f.lost_commits += 1
            f.problems.append(f"migration {n}: 已完成的迁移丢失（user_version={version}）")
        if tuple(counts) != (1, 1):
            f.partial_transactions += 1
            f.problems.append(f"migration {n}: 原有记录变为 {tuple(counts)}")
        _health(db, f, f"migration {n}")  # reopening finishes an interrupted migration
        conn = sqlite3.connect(db)
        try:
            if migrations.schema_version(conn) != migrations.LATEST_VERSION:
                f.partial_transactions += 1
                f.problems.append(f"migration {n}: 重新打开后未完成迁移")
        finally:
            conn.close()
        checked.add(n)
        f.migrations_checked += 1


# -- the whole run ----------------------------------------------------------------------------
def run(workdir: Path, kills: int, *, modes: Sequence[str] = MODES, seed: int = 7,
        max_delay: float = 0.4, spawn: bool = False, progress=None) -> Figures:
    """``kills`` kill/verify rounds, cycling through ``modes``; return the figures."""
    rng = random.Random(seed)
    figures = Figures()
    started = time.monotonic()
    dbs = {mode: prepare(workdir, mode) for mode in modes}
    journals = {mode: workdir / mode / "journal.txt" for mode in modes}
    checked: set[int] = set()
    for i in range(kills):
        mode = modes[i % len(modes)]
        problem = kill_once(mode, dbs[mode], journals[mode], rng.uniform(0.0, max_delay), spawn=spawn)
        figures.kills += 1
        if problem:
            figures.writer_errors += 1
            figures.problems.append(problem)
        verify(mode, dbs[mode], journals[mode], figures, checked)
        if progress is not None:
            progress(i + 1, figures)
    for mode in modes:
        tag = "mig" if mode == "migration" else CHECKS[mode][0]
        figures.committed += len(_journal(journals[mode], tag))
    figures.unjournalled = _unjournalled(dbs, journals)
    figures.seconds = time.monotonic() - started
    return figures


def _unjournalled(dbs: dict[str, Path], journals: dict[str, Path]) -> int:
    """Commits that reached the file although the writer died before journalling them."""
    extra = 0
    for mode, db in dbs.items():
        if mode == "migration":
            continue
        tag, check = CHECKS[mode]
        conn = sqlite3.connect(db)
        try:
            present = set(check(conn, journals[mode], Figures()))
        finally:
            conn.close()
        extra += len(present - set(_journal(journals[mode], tag)))
    return extra
