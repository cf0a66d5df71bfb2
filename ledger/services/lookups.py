"""Pick lists for forms and filters: thin wrappers over ``ledger.store.lookups`` returning dicts."""

from __future__ import annotations

from typing import Any

from ledger.services.base import row_dict
from ledger.store import Store, lookups


def products(store: Store) -> list[dict[str, Any]]:
    """Insurance products ordered by liability class, then name."""
    return [row_dict(r) for r in lookups.products(store.conn)]


def insurers(store: Store) -> list[dict[str, Any]]:
    return [row_dict(r) for r in lookups.insurers(store.conn)]


def programmes(store: Store) -> list[dict[str, Any]]:
    return [row_dict(r) for r in lookups.programmes(store.conn)]


def districts_in_use(store: Store) -> list[str]:
    return lookups.districts_in_use(store.conn)


def enterprise_ip_rights(store: Store, enterprise_id: int) -> list[dict[str, Any]]:
    """(id, ip_type, number, title, expiry_date, status) of one enterprise's IP rights."""
    return [row_dict(r) for r in lookups.enterprise_ip_rights(store.conn, enterprise_id)]


def bureau_region_prefixes(store: Store) -> list[str]:
    """GB/T 2260 prefixes of the bureau's area ('3202' city, '32' province), most specific first:
    from the programmes' region codes, else from the districts most enterprises are in."""
    codes = [p["region_code"] for p in programmes(store) if p.get("region_code")]
    if not codes:
        codes = districts_in_use(store)[:1]
    out: list[str] = []
    for code in codes:
        city, province = code[:4], code[:2]
        for prefix in (city if not city.endswith("00") else "", province):
            if prefix and prefix not in out:
                out.append(prefix)
    return out
