"""Undo/redo of record edits: every create/update/delete is a QUndoCommand calling ledger services.

The write happens *before* the command is pushed (the form or register calls the service and
shows any refusal); the command's first ``redo()`` is skipped. Later undo/redo calls the services:
undo of create = delete, undo of update = update with the old input, undo of delete = create with
the same values.

Ids: re-creating a deleted record gives it a **new uuid** and usually a new id (SQLite reuses the
id only when the deleted row was the newest); its audit history starts afresh under the new uuid. :class:`UndoManager` keeps a remap table ``(kind, old id) → current id`` so later commands
on the stack (and inputs that reference the record, e.g. a policy's ``enterprise_id``) follow the
record to its new id. Audit rows of the old id stay as they were (append-only log).

A command whose undo/redo is refused (a record created meanwhile depends on it, someone else
edited it) reports the reason through ``UndoManager.failed`` and is dropped from the stack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from ledger.errors import LedgerError

UNDO_REASON = "撤销/重做恢复原值"  # stored as the override reason: data, stays Chinese


def case_input_from_row(row: dict[str, Any]) -> Any:
    from ledger.services import cases

    return cases.CaseInput(**{f.name: row[f.name] for f in fields(cases.CaseInput)})


@dataclass(frozen=True)
class RecordService:
    """The ledger calls for one kind of record, and how to name a record in Chinese."""

    key: str
    title: str
    create: Callable[..., Any]
    update: Callable[..., Any]
    delete: Callable[..., Any]
    get: Callable[..., dict[str, Any]]
    check: Callable[..., list]
    from_row: Callable[[dict[str, Any]], Any]
    label_field: str
    override: str = ""  # the row column holding an accepted-warning reason (enterprise, IP right)

    def label(self, inp: Any) -> str:
        return str(getattr(inp, self.label_field, "") or "")


def _services() -> dict[str, RecordService]:
    from ledger.services import cases, claims, enterprises, ip_rights, policies

    return {
        s.key: s for s in (
            RecordService("enterprise", QT_TRANSLATE_NOOP("undo", "企业"), enterprises.create_enterprise, enterprises.update_enterprise,
                          enterprises.delete_enterprise, enterprises.get_enterprise, enterprises.check_enterprise,
                          enterprises.input_from_row, "name", "uscc_override_reason"),
            RecordService("ip_right", QT_TRANSLATE_NOOP("undo", "知识产权"), ip_rights.create_ip_right, ip_rights.update_ip_right,
                          ip_rights.delete_ip_right, ip_rights.get_ip_right, ip_rights.check_ip_right,
                          ip_rights.input_from_row, "number", "number_override_reason"),
            RecordService("policy", QT_TRANSLATE_NOOP("undo", "保单"), policies.create_policy, policies.update_policy,
                          policies.delete_policy, policies.get_policy, policies.check_policy,
                          policies.input_from_row, "policy_no"),
            RecordService("claim", QT_TRANSLATE_NOOP("undo", "理赔"), claims.create_claim, claims.update_claim, claims.delete_claim,
                          claims.get_claim, claims.check_claim, claims.input_from_row, "claim_no"),
            RecordService("case", QT_TRANSLATE_NOOP("undo", "典型案例"), cases.create_case, cases.update_case, cases.delete_case,
                          cases.get_case, cases.check_case, case_input_from_row, "title"),
        )
    }


class _Services(Mapping[str, RecordService]):
    """``kind → RecordService``; the ledger services (and ledger.validation) load on first use,
    not when the main window imports this module at start-up."""

    def __init__(self) -> None:
        self._map: dict[str, RecordService] | None = None

    def _get(self) -> dict[str, RecordService]:
        if self._map is None:
            self._map = _services()
        return self._map

    def __getitem__(self, key: str) -> RecordService:
        return self._get()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


SERVICES: Mapping[str, RecordService] = _Services()
# input field → the kind of record it references (for following re-created records)
_REFERENCES = {"enterprise_id": "enterprise", "policy_id": "policy", "claim_id": "claim",
               "ip_right_ids": "ip_right"}


def _override_kwargs(svc: RecordService, reason: str) -> dict[str, str]:
    return {"override_reason": reason or UNDO_REASON} if svc.override else {}


class UndoManager(QObject):
    """Owns the QUndoStack; ``changed(kind)`` after every undo/redo (registers refresh)."""

    changed = Signal(str)
    failed = Signal(str)

    def __init__(self, store: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(200)
        self._ids: dict[tuple[str, int], int] = {}

    def set_store(self, store: Any) -> None:
        """Another database: the history no longer applies."""
        self.store = store
        self.stack.clear()
        self._ids.clear()

    # -- ids ---------------------------------------------------------------------------------
    def current_id(self, kind: str, record_id: int) -> int:
        seen: set[int] = set()
        while (kind, record_id) in self._ids and record_id not in seen:
            seen.add(record_id)
            record_id = self._ids[(kind, record_id)]
        return record_id

    def moved(self, kind: str, old_id: int, new_id: int) -> None:
        if old_id != new_id:
            self._ids[(kind, old_id)] = new_id

    def follow(self, inp: Any) -> Any:
        """The input with its references moved to re-created records' current ids."""
        if not is_dataclass(inp):
            return inp
        changes: dict[str, Any] = {}
        for name, kind in _REFERENCES.items():
            if not hasattr(inp, name):
                continue
            value = getattr(inp, name)
            if isinstance(value, int):
                new = self.current_id(kind, value)
                if new != value:
                    changes[name] = new
            elif isinstance(value, tuple):
                moved = tuple(self.current_id(kind, v) for v in value)
                if moved != value:
                    changes[name] = moved
        return replace(inp, **changes) if changes else inp

    # -- recording ---------------------------------------------------------------------------
    def record_create(self, kind: str, record_id: int, inp: Any, reason: str = "") -> None:
        self.stack.push(_CreateCommand(self, kind, record_id, inp, reason))

    def record_update(self, kind: str, record_id: int, before: Any, after: Any, reason: str = "") -> None:
        self.stack.push(_UpdateCommand(self, kind, record_id, before, after, reason))

    def record_delete(self, kind: str, record_id: int, before: Any, reason: str = "") -> None:
        self.stack.push(_DeleteCommand(self, kind, record_id, before, reason))

    def delete(self, kind: str, record_id: int) -> None:
        """Delete through the service (raises Refused/NotFound) and record it for undo."""
        svc = SERVICES[kind]
        row = svc.get(self.store, record_id)
        before = svc.from_row(row)
        svc.delete(self.store, record_id)
        self.record_delete(kind, record_id, before, str(row.get(svc.override, "") or "") if svc.override else "")

    def _report(self, command: QUndoCommand, message: str, what: str) -> None:
        command.setObsolete(True)
        self.failed.emit(self.tr("无法{what}“{text}”：{message}").format(what=what, text=command.text(), message=message))


class _RecordCommand(QUndoCommand):
    verb = ""

    def __init__(self, manager: UndoManager, kind: str, record_id: int, inp: Any, reason: str) -> None:
        self.svc = SERVICES[kind]
        super().__init__(translate("undo", "{verb}{title} {label}").format(
            verb=translate("undo", self.verb), title=translate("undo", self.svc.title),
            label=self.svc.label(inp)).strip())
        self.manager, self.kind, self.record_id, self.inp, self.reason = manager, kind, record_id, inp, reason
        self._first = True

    @property
    def store(self) -> Any:
        return self.manager.store

    def rid(self) -> int:
        return self.manager.current_id(self.kind, self.record_id)

    def _create(self, inp: Any) -> None:
        outcome = self.svc.create(self.store, self.manager.follow(inp), **_override_kwargs(self.svc, self.reason))
        self.manager.moved(self.kind, self.rid(), outcome.id)

    def _delete(self) -> None:
        self.svc.delete(self.store, self.rid())

    def _guarded(self, action: Callable[[], None], what: str) -> None:
        try:
            action()
        except LedgerError as exc:
            self.manager._report(self, exc.message, what)
            return
        except Exception as exc:  # a store failure must not escape a Qt virtual
            self.manager._report(self, f"{type(exc).__name__}: {exc}", what)
            return
        self.manager.changed.emit(self.kind)

    def redo(self) -> None:
        if self._first:
            self._first = False
            self.manager.changed.emit(self.kind)
            return
        self._guarded(self.do, translate("undo", "重做"))

    def undo(self) -> None:
        self._guarded(self.revert, translate("undo", "撤销"))

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class _CreateCommand(_RecordCommand):
    verb = QT_TRANSLATE_NOOP("undo", "新建")

    def do(self) -> None:
        self._create(self.inp)

    def revert(self) -> None:
        self._delete()


class _DeleteCommand(_RecordCommand):
    verb = QT_TRANSLATE_NOOP("undo", "删除")

    def do(self) -> None:
        self._delete()

    def revert(self) -> None:
        self._create(self.inp)


class _UpdateCommand(_RecordCommand):
    verb = QT_TRANSLATE_NOOP("undo", "修改")

    def __init__(self, manager: UndoManager, kind: str, record_id: int, before: Any, after: Any,
                 reason: str) -> None:
        super().__init__(manager, kind, record_id, after, reason)
        self.before = before
        self.uuid, self.revision = self._version()  # what our last write left

    def _version(self) -> tuple[str | None, int | None]:
        try:
            row = self.svc.get(self.store, self.rid())
            return str(row["uuid"]), int(row["revision"])
        except (LedgerError, KeyError, TypeError):
            return None, None

    def _write(self, inp: Any) -> None:
        uuid, revision = self._version()
        # someone else's edit in between is refused; a record our stack re-created (new uuid) is ours
        expected = self.revision if uuid == self.uuid else revision
        self.svc.update(self.store, self.rid(), self.manager.follow(inp), expected_revision=expected,
                        **_override_kwargs(self.svc, self.reason))
        self.uuid, self.revision = self._version()

    def do(self) -> None:
        self._write(self.inp)

    def revert(self) -> None:
        self._write(self.before)

