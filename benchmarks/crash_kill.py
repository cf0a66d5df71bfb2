"""Crash-safety run: 200 SIGKILLs of writer processes at random moments (issue 7, part 1).

    .venv/bin/python benchmarks/crash_kill.py [--kills 200] [--seed 1] [--max-delay 0.5] [--spawn]

Four writers take turns (bulk import batches, single edits through the service, subsidy workflow
batches, v1→latest migrations); after every kill the database is reopened and checked for
integrity, foreign keys, all-or-nothing transactions, lost commits, the audit chain and the
domain invariants (see tests/crash/harness.py). Exits 1 if anything failed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.crash import harness  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-delay", type=float, default=0.5)
    ap.add_argument("--spawn", action="store_true", help="python -m writer instead of fork")
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="crash-kill-") as tmp:
        workdir = args.workdir or Path(tmp)

        def progress(i: int, f: harness.Figures) -> None:
            if i % 20 == 0 or i == args.kills:
                print(f"  {i}/{args.kills} kills, problems so far: {len(f.problems)}", flush=True)

        f = harness.run(workdir, args.kills, seed=args.seed, max_delay=args.max_delay,
                        spawn=args.spawn, progress=progress)
    print("崩溃测试（SIGKILL）结果")
    print(f"  kills run                 {f.kills}")
    print(f"  transactions committed    {f.committed}  (+{f.unjournalled} committed just before a kill)")
    print(f"  migrations checked        {f.migrations_checked}")
    print(f"  integrity failures        {f.integrity_failures}")
    print(f"  lost commits              {f.lost_commits}")
    print(f"  partial transactions      {f.partial_transactions}")
    print(f"  audit/invariant failures  {f.chain_failures}")
    print(f"  writer errors             {f.writer_errors}")
    print(f"  time                      {f.seconds:.1f} s")
    for p in f.problems[:20]:
        print("  !", p)
    return 0 if f.ok else 1


if __name__ == "__main__":
    sys.exit(main())
