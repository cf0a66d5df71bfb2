"""The only package that holds SQL. Import :func:`open_store` to get a :class:`Store`."""

from ledger.store.database import Store, open_store

__all__ = ["Store", "open_store"]
