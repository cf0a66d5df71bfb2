"""Exchange of the national demo database: package size and export time, import time and memory.

    .venv/bin/python benchmarks/exchange_national.py [--scale national] [--source DB] [--out benchmarks/out]

``--source`` copies an existing demo database (SQLite backup API; the source is never modified),
otherwise the demo generator builds one. Then: export of everything as package 1, import into an
empty city database (verify, backup, merge), and a second, small package (100 edited enterprises)
to show the incremental case. Prints one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from ledger import exchange, security
from ledger.demo import generate
from ledger.services.opening import open_ledger
from ledger.store import records
from ledger.store.backup import backup_file


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="national", choices=("local", "city", "national"))
    parser.add_argument("--source", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out/exchange"))
    args = parser.parse_args()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*"):
        old.unlink()
    district_path = out / "district.sqlite"
    figures: dict[str, object] = {"scale": args.scale}
    started = time.perf_counter()
    if args.source:
        backup_file(args.source, district_path)
        district = open_ledger(district_path)
        figures["source"] = str(args.source)
    else:
        district = open_ledger(district_path)
        generate(district, scale=args.scale, seed=2022)
    figures["prepare_seconds"] = round(time.perf_counter() - started, 1)
    figures["district_db_mb"] = round(district_path.stat().st_size / 1e6, 1)
    exchange.set_office(district, "D1", "演示办公室")
    if security.list_users(district):  # demo databases have users: a 经办人 sends the package
        security.login(district, "jingban1", security.DEMO_PASSWORD)
    exchange.export_public_key(district, out / "d1.pub.json")

    t = time.perf_counter()
    first = exchange.export_package(district, out / "d1-1.ipx")
    figures["export_seconds"] = round(time.perf_counter() - t, 2)
    figures["package_mb"] = round(first.size_bytes / 1e6, 2)
    figures["records"] = first.counts
    figures["rss_after_export_mb"] = _rss_mb()

    city = open_ledger(out / "city.sqlite")
    exchange.set_office(city, "CITY", "汇总机关")
    exchange.trust_office(city, "D1", "演示办公室", out / "d1.pub.json")
    t = time.perf_counter()
    result = exchange.import_package(city, first.path)
    figures["import_seconds"] = round(time.perf_counter() - t, 2)
    figures["import_inserted"] = result.total("inserted")
    figures["import_conflicts"] = len(result.conflicts)
    figures["rss_after_import_mb"] = _rss_mb()
    figures["city_db_mb"] = round((out / "city.sqlite").stat().st_size / 1e6, 1)

    ids = [r[0] for r in district.rows("SELECT id FROM enterprise ORDER BY id LIMIT 100")]
    with district.write() as conn:
        for i in ids:
            records.update(conn, "enterprise", i, {"notes": "增量测试"})
    t = time.perf_counter()
    second = exchange.export_package(district, out / "d1-2.ipx")
    figures["incremental_export_seconds"] = round(time.perf_counter() - t, 2)
    figures["incremental_package_kb"] = round(second.size_bytes / 1e3, 1)
    t = time.perf_counter()
    result2 = exchange.import_package(city, second.path)
    figures["incremental_import_seconds"] = round(time.perf_counter() - t, 2)
    figures["incremental_updated"] = result2.total("updated")
    district.close()
    city.close()
    print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
