"""Hostile-input run (issue 7, part 6): hypothesis at volume over every input surface.

    .venv/bin/python benchmarks/fuzz.py [--examples 2000] [--only files,toml]

Targets (tests/fuzzing/targets.py): all validators, money parsing/formatting, the importer's cell
parsers, header mapping and row normalisation, ``read_table`` on garbage / truncated / bit-flipped
xlsx and csv files, ``rules_from_toml`` on random text and on well-formed TOML with wrong types,
and exchange packages (``ledger.exchange.package.verify`` on hostile zips) when that package is
present. A rejection must be a LedgerError/ValueError with a Chinese message; anything else is
counted as a crash and printed once per distinct place. Exits 1 if any crash was found.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.fuzzing import targets as T  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=2000, help="generated inputs per target")
    ap.add_argument("--only", default="", help="comma-separated targets: " + ",".join(T.TARGETS))
    args = ap.parse_args(argv)
    T.REC.collect = True
    chosen = [t for t in (args.only.split(",") if args.only else T.TARGETS) if t]
    print(f"{'target':<12}{'inputs':>8}{'calls':>9}{'rejected':>10}{'crashes':>9}{'seconds':>9}")
    inputs = 0
    started = time.monotonic()
    for name in chosen:
        if name == "exchange" and (why := T.exchange_available()):
            print(f"{name:<12} skipped: {why}")  # TODO: fuzz exchange packages once the package exists
            continue
        fn = T.TARGETS[name]
        count = [0]
        before = (T.REC.calls, T.REC.rejections, len(T.REC.crashes))
        t0 = time.monotonic()

        @settings(max_examples=args.examples, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(st.data())
        def run(data: st.DataObject) -> None:
            count[0] += 1  # noqa: B023 - run() is called inside this iteration
            fn(data)  # noqa: B023

        run()
        inputs += count[0]
        print(f"{name:<12}{count[0]:>8}{T.REC.calls - before[0]:>9}{T.REC.rejections - before[1]:>10}"
              f"{len(T.REC.crashes) - before[2]:>9}{time.monotonic() - t0:>9.1f}", flush=True)
    print(f"合计：生成输入 {inputs} 个，调用 {T.REC.calls} 次，拒绝 {T.REC.rejections} 次，"
          f"未处理异常 {len(T.REC.crashes)} 种，用时 {time.monotonic() - started:.0f} 秒")
    for text in T.REC.crashes.values():
        print("\n" + text)
    return 1 if T.REC.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
