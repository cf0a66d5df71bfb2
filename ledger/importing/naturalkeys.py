"""Natural keys of the ledger, loaded once per import: USCC, names, IP numbers, policy numbers.

Every lookup the importer does per row is a dict access here, never a query.  The index
also learns the rows the same import will insert, so a policy row can refer to nothing
but what is in the ledger (enterprises must be imported before their policies).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import cached_property

from ledger import catalogue
from ledger.importing.normalise import normalise_text
from ledger.store import Store, import_sql
from ledger.validation import normalise_patent, normalise_trademark, normalise_uscc

_SPACES = re.compile(r"\s+")
_MISS = object()
MEMO_LIMIT = 200_000  # spellings remembered (bounds memory)


def name_key(value: object) -> str:
    """Comparable form of a name: NFKC, no whitespace, lower case (（）→()，全角→半角)."""
    return _SPACES.sub("", normalise_text(value)).lower()


def number_variants(text: str) -> list[str]:
    """Forms an IP number may be stored in (patent without ZL/CN prefix, trademark…)."""
    clean = _SPACES.sub("", normalise_text(text))
    out = [clean]
    for fn in (normalise_patent, normalise_trademark):
        try:
            v = fn(clean)
        except Exception:  # noqa: BLE001 - a normaliser that cannot handle the text
            continue
        if v not in out:
            out.append(v)
    return out


class NaturalKeys:
    """Lazy, per-import caches of the ledger's natural keys."""

    def __init__(self, store: Store) -> None:
        self.conn = store.conn
        self._memo: dict[tuple[str, str], int | None] = {}
        self._uscc: dict[str, tuple[str, int | None]] = {}

    # ---------------------------------------------------------------- enterprises
    @cached_property
    def _enterprises(self) -> tuple[dict[str, int], dict[str, list[int]], dict[int, str]]:
        by_uscc: dict[str, int] = {}
        by_name: dict[str, list[int]] = defaultdict(list)
        reasons: dict[int, str] = {}
        for r in import_sql.enterprise_keys(self.conn):
            by_uscc[r["uscc"]] = r["id"]
            by_name[name_key(r["name"])].append(r["id"])
            reasons[r["id"]] = r["uscc_override_reason"]
        return by_uscc, by_name, reasons

    def enterprise_by_uscc(self, uscc: str) -> int | None:
        return self._enterprises[0].get(normalise_uscc(uscc))

    def uscc_and_enterprise(self, text: str) -> tuple[str, int | None]:
        """``(normalise_uscc(text), enterprise id or None)``, remembered per spelling: a
        register names the same few thousand enterprises on every row."""
        hit = self._uscc.get(text)
        if hit is None:
            uscc = normalise_uscc(text)
            hit = (uscc, self.enterprise_by_uscc(uscc) if uscc else None)
            if len(self._uscc) < MEMO_LIMIT:
                self._uscc[text] = hit
        return hit

    def enterprises_by_name(self, name: str) -> list[int]:
        return self._enterprises[1].get(name_key(name), [])

    def uscc_override_reason(self, enterprise_id: int) -> str:
        return self._enterprises[2].get(enterprise_id, "")

    # ---------------------------------------------------------------- IP rights
    @cached_property
    def _ip_rights(self) -> tuple[dict[tuple[str, str, int | None], int], dict[int, dict[str, list[int]]]]:
        by_key: dict[tuple[str, str, int | None], int] = {}
        by_owner: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for r in import_sql.ip_right_keys(self.conn):
            by_key[(r["ip_type"], r["number"], r["nice_class"])] = r["id"]
            by_owner[r["enterprise_id"]][r["number"]].append(r["id"])
        return by_key, by_owner

    def ip_right(self, ip_type: str, number: str, nice_class: int | None) -> int | None:
        return self._ip_rights[0].get((ip_type, number, nice_class))

    def ip_rights_of(self, enterprise_id: int, number: str) -> list[int]:
        """IP rights of ``enterprise_id`` registered under ``number`` (any type)."""
        owned = self._ip_rights[1].get(enterprise_id, {})
        for variant in number_variants(number):
            if variant in owned:
                return owned[variant]
        return []

    # ---------------------------------------------------------------- catalogue
    @cached_property
    def _products(self) -> dict[str, int]:
        rows = import_sql.product_rows(self.conn)
        out = {name_key(r["name"]): r["id"] for r in rows}
        by_code = {r["code"]: r["id"] for r in rows}
        try:
            for p in catalogue.load_products():
                for alias in p.aliases:
                    if p.code in by_code:
                        out.setdefault(name_key(alias), by_code[p.code])
        except Exception:  # noqa: BLE001 - aliases are a convenience; names still resolve
            pass
        return out

    def product(self, name: str) -> int | None:
        hit = self._memo.get(("p", name), _MISS)
        if hit is _MISS:
            hit = self._memo[("p", name)] = self._products.get(name_key(name))
        return hit  # type: ignore[return-value]

    @cached_property
    def _insurers(self) -> dict[str, int]:
        out: dict[str, int] = {}
        rows = import_sql.insurer_rows(self.conn)
        for r in rows:  # full and short names first, aliases must not shadow them
            out[name_key(r["full_name"])] = r["id"]
            if r["short_name"]:
                out.setdefault(name_key(r["short_name"]), r["id"])
        for r in rows:
            for alias in json.loads(r["aliases"] or "[]"):
                out.setdefault(name_key(alias), r["id"])
            out.setdefault(name_key(r["code"]), r["id"])
        return out

    def insurer(self, name: str) -> int | None:
        hit = self._memo.get(("i", name), _MISS)
        if hit is _MISS:
            hit = self._memo[("i", name)] = self._insurers.get(name_key(name))
        return hit  # type: ignore[return-value]

    # ---------------------------------------------------------------- policies and claims
    @cached_property
    def _policies(self) -> tuple[dict[str, int], dict[int, int]]:
        rows = import_sql.policy_keys(self.conn)
        return {r["policy_no"]: r["id"] for r in rows}, {r["id"]: r["sum_insured_fen"] for r in rows}

    def policy(self, policy_no: str) -> int | None:
        return self._policies[0].get(policy_no)

    def policy_sum_insured(self, policy_id: int) -> int | None:
        return self._policies[1].get(policy_id)

    @cached_property
    def claims(self) -> dict[str, int]:
        return {r["claim_no"]: r["id"] for r in import_sql.claim_keys(self.conn)}

    @cached_property
    def claims_paid(self) -> dict[int, dict[int, int]]:
        return import_sql.claims_paid_by_policy(self.conn)
