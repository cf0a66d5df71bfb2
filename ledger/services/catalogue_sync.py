"""Load the bundled product catalogue (white paper tables 1–3) into the store, idempotently.

Rows are matched by their stable ``code``; changed catalogue entries update the row (audited),
user-defined products (``user_defined = 1``) are never touched.
"""

from __future__ import annotations

from ledger import catalogue
from ledger.services.base import json_list
from ledger.store import Store, lookups, records


def sync_catalogue(store: Store) -> dict[str, int]:
    """Insert or update bundled insurers and products; return counts of rows written."""
    insurers = catalogue.load_insurers()
    products = catalogue.load_products()
    version = catalogue.catalogue_version()
    written = {"insurers": 0, "products": 0}
    with store.write() as conn:
        insurer_ids: dict[str, int] = {}
        for ins in insurers:
            values = {"code": ins.code, "full_name": ins.full_name, "short_name": ins.short_name,
                      "aliases": json_list(ins.aliases)}
            existing = lookups.upsert_catalogue_row(conn, "insurer", ins.code)
            if existing is None:
                existing, _ = records.insert(conn, "insurer", values, office=store.office_id)
                written["insurers"] += 1
            elif records.update(conn, "insurer", existing, values):
                written["insurers"] += 1
            insurer_ids[ins.code] = existing
        for prod in products:
            values = {
                "code": prod.code, "name": prod.name, "liability_class": prod.liability_class,
                "subject": prod.subject, "ip_types": json_list(prod.ip_types),
                "function_class": prod.function_class, "target_party": "、".join(prod.target_party),
                "description": prod.description, "insurance_type": prod.insurance_type,
                "sources": json_list(prod.sources), "catalogue_version": version,
            }
            existing = lookups.upsert_catalogue_row(conn, "product", prod.code)
            if existing is None:
                existing, _ = records.insert(conn, "product", values, office=store.office_id)
                written["products"] += 1
            else:
                if records.get(conn, "product", existing)["user_defined"]:
                    continue
                if records.update(conn, "product", existing, values):
                    written["products"] += 1
            wanted = sorted(insurer_ids[c] for c in prod.insurers)
            if lookups.product_insurer_ids(conn, existing) != wanted:
                lookups.replace_links(conn, "product_insurer", "product_id", existing,
                                      [{"product_id": existing, "insurer_id": i} for i in wanted])
    return written
