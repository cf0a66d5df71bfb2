"""``ipdesk``: the command line. Headless commands never import Qt (only ``gui`` does).

Exit codes: 0 ok, 1 usage, 2 invalid input, 3 data problem.
Each command group lives in ``desktop/commands/<name>.py`` with ``register(subparsers)``.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from ledger import __version__
from ledger.errors import LedgerError
from ledger.paths import default_db_path

COMMAND_MODULES = ("gui", "demo", "stats", "check", "backup", "report", "export", "exchange", "programme", "subsidy", "importing", "users")

EXIT_OK, EXIT_USAGE, EXIT_INVALID, EXIT_DATA = 0, 1, 2, 3


_ARGPARSE_MESSAGES = (
    (re.compile(r"argument (\S+): invalid int value: (.+)"), r"参数 \1 的值 \2 不是整数"),
    (re.compile(r"argument (\S+): invalid choice: (\S+) \(choose from (.+)\)"), r"参数 \1 的取值 \2 无效（可选：\3）"),
    (re.compile(r"argument (\S+): expected one argument"), r"参数 \1 需要一个值"),
    (re.compile(r"the following arguments are required: (.+)"), r"缺少必需的参数：\1"),
    (re.compile(r"unrecognized arguments: (.+)"), r"无法识别的参数：\1"),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), r"参数 \1 不能与 \2 同时使用"),
)


def translate_argparse_message(message: str) -> str:
    for pattern, chinese in _ARGPARSE_MESSAGES:
        if pattern.fullmatch(message):
            return pattern.sub(chinese, message)
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001 - argparse signature
        return super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with Chinese section titles and help text (argparse's own strings are English)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("add_help", False)
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> None:  # argparse's default exits 2; usage errors are 1 here
        message = translate_argparse_message(message)
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}：参数错误：{message}\n")
        sys.exit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="ipdesk",
        description="知识产权保险试点工作台：企业、知识产权、保单、保费补贴与理赔台账。",
        epilog="不带子命令时启动图形界面。数据库默认位于用户数据目录，可用 --db 或环境变量 IPDESK_DB 指定。",
    )
    parser.add_argument("--db", type=Path, default=None, help="数据库文件路径（默认：用户数据目录下的 ipdesk.sqlite）")
    parser.add_argument("--user", default="system", help="以该用户身份记录审计日志（默认 system）")
    parser.add_argument("--version", action="version", version=f"ipdesk {__version__}", help="显示版本号并退出")
    subparsers = parser.add_subparsers(dest="command", metavar="子命令", parser_class=ChineseArgumentParser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"desktop.commands.{name}").register(subparsers)
    return parser


def db_path(args: argparse.Namespace) -> Path:
    return args.db if args.db is not None else default_db_path()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv or sys.argv[1:]), "gui"])
    try:
        return int(args.run(args) or 0)
    except LedgerError as exc:
        sys.stderr.write(f"错误：{exc.message}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("已中断\n")
        return EXIT_DATA


if __name__ == "__main__":
    sys.exit(main())
