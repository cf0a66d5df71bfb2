"""Writer side of the crash harness: endless write loops that journal every COMMIT.

Run as ``python -m tests.crash.writer MODE DB JOURNAL`` (or call :func:`run` in a forked child).
After each ``COMMIT`` returns, the writer appends a line ``<mode> <n>`` to ``JOURNAL`` and fsyncs
it, so the journal is a lower bound of what the database must contain after any crash. Modes:

``bulk``      one enterprise (the batch marker) + ``BULK_IP`` IP rights + ``BULK_POLICIES`` policies
              with their co-insurance row and insured-IP links, all in one transaction;
``edit``      ``update_enterprise`` through the service, again and again, on one enterprise
              (each edit sets ``notes`` and ``address`` to the same counter);
``workflow``  one subsidy application + ``WF_EVENTS`` subsidy_event rows + a state update per
              transaction;
``migration`` copy the schema-v1 fixture to ``<DB dir>/mig-<n>/ledger.sqlite`` (journal ``copy n``), then
              ``open_store`` it, which backs it up and migrates v1 → latest (journal ``mig n``).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

BULK_IP = 10
BULK_POLICIES = 3
WF_EVENTS = 4
EDIT_USCC = "91110000600037341L"
V1_FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.sqlite"
STATES = ("申报", "初审", "复核", "公示", "批准")


class Journal:
    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def note(self, line: str) -> None:
        os.write(self.fd, (line + "\n").encode())
        os.fsync(self.fd)


def _max_marker(store, sql: str, prefix: str) -> int:
    values = [r[0] for r in store.rows(sql)]
    return max((int(v[len(prefix):]) for v in values if v and v.startswith(prefix)), default=0)


def bulk(db: Path, journal: Journal) -> None:
    from ledger.store import lookups, open_store, records

    store = open_store(db, actor="崩溃测试")
    product = lookups.products(store.conn)[0]["id"]
    insurer = lookups.insurers(store.conn)[0]["id"]
    k = _max_marker(store, "SELECT notes FROM enterprise WHERE notes LIKE 'crash-bulk:%'", "crash-bulk:")
    while True:
        k += 1
        with store.write() as conn:
            eid, _ = records.insert(conn, "enterprise", {
                "name": f"崩溃批次企业{k}", "uscc": f"91{k:016d}", "district_code": "320214",
                "notes": f"crash-bulk:{k}"})
            ips = [records.insert(conn, "ip_right", {
                "enterprise_id": eid, "ip_type": "发明专利", "number": f"CRASH{k}-{j}"})[0]
                for j in range(BULK_IP)]
            for j in range(BULK_POLICIES):
                pid, _ = records.insert(conn, "policy", {
                    "policy_no": f"CR-{k}-{j}", "enterprise_id": eid, "product_id": product,
                    "sum_insured_fen": 100_000_00, "premium_fen": 2_000_00, "premium_paid_fen": 2_000_00,
                    "start_date": "2024-01-01", "end_date": "2025-01-01"})
                records.insert_link(conn, "policy_insurer", {
                    "policy_id": pid, "insurer_id": insurer, "share_bp": 10000, "is_lead": 1})
                records.insert_link(conn, "policy_ip_right", {"policy_id": pid, "ip_right_id": ips[j]})
        journal.note(f"bulk {k}")


def edit(db: Path, journal: Journal) -> None:
    from ledger.services.enterprises import EnterpriseInput, update_enterprise
    from ledger.store import lookups, open_store

    store = open_store(db, actor="崩溃测试")
    eid = lookups.id_by(store.conn, "enterprise", "uscc", EDIT_USCC)
    i = _max_marker(store, "SELECT notes FROM enterprise WHERE notes LIKE 'edit:%'", "edit:")
    while True:
        i += 1
        update_enterprise(store, eid, EnterpriseInput(
            name="无锡燊堃科技有限公司", uscc=EDIT_USCC, district_code="320214",
            address=f"地址{i}", notes=f"edit:{i}"))
        journal.note(f"edit {i}")


def workflow(db: Path, journal: Journal) -> None:
    from ledger.store import open_store, records

    store = open_store(db, actor="崩溃测试")
    programme = store.scalar("SELECT id FROM programme ORDER BY id LIMIT 1")
    policy = store.scalar("SELECT id FROM policy WHERE policy_no = 'WF-POLICY'")
    k = _max_marker(store, "SELECT application_no FROM subsidy_application", "WF-")
    while True:
        k += 1
        with store.write() as conn:
            app, _ = records.insert(conn, "subsidy_application", {
                "application_no": f"WF-{k}", "programme_id": programme, "policy_id": policy,
                "premium_paid_fen": 100_00, "submitted_at": "2024-03-01T09:00:00"})
            records.insert_many(conn, "subsidy_event", [
                {"application_id": app, "from_state": STATES[j], "to_state": STATES[j + 1],
                 "actor": "崩溃测试", "at": f"2024-03-0{j + 2}T09:00:00"} for j in range(WF_EVENTS)])
            records.update(conn, "subsidy_application", app, {"state": STATES[WF_EVENTS]})
        journal.note(f"wf {k}")


def migration(db: Path, journal: Journal) -> None:
    from ledger.store import open_store

    n = max((int(p.name[4:]) for p in migration_dirs(db.parent)), default=0)
    while True:
        n += 1
        target = migration_db(db.parent, n)
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(V1_FIXTURE, target)
        fd = os.open(target, os.O_RDONLY)
        os.fsync(fd)
        os.close(fd)
        journal.note(f"copy {n}")
        open_store(target, actor="崩溃测试").close()
        journal.note(f"mig {n}")


def migration_dirs(folder: Path) -> list[Path]:
    return [p for p in folder.glob("mig-*") if p.is_dir() and p.name[4:].isdigit()]


def migration_db(folder: Path, n: int) -> Path:
    return folder / f"mig-{n}" / "ledger.sqlite"


MODES = {"bulk": bulk, "edit": edit, "workflow": workflow, "migration": migration}


def run(mode: str, db: str | Path, journal: str | Path) -> None:
    MODES[mode](Path(db), Journal(Path(journal)))


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2], sys.argv[3])
