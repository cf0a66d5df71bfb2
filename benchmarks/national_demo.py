"""Build the national demo database and compare with raw SQLite in the same process.

    .venv/bin/python benchmarks/national_demo.py [--scale national] [--out benchmarks/out/national.sqlite]

Prints: generation time and file size; the same row counts written by a raw ``executemany``
into plain (non-STRICT, trigger-free, journal_mode=DELETE) tables as the baseline, with the
ratio; then the statistics service against the equivalent raw aggregate queries.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from ledger import stats
from ledger.demo import generate
from ledger.services.opening import open_ledger

TABLES = ("enterprise", "ip_right", "policy", "policy_insurer", "policy_ip_right", "subsidy_application",
          "subsidy_event", "claim", "claim_cost_item", "claim_payment")


def raw_baseline(counts: dict[str, int], columns: dict[str, int]) -> float:
    """Write the same number of rows, same column counts, with plain executemany."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "raw.sqlite", isolation_level=None)
        started = time.perf_counter()
        conn.execute("BEGIN")
        for table, n in counts.items():
            cols = [f"c{i}" for i in range(columns[table])]
            conn.execute(f"CREATE TABLE {table} ({', '.join(cols)})")
            row = tuple(f"值{i}" if i % 2 else i for i in range(len(cols)))
            conn.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(cols))})", (row for _ in range(n)))
        conn.execute("COMMIT")
        elapsed = time.perf_counter() - started
        conn.close()
    return elapsed


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="national")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out/national.sqlite"))
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.out.exists():
        print(f"复用已有数据库 {args.out}（删除后重跑可重新计时）")
        store = open_ledger(args.out)
        gen_time = None
    else:
        store = open_ledger(args.out)
        started = time.perf_counter()
        generate(store, scale=args.scale, seed=2022)
        gen_time = time.perf_counter() - started
    counts = {t: store.scalar(f"SELECT count(*) FROM {t}") for t in TABLES}
    columns = {t: len(store.rows(f"PRAGMA table_info({t})")) for t in TABLES}
    size_mb = args.out.stat().st_size / 1e6
    print("行数：" + "，".join(f"{t} {n:,}" for t, n in counts.items()))
    print(f"数据库大小：{size_mb:,.1f} MB；审计日志 {store.scalar('SELECT count(*) FROM audit_log'):,} 条")
    if gen_time is not None:
        base = raw_baseline(counts, columns)
        print(f"生成演示数据：{gen_time:,.1f} 秒；原始 executemany 基线（同样行数、无约束无触发器）：{base:,.1f} 秒；"
              f"比值 {gen_time / base:,.1f}×（差额为校验、外键、STRICT、审计哈希链与全文索引）")
    conn = store.conn
    ours = timed(lambda: stats.compute(store))
    raw = timed(lambda: [conn.execute(sql).fetchall() for sql in (
        "SELECT count(*), count(DISTINCT enterprise_id), sum(sum_insured_fen), sum(premium_fen) FROM policy",
        "SELECT c.policy_id, sum(ci.paid_fen) FROM claim c JOIN claim_cost_item ci ON ci.claim_id = c.id "
        "GROUP BY c.policy_id",
        "SELECT count(DISTINCT ip_right_id) FROM policy_ip_right",
        "SELECT state, sum(approved_fen), sum(paid_fen) FROM subsidy_application GROUP BY state",
        "SELECT product_id, count(*), sum(premium_fen) FROM policy GROUP BY product_id",
    )])
    print(f"统计服务（全部口径与分组）：{ours * 1000:,.0f} ms；五条原始聚合 SQL：{raw * 1000:,.0f} ms；"
          f"比值 {ours / raw:,.1f}×")
    year = timed(lambda: stats.compute(store, year=2024))
    print(f"单年度统计（2024）：{year * 1000:,.0f} ms")
    store.close()


if __name__ == "__main__":
    main()
