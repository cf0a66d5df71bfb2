"""Shared set-up of the exchange tests: offices with demo data, packages, database fingerprints."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ledger import exchange, security
from ledger.demo import generate
from ledger.services.opening import open_ledger
from ledger.store import exchange_sql

ALL_TABLES = (*exchange_sql.TABLES, "policy_insurer", "policy_ip_right", "product_insurer")


def district(folder: Path, code: str, name: str, seed: int, *, renumber: str = ""):
    """A district database with demo data; ``renumber`` prefixes the office-issued serial numbers."""
    store = open_ledger(folder / f"{code}.sqlite", actor="测试员")
    exchange.set_office(store, code, name)
    generate(store, scale="local", seed=seed)
    security.login(store, "jingban1", "demo1234")  # the demo has users now: a 经办人 sends the package
    if renumber:
        with store.write() as conn:
            for table, col in (("policy", "policy_no"), ("claim", "claim_no"),
                               ("subsidy_application", "application_no")):
                conn.execute(f"UPDATE {table} SET {col} = ? || {col}", (renumber,))
    exchange.export_public_key(store, folder / f"{code}.pub.json")
    return store


def city(folder: Path, trusted: tuple[tuple[str, str], ...], name: str = "city"):
    store = open_ledger(folder / f"{name}.sqlite", actor="市局审核员")
    exchange.set_office(store, "CITY", "无锡市局")
    for code, office_name in trusted:
        exchange.trust_office(store, code, office_name, folder / f"{code}.pub.json")
    return store


def uuids(store, table: str) -> set[str]:
    return {r[0] for r in store.rows(f"SELECT uuid FROM {table}")}


def link_pairs(store, table: str) -> set[tuple[str, str]]:
    parent, other = {"policy_insurer": ("policy", "insurer"), "policy_ip_right": ("policy", "ip_right"),
                     "product_insurer": ("product", "insurer")}[table]
    fk_parent, fk_other = f"{parent}_id", f"{other}_id"
    return {(r[0], r[1]) for r in store.rows(
        f"SELECT p.uuid, o.uuid FROM {table} l JOIN {parent} p ON p.id = l.{fk_parent} "
        f"JOIN {other} o ON o.id = l.{fk_other}")}


def fingerprint(store) -> str:
    """SHA-256 of a full SQL dump: any write changes it."""
    digest = hashlib.sha256()
    for line in store.conn.iterdump():
        digest.update(line.encode("utf-8"))
    return digest.hexdigest()
