"""Open a ledger for use: store + migrations + bundled catalogue kept current."""

from __future__ import annotations

import os

from ledger import catalogue
from ledger.errors import LedgerError
from ledger.services.backup_generations import ensure_daily_backup
from ledger.services.catalogue_sync import sync_catalogue
from ledger.store import Store, lookups, open_store


def open_ledger(path: str | os.PathLike[str], *, actor: str = "system", create: bool = True,
                readonly: bool = False, daily_backup: bool = False) -> Store:
    """Open the ledger; ``daily_backup=True`` (the GUI) writes the day's automatic backup first.

    A failed daily backup does not stop the clerk working: its message is left in
    ``store.backup_problem`` for the GUI to show ('' when fine).
    """
    store = open_store(path, actor=actor, create=create, readonly=readonly)
    store.backup_problem = ""
    try:
        if daily_backup and not store.readonly:
            try:
                ensure_daily_backup(store)
            except LedgerError as exc:
                store.backup_problem = exc.message
        if not store.readonly and store.setting("catalogue_version") != catalogue.catalogue_version():
            sync_catalogue(store)
            with store.write() as conn:
                lookups.set_setting(conn, "catalogue_version", catalogue.catalogue_version())
    except BaseException:
        store.close()
        raise
    return store
