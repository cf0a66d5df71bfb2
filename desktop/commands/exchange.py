"""``ipdesk exchange …``: office identity and keys, export/import of packages, conflicts."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("exchange", help="办公室间数据交换：导出/导入数据包、密钥登记、冲突处理")
    sub = p.add_subparsers(dest="exchange_command", metavar="操作", parser_class=type(p))
    sub.required = True

    e = sub.add_parser("export", help="导出自上次数据包以来的变化（签名的 .ipx 数据包）")
    e.add_argument("--out", type=Path, required=True, help="数据包文件（.ipx）")
    e.add_argument("--since", type=int, default=None, metavar="SEQ", help="从该审计序号之后导出（覆盖默认）")
    e.set_defaults(run=run_export)

    i = sub.add_parser("import", help="校验并导入其他办公室的数据包")
    i.add_argument("package", type=Path, help="数据包文件（.ipx）")
    i.set_defaults(run=run_import)

    c = sub.add_parser("conflicts", help="列出待处理的数据冲突")
    c.add_argument("--all", action="store_true", help="包括已处理的冲突")
    c.add_argument("--json", action="store_true", help="以 JSON 输出")
    c.set_defaults(run=run_conflicts)

    r = sub.add_parser("resolve", help="处理一个冲突：保留本地或采用来件")
    r.add_argument("conflict_id", type=int, metavar="ID")
    r.add_argument("--keep", choices=("local", "incoming"), required=True, help="local 保留本地；incoming 采用来件")
    r.set_defaults(run=run_resolve)

    k = sub.add_parser("keys", help="本办公室签名密钥：导出公钥，交上级机关登记")
    k.add_argument("--export-public", type=Path, metavar="F", help="把公钥写入文件 F")
    k.set_defaults(run=run_keys)

    t = sub.add_parser("trust", help="登记一个办公室的公钥（之后接受它的数据包）")
    t.add_argument("--office-code", required=True, metavar="C")
    t.add_argument("--name", required=True, metavar="N", help="办公室名称（消息中显示）")
    t.add_argument("--public-key", type=Path, required=True, metavar="F", help="对方导出的公钥文件")
    t.set_defaults(run=run_trust)

    o = sub.add_parser("office", help="设置（或查看）本办公室的代码和名称")
    o.add_argument("--code", metavar="C")
    o.add_argument("--name", metavar="N")
    o.set_defaults(run=run_office)

    g = sub.add_parser("log", help="已导入的数据包记录")
    g.set_defaults(run=run_log)


def _open(args: argparse.Namespace, *, create: bool = False):  # type: ignore[no-untyped-def]
    from desktop.cli import db_path
    from ledger.services.opening import open_ledger

    return open_ledger(db_path(args), actor=args.user, create=create)


def run_export(args: argparse.Namespace) -> int:
    from desktop.commands.auth import authenticated_store
    from ledger.exchange import export_package

    with authenticated_store(args, "exchange.export") as store:
        s = export_package(store, args.out, since_seq=args.since)
    records = sum(n for t, n in s.counts.items() if not t.endswith(("_insurer", "_ip_right")) or t == "ip_right")
    print(f"已导出 {s.office.name} 第 {s.package_seq} 号数据包：{s.path}")
    print(f"审计序号 {s.from_seq + 1}–{s.to_seq}；记录 {records:,} 条，删除 {s.deleted:,} 条，附件 {s.attachments} 个"
          + (f"（缺失 {s.attachments_missing} 个）" if s.attachments_missing else "")
          + f"；{s.size_bytes / 1024:,.0f} KB，用时 {s.elapsed_seconds:.1f} 秒")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from ledger.exchange import import_package

    with _open(args) as store:
        s = import_package(store, args.package)
    print(f"已导入 {s.office_name} 第 {s.package_seq} 号数据包（导入前的数据库已备份为 {s.backup_path}）")
    print(f"新增 {s.total('inserted'):,} 条，更新 {s.total('updated'):,} 条，未变 {s.total('unchanged'):,} 条，"
          f"删除 {s.total('deleted'):,} 条，按编号合并 {s.total('aliased'):,} 条，冲突 {len(s.conflicts)} 条")
    if s.conflicts:
        print("有冲突待处理：ipdesk exchange conflicts 查看，ipdesk exchange resolve ID --keep local|incoming 处理")
    return 0


def _value(v: object) -> str:
    text = json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else str(v)
    return text if len(text) <= 60 else text[:57] + "…"


def run_conflicts(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from ledger.exchange import list_conflicts

    with _open(args) as store:
        items = list_conflicts(store, open_only=not args.all)
    if args.json:
        print(json.dumps([asdict(c) for c in items], ensure_ascii=False, indent=2))
        return 0
    if not items:
        print("没有待处理的冲突")
        return 0
    for c in items:
        state = f"已处理：{c.resolution}（{c.resolved_by}）" if c.resolution else "待处理"
        print(f"#{c.id} {c.table_label} {c.uuid} [{c.kind_label}] 来自 {c.office_code} 第 {c.package_seq} 号，{state}")
        print(f"    {c.message}")
        for field, local, incoming in c.differences[:12]:
            print(f"    {field}：本地 {_value(local)} → 来件 {_value(incoming)}")
    return 0


def run_resolve(args: argparse.Namespace) -> int:
    from ledger.exchange import resolve_conflict

    with _open(args) as store:
        c = resolve_conflict(store, args.conflict_id, args.keep)
    print(f"冲突 #{c.id}（{c.table_label}）已处理：{'保留本地' if c.resolution == 'local' else '采用来件'}")
    return 0


def run_keys(args: argparse.Namespace) -> int:
    from ledger.exchange import ensure_key, export_public_key
    from ledger.exchange.keys import fingerprint

    with _open(args) as store:
        public = ensure_key(store)
        if args.export_public:
            export_public_key(store, args.export_public)
            print(f"公钥已写入 {args.export_public}，请交上级机关用 ipdesk exchange trust 登记")
    print(f"本办公室公钥指纹：{fingerprint(public)}")
    return 0


def run_trust(args: argparse.Namespace) -> int:
    from ledger.exchange import trust_office
    from ledger.exchange.keys import fingerprint, read_public_key_file

    with _open(args) as store:
        office = trust_office(store, args.office_code, args.name, args.public_key)
    print(f"已登记办公室 {office.name}（{office.code}），公钥指纹 "
          f"{fingerprint(read_public_key_file(args.public_key)['public_key'])}；请与对方核对指纹")
    return 0


def run_office(args: argparse.Namespace) -> int:
    from ledger.errors import InvalidInput, Issue
    from ledger.exchange import office, set_office

    with _open(args, create=True) as store:
        if args.code is None and args.name is None:
            me = office(store)
        elif args.code is None or args.name is None:
            raise InvalidInput([Issue("office", "office.both", "请同时指定 --code 和 --name")])
        else:
            me = set_office(store, args.code, args.name)
    print(f"本办公室：{me.name or '（未设置名称）'}，代码 {me.code or '（未设置）'}，标识 {me.id}")
    return 0


def run_log(args: argparse.Namespace) -> int:
    from ledger.exchange import received_packages

    with _open(args) as store:
        rows = received_packages(store)
    for r in rows:
        print(f"{r['imported_at']}  {r['office_name']}（{r['office_code']}）第 {r['package_seq']} 号  {r['counts']}")
    if not rows:
        print("尚未导入过数据包")
    return 0
