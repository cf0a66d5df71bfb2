"""``ipdesk check``: integrity, foreign keys, domain invariants and the audit chain in one report."""

from __future__ import annotations

from dataclasses import dataclass, field

from ledger.store import Store, audit
from ledger.store import checks as sql


@dataclass
class HealthReport:
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[tuple] = field(default_factory=list)
    invariants: list[tuple[str, list[tuple]]] = field(default_factory=list)
    audit_rows: int = 0
    audit_problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.foreign_keys or self.invariants or self.audit_problems)

    def lines(self) -> list[str]:
        out = [("✔ " if not self.integrity else "✘ ") + "数据库完整性检查（integrity_check）："
               + ("通过" if not self.integrity else f"{len(self.integrity)} 处问题")]
        out += [f"    {p}" for p in self.integrity[:10]]
        out.append(("✔ " if not self.foreign_keys else "✘ ") + "外键检查（foreign_key_check）："
                   + ("通过" if not self.foreign_keys else f"{len(self.foreign_keys)} 处引用缺失"))
        out += [f"    表 {t} 第 {rowid} 行引用的 {parent} 记录不存在" for t, rowid, parent, _ in self.foreign_keys[:10]]
        out.append(("✔ " if not self.invariants else "✘ ") + "业务规则检查："
                   + ("通过" if not self.invariants else f"{len(self.invariants)} 类问题"))
        for label, rows in self.invariants:
            out.append(f"    {label}：{len(rows)} 条，例如 {rows[0]}")
        out.append(("✔ " if not self.audit_problems else "✘ ") + f"审计日志哈希链（{self.audit_rows} 条）："
                   + ("完整" if not self.audit_problems else f"{len(self.audit_problems)} 处异常"))
        out += [f"    {p}" for p in self.audit_problems[:10]]
        out.append("结论：" + ("全部检查通过" if self.ok else "发现问题，请联系管理员处理并从备份恢复"))
        return out


def check(store: Store) -> HealthReport:
    conn = store.conn
    chain = audit.verify_chain(sql.audit_rows(conn))
    return HealthReport(
        integrity=sql.integrity(conn),
        foreign_keys=sql.foreign_keys(conn),
        invariants=sql.invariant_violations(conn),
        audit_rows=chain.rows,
        audit_problems=chain.problems,
    )
