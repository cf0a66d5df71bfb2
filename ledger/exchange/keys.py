"""Office identity and Ed25519 signing keys (the ``cryptography`` package).

Each database has an office id (uuid, ``app_setting.office_id``), a code and a name
(``office_code`` / ``office_name``) and one Ed25519 key pair in ``exchange_key`` — a table that is
not audited, so the private key never lands in the append-only audit log. The receiving bureau
registers the sender's *public* key (``exchange trust``); no secret is ever shared.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from ledger import security
from ledger.errors import InvalidInput, Issue, Refused
from ledger.store import Store, lookups
from ledger.store import exchange_sql as q

ALGORITHM = "Ed25519"
KEY_FILE_FORMAT = "ipdesk-office-public-key"
CODE_RE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


@dataclass(frozen=True)
class Office:
    id: str
    code: str
    name: str


def fingerprint(public_key_b64: str) -> str:
    digest = hashlib.sha256(base64.b64decode(public_key_b64)).hexdigest()[:32]
    return ":".join(digest[i:i + 4] for i in range(0, 32, 4))


def set_office(store: Store, code: str, name: str) -> Office:
    """Set this office's code and name (shown to the receiving bureau in every package)."""
    code, name = code.strip(), name.strip()
    issues = []
    if not CODE_RE.match(code):
        issues.append(Issue("office_code", "office.code", "办公室代码只能由 1–32 位字母、数字、- 或 _ 组成"))
    if not name or len(name) > 100:
        issues.append(Issue("office_name", "office.name", "办公室名称不能为空且不超过 100 字"))
    if issues:
        raise InvalidInput(issues)
    with store.write() as conn:
        lookups.set_setting(conn, "office_code", code)
        lookups.set_setting(conn, "office_name", name)
    return office(store)


def office(store: Store) -> Office:
    return Office(store.setting("office_id"), store.setting("office_code"), store.setting("office_name"))


def require_office(store: Store) -> Office:
    me = office(store)
    if not me.code or not me.name:
        raise Refused("尚未设置本办公室的代码和名称：请先运行 ipdesk exchange office --code 代码 --name 名称")
    return me


def _restrict_permissions(store: Store) -> None:
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{store.path}{suffix}")
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(path, 0o600)


def ensure_key(store: Store) -> str:
    """Return this office's public key (base64), creating the key pair on first use."""
    row = q.signing_key(store.conn)
    if row is not None:
        return row["public_key"]
    private = Ed25519PrivateKey.generate()
    raw_private = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    raw_public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    with store.write() as conn:
        if q.signing_key(conn) is None:
            q.save_signing_key(conn, ALGORITHM, base64.b64encode(raw_private).decode(),
                               base64.b64encode(raw_public).decode())
    _restrict_permissions(store)
    return q.signing_key(store.conn)["public_key"]


def sign(store: Store, data: bytes) -> bytes:
    ensure_key(store)
    row = q.signing_key(store.conn)
    private = Ed25519PrivateKey.from_private_bytes(base64.b64decode(row["private_key"]))
    return private.sign(data)


def verify(public_key_b64: str, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64)).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def export_public_key(store: Store, path: Path) -> Path:
    """Write this office's public key file for registration at the receiving bureau."""
    me = require_office(store)
    public = ensure_key(store)
    doc = {"format": KEY_FILE_FORMAT, "version": 1, "office_id": me.id, "office_code": me.code,
           "office_name": me.name, "algorithm": ALGORITHM, "public_key": public,
           "fingerprint": fingerprint(public)}
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def read_public_key_file(path: Path) -> dict:
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Refused(f"无法读取公钥文件 {path}：{exc}") from exc
    if not isinstance(doc, dict) or doc.get("format") != KEY_FILE_FORMAT or doc.get("algorithm") != ALGORITHM:
        raise Refused(f"文件 {path} 不是本程序导出的办公室公钥文件")
    try:
        raw = base64.b64decode(doc["public_key"], validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
    except (KeyError, ValueError, TypeError) as exc:
        raise Refused(f"公钥文件 {path} 中的公钥无效") from exc
    return doc


def trust_office(store: Store, code: str, name: str, public_key_file: Path) -> Office:
    """Register (or re-key) an office whose packages this database accepts."""
    security.require(store, "exchange.manage")
    doc = read_public_key_file(public_key_file)
    code, name = code.strip(), name.strip()
    if not CODE_RE.match(code):
        raise InvalidInput([Issue("office_code", "office.code", "办公室代码只能由 1–32 位字母、数字、- 或 _ 组成")])
    if doc.get("office_code") and doc["office_code"] != code:
        raise Refused(f"公钥文件属于办公室 {doc['office_code']}（{doc.get('office_name', '')}），"
                      f"与指定的代码 {code} 不符")
    if doc.get("office_id") == store.office_id:
        raise Refused("这是本办公室自己的公钥，无需登记")
    with store.write() as conn:
        q.trust_office(conn, str(doc.get("office_id", "")), code, name or doc.get("office_name", code),
                       ALGORITHM, doc["public_key"], store.actor)
    return Office(str(doc.get("office_id", "")), code, name)


def trusted_offices(store: Store) -> list[dict]:
    return [dict(r) | {"fingerprint": fingerprint(r["public_key"])} for r in q.trusted_offices(store.conn)]
