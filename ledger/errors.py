"""Structured problems shared by the GUI, the CLI and the importer.

A validator returns a list of :class:`Issue`; a service that refuses raises a
:class:`LedgerError` subclass whose ``message`` is Chinese and ready to show.
``exit_code`` follows the CLI convention: 1 usage, 2 invalid input, 3 data problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Issue:
    """One problem with one field. ``code`` is stable (for tests and overrides)."""

    field: str
    code: str
    message: str
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        prefix = "警告" if self.severity == "warning" else "错误"
        return f"{prefix}：{self.message}"


def errors_only(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.is_error]


class LedgerError(Exception):
    """Base of every refusal the ledger raises; ``message`` is for the user."""

    exit_code = 3

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(LedgerError):
    """Input failed validation; nothing was written."""

    exit_code = 2

    def __init__(self, issues: list[Issue], message: str | None = None) -> None:
        self.issues = list(issues)
        text = message or "；".join(i.message for i in issues) or "输入无效"
        super().__init__(text)


class NotFound(LedgerError):
    exit_code = 3


class Refused(LedgerError):
    """A business rule refuses the operation (budget, workflow, dependants…)."""

    exit_code = 3


class PermissionDenied(LedgerError):
    exit_code = 3


class DataProblem(LedgerError):
    """The database file itself is unusable (not SQLite, newer schema, locked…)."""

    exit_code = 3


@dataclass
class Outcome:
    """Result of a write that may carry warnings the user accepted."""

    id: int
    uuid: str
    warnings: list[Issue] = field(default_factory=list)
