"""Open a ledger for use: store + migrations + bundled catalogue kept current."""

from __future__ import annotations

import os

from ledger import catalogue
from ledger.services.catalogue_sync import sync_catalogue
from ledger.store import Store, lookups, open_store


def open_ledger(path: str | os.PathLike[str], *, actor: str = "system", create: bool = True,
                readonly: bool = False) -> Store:
    store = open_store(path, actor=actor, create=create, readonly=readonly)
    try:
        if not store.readonly and store.setting("catalogue_version") != catalogue.catalogue_version():
            sync_catalogue(store)
            with store.write() as conn:
                lookups.set_setting(conn, "catalogue_version", catalogue.catalogue_version())
    except BaseException:
        store.close()
        raise
    return store
