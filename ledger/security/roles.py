"""The permission matrix: which role may perform which action.

Roles (fixed by the ``app_user.role`` CHECK constraint): 经办人 records, 审核人 reviews and
approves, 财务 pays, 管理员 manages users and programmes, 只读 views and exports.
"""

from __future__ import annotations

ROLES: tuple[str, ...] = ("经办人", "审核人", "财务", "管理员", "只读")
ADMIN = "管理员"

# action -> (Chinese name used in messages, roles allowed)
ACTIONS: dict[str, tuple[str, frozenset[str]]] = {
    "record.edit": ("编辑台账记录", frozenset({"经办人", "管理员"})),
    "subsidy.record": ("登记补贴申请", frozenset({"经办人", "管理员"})),
    "subsidy.review": ("审核补贴", frozenset({"审核人"})),
    "subsidy.approve": ("批准补贴", frozenset({"审核人"})),
    "subsidy.pay": ("登记补贴支付", frozenset({"财务"})),
    "subsidy.clawback": ("追回补贴", frozenset({"审核人", "管理员"})),
    "claim.manage": ("管理理赔记录", frozenset({"经办人", "管理员"})),
    "programme.manage": ("管理补贴项目", frozenset({"管理员"})),
    "user.manage": ("管理用户", frozenset({"管理员"})),
    "data.import": ("导入数据", frozenset({"经办人", "管理员"})),
    "data.export": ("导出数据", frozenset(ROLES)),
    "backup.run": ("备份数据库", frozenset({"管理员", "经办人"})),
    "backup.restore": ("恢复数据库", frozenset({"管理员"})),
    "view.bank_account": ("查看完整银行账号", frozenset({"财务", "审核人", "管理员"})),
    "audit.view": ("查看审计日志", frozenset({"管理员", "审核人"})),
    # A package carries full records (bank accounts unmasked) signed with the office key, and
    # advances the office's package sequence: the people who record or review, not 财务/只读.
    "exchange.export": ("导出数据包", frozenset({"经办人", "审核人", "管理员"})),
    "exchange.manage": ("导入数据包、登记可信办公室、处理数据冲突", frozenset({"管理员", "审核人"})),
}

# Actions that change nothing in the ledger. Once users exist, the un-logged-in actor
# ``system`` (CLI scripts, automatic backups) may still do these: whoever can open the file
# as ``system`` can read it with any SQLite tool anyway, so refusing reads would be theatre,
# while refusing writes keeps every change attributable to a named person.
READ_ONLY_ACTIONS: frozenset[str] = frozenset({"data.export", "audit.view", "view.bank_account", "backup.run"})


def action_label(action: str) -> str:
    return ACTIONS[_known(action)][0]


def role_allows(role: str, action: str) -> bool:
    return role in ACTIONS[_known(action)][1]


def actions_of(role: str) -> list[str]:
    return [a for a, (_, roles) in ACTIONS.items() if role in roles]


def _known(action: str) -> str:
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    return action
