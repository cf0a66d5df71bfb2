"""Office-to-office exchange packages (``.ipx``): signed, verified, merged by uuid.

District offices work offline; the city or provincial bureau imports their packages. Public API:

* identity and keys — :func:`set_office`, :func:`office`, :func:`ensure_key`,
  :func:`export_public_key`, :func:`trust_office`, :func:`trusted_offices`;
* :func:`export_package` → :class:`PackageSummary`; :func:`import_package` → :class:`ImportSummary`;
* :func:`list_conflicts`, :func:`get_conflict`, :func:`resolve_conflict` (``keep='local'|'incoming'``);
* :func:`received_packages` (the received-packages log);
* :func:`peek_package` (a package's manifest, for showing before an import; not verified).

SQL lives in ``ledger/store/exchange_sql.py``; schema in ``ledger/store/sql/0003_exchange.sql``.
"""

from ledger.exchange.conflicts import Conflict, get_conflict, list_conflicts, resolve_conflict
from ledger.exchange.export import PackageSummary, export_package
from ledger.exchange.importer import ImportSummary, import_package, received_packages
from ledger.exchange.keys import (
    Office,
    ensure_key,
    export_public_key,
    office,
    set_office,
    trust_office,
    trusted_offices,
)
from ledger.exchange.package import peek as peek_package

__all__ = [
    "Conflict", "ImportSummary", "Office", "PackageSummary", "ensure_key", "export_package", "export_public_key",
    "get_conflict", "import_package", "list_conflicts", "office", "peek_package", "received_packages", "resolve_conflict",
    "set_office", "trust_office", "trusted_offices",
]
