"""Audit trail: every write logged with actor and values; append-only; tampering detected."""

from __future__ import annotations

import json
import sqlite3

import pytest

from ledger import health
from ledger.services.enterprises import EnterpriseInput, create_enterprise, update_enterprise


def _make(store):
    inp = EnterpriseInput(name="宜兴垚焱陶瓷有限公司", uscc="91110000600037341L", district_code="320282")
    out = create_enterprise(store, inp)
    update_enterprise(store, out.id, EnterpriseInput(**{**inp.__dict__, "industry": "陶瓷"}))
    return out


def test_insert_and_update_are_logged_with_old_and_new_values(ledger_store):
    out = _make(ledger_store)
    rows = ledger_store.rows("SELECT * FROM audit_log WHERE record_uuid = ? ORDER BY seq", (out.uuid,))
    assert [r["op"] for r in rows] == ["INSERT", "UPDATE"]
    assert {r["actor"] for r in rows} == {"测试员"}
    assert json.loads(rows[1]["old_values"])["industry"] == ""
    assert json.loads(rows[1]["new_values"])["industry"] == "陶瓷"


def test_audit_log_is_append_only(ledger_store):
    _make(ledger_store)
    for sql in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(sqlite3.IntegrityError, match="审计日志只允许追加"):
            ledger_store.conn.execute(sql)


def test_check_detects_an_edited_and_a_removed_audit_row(ledger_store, db_path):
    _make(ledger_store)
    assert health.check(ledger_store).ok
    raw = sqlite3.connect(db_path)  # an attacker with a plain SQLite tool
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("DROP TRIGGER audit_log_no_delete")
    raw.execute("UPDATE audit_log SET new_values = replace(new_values, '陶瓷', '钢铁') WHERE op = 'UPDATE'")
    raw.commit()
    report = health.check(ledger_store)
    assert not report.ok and any("被改动" in p for p in report.audit_problems)
    seq = raw.execute("SELECT max(seq) - 1 FROM audit_log").fetchone()[0]
    raw.execute("DELETE FROM audit_log WHERE seq = ?", (seq,))
    raw.commit()
    raw.close()
    assert any("不连续" in p for p in health.check(ledger_store).audit_problems)


def test_plain_sqlite_tools_cannot_write_audited_tables(db_path, ledger_store):
    raw = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.OperationalError, match="app_now|app_actor|app_hash"):
        raw.execute("UPDATE enterprise SET name = 'x'") if raw.execute(
            "SELECT count(*) FROM enterprise").fetchone()[0] else raw.execute(
            "INSERT INTO enterprise (uuid, name, uscc, district_code, created_at, updated_at) "
            "VALUES ('u', 'x', '91110000600037341L', '320214', 't', 't')")
    raw.close()


def test_cascade_deleted_link_rows_are_audited_under_the_parent(ledger_store):
    from ledger.store import records

    from factories import enterprise, patent, policy

    eid = enterprise(ledger_store, 0)
    pid = policy(ledger_store, eid, "P-DEL", ip_ids=[patent(ledger_store, eid)])
    with ledger_store.write() as conn:  # the raw cascade, without the service's link cleanup
        records.delete(conn, "policy", pid)
    ops = ledger_store.rows("SELECT table_name, record_uuid FROM audit_log WHERE op = 'DELETE'")
    assert {r["table_name"] for r in ops} == {"policy", "policy_insurer", "policy_ip_right"}
    assert health.check(ledger_store).ok


def test_password_hashes_never_enter_the_audit_log(ledger_store):
    from ledger import security

    admin = security.setup_administrator(ledger_store, "admin", "管理员", "abc12345xyz")
    security.login(ledger_store, "admin", "abc12345xyz")
    security.reset_password(ledger_store, admin.id, "new12345abc")
    hashes = [r[0] for r in ledger_store.rows("SELECT password_hash FROM app_user")]
    log = "".join((r[0] or "") + (r[1] or "") for r in ledger_store.rows("SELECT old_values, new_values FROM audit_log"))
    assert hashes and all(h and h not in log for h in hashes)
    assert '"password_hash_set":1' in log.replace(" ", "")


def _reference_hash(*fields):
    """The chain's definition: sha256 of ``json.dumps(fields, ensure_ascii=False)``."""
    import hashlib

    return hashlib.sha256(json.dumps(list(fields), ensure_ascii=False).encode("utf-8")).hexdigest()


@pytest.mark.parametrize("old,new", [
    (None, '{"name": "宜兴垚焱陶瓷有限公司", "notes": "引号\\"与\\\\反斜杠"}'),
    ('{"a": 1}', None),
    ("制表\t换行\n回车\r\x00\x1f\u2028\u2029\ud7ff😀", "“全角”（括号）\u3000"),
    ("", ""),
])
def test_chain_hash_is_the_json_dumps_definition(old, new):
    from ledger.store.audit import GENESIS, chain_hash

    fields = (GENESIS, "2024-05-01T08:00:00", "张三@交换:JY#5", "policy", "policy#12", "INSERT", old, new)
    assert chain_hash(*fields) == _reference_hash(*fields)


def test_chain_hash_of_non_text_fields_falls_back_to_json_dumps():
    from ledger.store.audit import chain_hash

    fields = ("0" * 64, "2024-05-01T08:00:00", "x", "t", 12, "INSERT", 3.5, True)
    assert chain_hash(*fields) == _reference_hash(*fields)


def test_now_text_is_local_iso_seconds():
    import datetime as dt

    from ledger.store.audit import now_text

    before = dt.datetime.now().replace(microsecond=0)
    text = now_text()
    after = dt.datetime.now()
    assert before <= dt.datetime.fromisoformat(text) <= after
    assert text == dt.datetime.fromisoformat(text).isoformat(timespec="seconds")
