"""Open and verify an exchange package before anything is written.

Order of the checks: zip safety (ledger.exchange.zipcheck), manifest present and well-formed,
sender registered here, Ed25519 signature over the manifest bytes, format and schema version,
package number in sequence (not a duplicate, none missing), member list equal to the manifest's,
and the SHA-256 of every member. Any failure raises ``Refused`` with a Chinese message.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ledger.errors import Refused
from ledger.exchange import keys, zipcheck
from ledger.exchange.export import DELETED_MEMBER, FORMAT, FORMAT_VERSION
from ledger.store import exchange_sql as q
from ledger.store import migrations

LABEL = "数据包"
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
MAX_MANIFEST = 16 << 20
_ATTACHMENT = re.compile(r"^attachments/[0-9a-f]{64}$")
_DATA_MEMBERS = {f"data/{t}.jsonl" for t in (*q.TABLES, *q.LINK_PARENT)} | {DELETED_MEMBER}


@dataclass
class Verified:
    path: Path
    zf: zipfile.ZipFile
    manifest: dict[str, Any]
    sender: keys.Office  # as registered here (the registered name is the one shown)
    package_seq: int
    file_sha256: str

    @property
    def title(self) -> str:
        return f"{self.sender.name} 第 {self.package_seq} 号"


def _file_sha256(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except FileNotFoundError as exc:
        raise Refused(f"找不到数据包文件：{path}") from exc
    except OSError as exc:
        raise Refused(f"无法读取数据包文件 {path}：{exc.strerror or exc}") from exc


def _manifest(zf: zipfile.ZipFile) -> tuple[bytes, dict[str, Any], bytes]:
    names = set(zf.namelist())
    for name in (MANIFEST, SIGNATURE):
        if name not in names:
            raise Refused(f"{LABEL}缺少 {name}，不是有效的数据包或已被篡改")
    body = zipcheck.read_member(zf, MANIFEST, LABEL, MAX_MANIFEST)
    try:
        signature = base64.b64decode(zipcheck.read_member(zf, SIGNATURE, LABEL, 4096).strip(), validate=True)
        manifest = json.loads(body.decode("utf-8"))
    except (binascii.Error, ValueError) as exc:
        raise Refused(f"{LABEL}的清单或签名格式错误，已被篡改或已损坏") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise Refused(f"{LABEL}不是本程序的数据交换包（清单格式不符）")
    office = manifest.get("office")
    if not isinstance(office, dict) or not isinstance(office.get("code"), str):
        raise Refused(f"{LABEL}清单缺少发送办公室信息")
    return body, manifest, signature


def peek(path: str | Path) -> dict[str, Any]:
    """What a package says about itself (office, number, date, counts) — its manifest only.

    Same zip safety checks as an import; the signature is *not* checked (the sender may not be
    registered yet), so this is for showing, never for trusting. Raises Refused in Chinese.
    """
    path = Path(path)
    with zipcheck.open_checked(path, LABEL) as zf:
        _, manifest, _ = _manifest(zf)
    office, seq = manifest["office"], manifest.get("package_seq")
    if not isinstance(seq, int) or seq < 1:
        raise Refused(f"{LABEL}清单中的数据包编号无效")
    counts = manifest.get("counts")
    return {
        "office_id": str(office.get("id", "")), "office_code": office["code"], "office_name": str(office.get("name", "")),
        "package_seq": seq, "created_at": str(manifest.get("created_at", "")),
        "created_by": str(manifest.get("created_by", "")),
        "counts": {str(k): int(v) for k, v in counts.items() if isinstance(v, int)} if isinstance(counts, dict) else {},
        "deleted": manifest.get("deleted", 0) if isinstance(manifest.get("deleted"), int) else 0,
        "size_bytes": path.stat().st_size,
    }


def verify(conn: sqlite3.Connection, path: str | Path) -> Verified:
    """Return the verified package (caller closes ``zf``); raise Refused on any problem."""
    path = Path(path)
    file_sha = _file_sha256(path)
    zf = zipcheck.open_checked(path, LABEL)
    try:
        return _verify_open(conn, path, zf, file_sha)
    except BaseException:
        zf.close()
        raise


def _verify_open(conn: sqlite3.Connection, path: Path, zf: zipfile.ZipFile, file_sha: str) -> Verified:
    body, manifest, signature = _manifest(zf)
    office = manifest["office"]
    code, claimed_name = office["code"], str(office.get("name", ""))
    registered = q.office_by_code(conn, code)
    if registered is None:
        raise Refused(f"数据包来自未登记的办公室：{claimed_name}（代码 {code}）。请先用 ipdesk exchange trust "
                      f"--office-code {code} --name 名称 --public-key 公钥文件 登记该办公室的公钥后再导入")
    sender = keys.Office(registered["office_id"] or str(office.get("id", "")), code, registered["name"])
    if not keys.verify(registered["public_key"], signature, body):
        raise Refused(f"数据包签名无效：不是由已登记的 {sender.name}（{code}）的密钥签发，或清单已被改动，拒绝导入")
    if registered["office_id"] and office.get("id") != registered["office_id"]:
        raise Refused(f"数据包中的办公室标识与登记的 {sender.name}（{code}）不一致，拒绝导入")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise Refused(f"数据包格式版本 {manifest.get('format_version')} 不受支持（本程序支持版本 {FORMAT_VERSION}）")
    theirs, ours = manifest.get("schema_version"), migrations.schema_version(conn)
    if not isinstance(theirs, int) or theirs > ours:
        raise Refused(f"数据包来自较新版本的程序（数据结构版本 {theirs}，本机 {ours}），请先升级本程序再导入")
    seq = manifest.get("package_seq")
    if not isinstance(seq, int) or seq < 1:
        raise Refused(f"{LABEL}清单中的数据包编号无效")
    verified = Verified(path, zf, manifest, sender, seq, file_sha)
    _check_sequence(conn, verified)
    _check_members(zf, manifest)
    return verified


def _check_sequence(conn: sqlite3.Connection, v: Verified) -> None:
    done = q.received(conn, v.sender.id, v.package_seq) or q.received_by_hash(conn, v.file_sha256)
    if done is not None:
        raise Refused(f"该数据包（{done['office_name']} 第 {done['package_seq']} 号）已于 "
                      f"{done['imported_at'].replace('T', ' ')} 导入过，不再重复导入")
    last = q.last_received_seq(conn, v.sender.id)
    if v.package_seq > last + 1:
        raise Refused(f"缺少第 {last + 1} 号数据包：请先导入 {v.sender.name} 第 {last + 1} 号"
                      + (f"（至第 {v.package_seq - 1} 号）" if v.package_seq - 1 > last + 1 else "")
                      + f"，再导入第 {v.package_seq} 号")
    if v.package_seq <= last:
        raise Refused(f"该数据包（{v.sender.name} 第 {v.package_seq} 号）早于已导入的第 {last} 号，拒绝导入")


def _check_members(zf: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
    listed = manifest.get("members")
    if not isinstance(listed, dict):
        raise Refused(f"{LABEL}清单缺少文件校验值")
    present = set(zf.namelist()) - {MANIFEST, SIGNATURE}
    for name in sorted(present - set(listed)):
        raise Refused(f"数据包已被篡改：包含清单之外的文件 {name}")
    for name in sorted(set(listed) - present):
        raise Refused(f"数据包已被篡改：缺少文件 {name}")
    for name in sorted(listed):
        if name not in _DATA_MEMBERS and not _ATTACHMENT.match(name):
            raise Refused(f"{LABEL}包含不认识的文件 {name}，拒绝导入")
        expected = listed[name].get("sha256") if isinstance(listed[name], dict) else None
        if member_sha256(zf, name) != expected:
            raise Refused(f"数据包已被篡改：{name} 校验值不符")


def member_sha256(zf: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    for chunk in zipcheck.iter_member(zf, name, LABEL):
        digest.update(chunk)
    return digest.hexdigest()
