"""``ipdesk demo``: fill an empty database with deterministic demonstration data."""

from __future__ import annotations

import argparse
import sys
import time


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("demo", help="向空数据库写入演示数据")
    p.add_argument("--scale", choices=("local", "city", "national"), default="local",
                   help="规模：local≈300 家企业，city≈3,000 家，national≈30,000 家（默认 local）")
    p.add_argument("--seed", type=int, default=2022, help="随机种子（相同种子生成相同数据，默认 2022）")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.cli import db_path
    from ledger.demo import generate
    from ledger.services.opening import open_ledger

    with open_ledger(db_path(args), actor=args.user) as store:
        started = time.monotonic()
        last = [0.0]

        def progress(fraction: float) -> None:
            if fraction - last[0] >= 0.05 or fraction >= 1:
                last[0] = fraction
                sys.stderr.write(f"\r生成演示数据… {fraction:5.0%}")
                sys.stderr.flush()

        summary = generate(store, scale=args.scale, seed=args.seed, progress=progress)
        sys.stderr.write("\n")
        counts = "，".join(f"{k} {v:,}" for k, v in summary.counts.items())
        print(f"已生成演示数据（{args.scale}，种子 {args.seed}）：{counts}；用时 {time.monotonic() - started:.1f} 秒")
    return 0
