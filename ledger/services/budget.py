"""Budget ledger per programme-year (预算台账): allocated / committed / paid / recovered / remaining.

The figures are those of ``ledger.stats.compute(store, programme_id=…)["budget"]`` and come
from the same SQL (``ledger.store.stats_queries``):

- allocated  = programme.budget_fen
- committed  = Σ (approved − paid) of applications in 批准 (approved, not yet paid)
- paid       = Σ paid of every application
- recovered  = Σ recovered (追回) — money returned to the budget
- remaining  = allocated − committed − paid + recovered
- used       = (committed + paid − recovered) ÷ allocated, in basis points

An application paid less than approved releases the difference (it leaves 批准).
``publicised_fen`` (amounts in 公示) and ``pending_fen`` (computed, still in review) are
shown beside the ledger but do not reduce ``remaining``: only 批准 commits money.
"""

from __future__ import annotations

from dataclasses import dataclass

from ledger.errors import NotFound
from ledger.money import format_ratio_bp, format_yuan, ratio_bp_of
from ledger.store import Store
from ledger.store import budget_sql as bq
from ledger.store import stats_queries as q

WARN_USED_BP = 8000  # 'budget above 80 % used'


@dataclass(frozen=True)
class BudgetLedger:
    programme_id: int
    name: str
    year: int
    status: str
    allocated_fen: int
    committed_fen: int
    paid_fen: int
    recovered_fen: int
    remaining_fen: int
    used_bp: int | None
    publicised_fen: int = 0
    pending_fen: int = 0

    @property
    def above_threshold(self) -> bool:
        """True when more than 80 % of the budget is committed or paid (or none was allocated
        and something was)."""
        if self.used_bp is None:
            return self.committed_fen + self.paid_fen - self.recovered_fen > 0
        return self.used_bp > WARN_USED_BP

    def figures(self) -> str:
        """Chinese one-line summary with every figure (used in refusals)."""
        used = format_ratio_bp(self.used_bp) if self.used_bp is not None else "—"
        return (f"预算 {format_yuan(self.allocated_fen)} 元，已批准未拨付 {format_yuan(self.committed_fen)} 元，"
                f"已拨付 {format_yuan(self.paid_fen)} 元，已追回 {format_yuan(self.recovered_fen)} 元，"
                f"剩余 {format_yuan(self.remaining_fen)} 元（已用 {used}）")

    def as_dict(self) -> dict[str, object]:
        return {"programme_id": self.programme_id, "name": self.name, "year": self.year,
                "status": self.status, "allocated_fen": self.allocated_fen,
                "committed_fen": self.committed_fen, "paid_fen": self.paid_fen,
                "recovered_fen": self.recovered_fen, "remaining_fen": self.remaining_fen,
                "used_bp": self.used_bp, "publicised_fen": self.publicised_fen,
                "pending_fen": self.pending_fen, "above_threshold": self.above_threshold}


def budget_ledger(store: Store, programme_id: int) -> BudgetLedger:
    conn = store.conn
    head = bq.programme_head(conn, programme_id)
    if head is None:
        raise NotFound(f"试点项目 #{programme_id} 不存在")
    scope = q.Scope(programme_id=programme_id)
    allocated = q.budget_allocated(conn, scope) or 0
    s = q.subsidy_totals(conn, scope)
    committed, paid, recovered = s["committed_fen"], s["paid_fen"], s["recovered_fen"]
    pipeline = bq.pipeline(conn, programme_id)
    return BudgetLedger(
        programme_id, head["name"], head["year"], head["status"], allocated, committed, paid, recovered,
        allocated - committed - paid + recovered,
        ratio_bp_of(committed + paid - recovered, allocated) if allocated else None,
        pipeline["publicised_fen"], pipeline["pending_fen"],
    )


def budget_ledgers(store: Store, *, year: int | None = None) -> list[BudgetLedger]:
    """One ledger per programme (newest year first), for the dashboard's budget view."""
    return [budget_ledger(store, pid) for pid in bq.programme_ids(store.conn, year)]


def over_threshold(store: Store, *, year: int | None = None) -> list[BudgetLedger]:
    """Open programmes whose budget is more than 80 % used."""
    return [b for b in budget_ledgers(store, year=year) if b.status != "已结转" and b.above_threshold]
