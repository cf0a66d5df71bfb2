"""Benchmark: import a 100k-row policy workbook vs. the raw read + raw insert of the same rows.

    .venv/bin/python benchmarks/import_policies.py [--rows 100000] [--db national.sqlite] [--keep DIR]

Without ``--db`` a minimal ledger is built (2,000 enterprises with valid USCCs, the bundled
catalogue of products and insurers).  The workbook is written with xlsxwriter
(constant_memory).  In one process the script times

* baseline (a): python-calamine reading every row + ``sqlite3.executemany`` of the same rows
  into a scratch table (no triggers, no indexes, one transaction) of a scratch database file;
* baseline (b): python-calamine reading every row again + a raw ``executemany`` INSERT of the
  same rows into the real ``policy`` table of a fresh ledger with the same schema and
  enterprises (one transaction, on the application's own connection with the 64 MiB page cache
  the import uses: its audit trigger, indexes, CHECKs and foreign keys are part of that table).  The cells are mapped to columns with no
  validation at all (USCC and product name → id by dict, amounts × 100, dates as text);
  the same rows' (co-)insurers go in as ``policy_insurer`` link rows (the share text of each
  row mapped by a hand-made dict), so it writes what the import writes, audit rows included;
* ours: ``plan_import`` (read, normalise, validate against the ledger) + ``apply_import``
  (one audited transaction, links included).

It prints every phase, both ratios (the issue's target is ≤ 1.5 of baseline (a)) and the peak
RSS (``resource.getrusage``: after the baselines and at the end; the baselines' row lists are
dropped before the import runs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import re
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import python_calamine as calamine  # noqa: E402
import xlsxwriter  # noqa: E402

from ledger.demo.identifiers import uscc  # noqa: E402
from ledger.importing.writer import apply_import, plan_import  # noqa: E402
from ledger.services.opening import open_ledger  # noqa: E402
from ledger.store import import_sql, lookups, records  # noqa: E402
from ledger.store.audit import now_text  # noqa: E402
from ledger.store.database import new_uuid  # noqa: E402

HEADER = ["保单号", "统一社会信用代码", "投保人", "险种", "保险机构", "保险金额（元）", "保费（元）",
          "实缴保费", "保险起期", "保险止期", "签单日期", "保单状态", "是否海外"]
SHARES = ["人保财险", "平安产险", "太保产险", "人保财险60%、平安产险40%", "太平科技", "国寿财险"]


def build_minimal_ledger(path: Path, n: int = 2000) -> None:
    store = open_ledger(path, actor="benchmark")
    rng, seen = random.Random(7), set()
    rows = [{"name": f"基准测试科技有限公司{i:05d}", "uscc": uscc(rng, "320214", seen),
             "district_code": "320214", "tags": "[]"} for i in range(n)]
    with store.write() as conn:
        records.insert_many(conn, "enterprise", rows, office=store.office_id)
    store.close()


def enterprises(path: Path) -> list[tuple[str, str]]:
    store = open_ledger(path)
    try:
        return [(r["uscc"], r["name"]) for r in store.rows("SELECT uscc, name FROM enterprise LIMIT 5000")]
    finally:
        store.close()


def products(path: Path) -> list[str]:
    store = open_ledger(path)
    try:
        return [r["name"] for r in lookups.products(store.conn)][:10]
    finally:
        store.close()


def write_workbook(path: Path, n: int, firms: list[tuple[str, str]], prods: list[str]) -> None:
    rng = random.Random(2024)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("保单")
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, HEADER)
    for i in range(n):
        code, name = firms[i % len(firms)]
        premium = rng.randrange(2_000, 80_000)
        year, month = 2019 + i % 5, 1 + i % 12
        start = f"{year}-{month:02d}-01"
        r = i + 1
        ws.write_string(r, 0, f"BM{year}{i:08d}")
        ws.write_string(r, 1, code)
        ws.write_string(r, 2, name)
        ws.write_string(r, 3, prods[i % len(prods)])
        ws.write_string(r, 4, SHARES[i % len(SHARES)])
        ws.write_number(r, 5, premium * 30)
        ws.write_number(r, 6, premium)
        ws.write_number(r, 7, premium)
        ws.write_string(r, 8, start)
        ws.write_string(r, 9, f"{year + 1}-{month:02d}-01")
        ws.write_datetime(r, 10, dt.datetime(year, month, 1) - dt.timedelta(days=10), date)
        ws.write_string(r, 11, "生效")
        ws.write_string(r, 12, "否")
    wb.close()


def baseline(xlsx: Path, scratch: Path) -> tuple[float, float, int]:
    t0 = time.perf_counter()
    wb = calamine.CalamineWorkbook.from_path(str(xlsx))
    rows = list(wb.get_sheet_by_name("保单").iter_rows())[1:]
    t1 = time.perf_counter()
    conn = sqlite3.connect(scratch, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"CREATE TABLE scratch ({', '.join(f'c{i}' for i in range(len(HEADER)))})")
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO scratch VALUES ({', '.join('?' * len(HEADER))})", rows)
    conn.execute("COMMIT")
    conn.close()
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, len(rows)


POLICY_COLUMNS = ("uuid", "policy_no", "enterprise_id", "product_id", "sum_insured_fen", "premium_fen",
                  "premium_paid_fen", "start_date", "end_date", "signed_date", "status", "overseas",
                  "created_at", "updated_at", "origin_office")


def share_pools(store) -> dict[str, list[tuple[int, int, int]]]:  # noqa: ANN001
    """The workbook's six 保险机构 spellings → (insurer_id, share_bp, is_lead) link rows, by hand."""
    ids = {r["short_name"]: r["id"] for r in lookups.insurers(store.conn)}
    pools = {}
    for text in SHARES:
        parts = [re.match(r"(.+?)(\d+)%$", p).groups() if "%" in p else (p, "100") for p in text.split("、")]
        pools[text] = [(ids[name], int(pct) * 100, int(k == 0)) for k, (name, pct) in enumerate(parts)]
    return pools


def baseline_ledger(xlsx: Path, db: Path) -> tuple[float, float, int, int]:
    """Read again, then a raw executemany into the real ``policy`` table of the ledger ``db``."""
    t0 = time.perf_counter()
    wb = calamine.CalamineWorkbook.from_path(str(xlsx))
    rows = list(wb.get_sheet_by_name("保单").iter_rows())[1:]
    t1 = time.perf_counter()
    store = open_ledger(db, actor="benchmark")
    try:
        audit_before = store.scalar("SELECT count(*) FROM audit_log")
        t_start = time.perf_counter()
        firms = {r["uscc"]: r["id"] for r in store.rows("SELECT uscc, id FROM enterprise")}
        prods = {r["name"]: r["id"] for r in lookups.products(store.conn)}
        now, office = now_text(), store.office_id
        params = ((new_uuid(), r[0], firms[r[1]], prods[r[3]], round(r[5] * 100), round(r[6] * 100),
                   round(r[7] * 100), r[8], r[9], r[10].isoformat(), r[11], 0, now, now, office)
                  for r in rows)
        pools = share_pools(store)
        with store.write() as wconn, import_sql.bulk_cache(wconn):
            first_id = (wconn.execute("SELECT max(id) FROM policy").fetchone()[0] or 0) + 1
            wconn.executemany(f"INSERT INTO policy ({', '.join(POLICY_COLUMNS)}) "
                              f"VALUES ({', '.join('?' * len(POLICY_COLUMNS))})", params)
            ids = [r[0] for r in wconn.execute("SELECT id FROM policy WHERE id >= ? ORDER BY id", (first_id,))]
            # the same rows' insurers: the ledger keeps each (co-)insurer of a policy as a link row
            wconn.executemany("INSERT INTO policy_insurer (policy_id, insurer_id, share_bp, is_lead) VALUES (?, ?, ?, ?)",
                              ((pid, *link) for pid, r in zip(ids, rows, strict=True) for link in pools[r[4]]))
        t2 = time.perf_counter()
        audit_rows = store.scalar("SELECT count(*) FROM audit_log") - audit_before
    finally:
        store.close()
    return t1 - t0, t2 - t_start, len(rows), audit_rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--db", type=Path, help="an existing ledger (e.g. a national demo); default: minimal")
    ap.add_argument("--keep", type=Path, help="keep the workbook and databases in this folder")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="ipdesk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "ledger.sqlite"
    if args.db:
        db.write_bytes(args.db.read_bytes())
    else:
        build_minimal_ledger(db)
    xlsx = work / "policies.xlsx"
    t = time.perf_counter()
    write_workbook(xlsx, args.rows, enterprises(db), products(db))
    print(f"工作簿：{args.rows:,} 行，{xlsx.stat().st_size / 1e6:.1f} MB，生成 {time.perf_counter() - t:.1f} 秒")

    fresh = work / "fresh.sqlite"
    if args.db:
        fresh.write_bytes(args.db.read_bytes())
    else:
        build_minimal_ledger(fresh)

    read_s, insert_s, n = baseline(xlsx, work / "scratch.sqlite")
    base_a = read_s + insert_s
    gc.collect()
    print(f"基准 (a)：calamine 读取 {read_s:.2f} 秒 + SQLite 批量插入草稿表（无触发器、无索引）"
          f"{insert_s:.2f} 秒 = {base_a:.2f} 秒（{n:,} 行）")
    read_b, insert_b, n_b, audit_b = baseline_ledger(xlsx, fresh)
    base_b = read_b + insert_b
    gc.collect()
    print(f"基准 (b)：calamine 读取 {read_b:.2f} 秒 + 原样批量插入新台账 policy 表及其保险机构链接表（审计触发器、索引、"
          f"约束、外键，不校验）{insert_b:.2f} 秒 = {base_b:.2f} 秒（{n_b:,} 行；审计日志 +{audit_b:,} 条）")
    peak_base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    store = open_ledger(db, actor="benchmark")
    audit_before = store.scalar("SELECT count(*) FROM audit_log")
    t0 = time.perf_counter()
    plan = plan_import(store, "policies", xlsx)
    t1 = time.perf_counter()
    result = apply_import(store, plan)
    t2 = time.perf_counter()
    audit_rows = store.scalar("SELECT count(*) FROM audit_log") - audit_before
    store.close()
    ours = t2 - t0
    print(f"导入：检查 {t1 - t0:.2f} 秒 + 写入 {t2 - t1:.2f} 秒 = {ours:.2f} 秒；{result.summary()}；"
          f"审计日志 +{audit_rows:,} 条")
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"比值：对基准 (a) {ours / base_a:.2f}（目标 ≤ 1.5）；对基准 (b) {ours / base_b:.2f}")
    print(f"峰值内存：基准之后 {peak_base / 1024:.0f} MB；全程 {peak_kb / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
