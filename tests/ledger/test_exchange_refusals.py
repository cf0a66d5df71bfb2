"""Bad packages are refused with a precise Chinese message and the receiving database unchanged."""

from __future__ import annotations

import base64
import json
import stat
import zipfile
from pathlib import Path

import pytest

from ledger import exchange
from ledger.errors import Refused
from ledger.exchange import keys
from ledger.services.opening import open_ledger
from ledger.store import records
from ledger.store.backup import backup_connection
from tests.ledger import factories
from tests.ledger.exchange_helpers import fingerprint


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("refusals")
    a = open_ledger(folder / "lx.sqlite")
    exchange.set_office(a, "LX", "梁溪区办公室")
    ent = factories.enterprise(a, 0)
    factories.policy(a, ent, "PICC2023-0001", ip_ids=(factories.patent(a, ent),))
    exchange.export_public_key(a, folder / "lx.pub.json")
    packages = [exchange.export_package(a, folder / "lx-1.ipx").path]
    for n in (2, 3):
        with a.write() as conn:
            records.update(conn, "enterprise", ent, {"notes": f"第 {n} 次修改"})
        packages.append(exchange.export_package(a, folder / f"lx-{n}.ipx").path)
    other = open_ledger(folder / "xs.sqlite")
    exchange.set_office(other, "XS", "锡山区办公室")
    c = open_ledger(folder / "city.sqlite")
    exchange.set_office(c, "CITY", "无锡市局")
    exchange.trust_office(c, "LX", "梁溪区办公室", folder / "lx.pub.json")
    exchange.import_package(c, packages[0])
    yield {"folder": folder, "a": a, "other": other, "city": c, "packages": packages}
    for s in (a, other, c):
        s.close()


@pytest.fixture
def city(world, tmp_path):
    """A private copy of the city database (with package 1 imported)."""
    dest = backup_connection(world["city"].conn, tmp_path / "city.sqlite")
    store = open_ledger(dest, actor="市局")
    yield store
    store.close()


def rewrite(src: Path, dst: Path, *, replace: dict[str, bytes] | None = None,
            extra: list[tuple[zipfile.ZipInfo | str, bytes]] = ()) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, (replace or {}).get(info.filename, zin.read(info)))
        for info, data in extra:
            zout.writestr(info, data)
    return dst


def refused(store, path: Path, match: str) -> None:
    before = (fingerprint(store), sorted(p.name for p in store.path.parent.iterdir()))
    with pytest.raises(Refused, match=match):
        exchange.import_package(store, path)
    assert (fingerprint(store), sorted(p.name for p in store.path.parent.iterdir())) == before


def test_good_package_still_imports_after_refusals(world, city, tmp_path):
    refused(city, world["packages"][2], "缺少第 2 号数据包：请先导入 梁溪区办公室 第 2 号")
    result = exchange.import_package(city, world["packages"][1])
    assert result.counts == {"enterprise": {"updated": 1}}
    assert exchange.import_package(city, world["packages"][2]).counts == {"enterprise": {"updated": 1}}


def test_tampered_member(world, city, tmp_path):
    src = world["packages"][1]
    with zipfile.ZipFile(src) as z:
        data = z.read("data/enterprise.jsonl").replace("第 2 次修改".encode(), "已被改动".encode())
    bad = rewrite(src, tmp_path / "bad.ipx", replace={"data/enterprise.jsonl": data})
    refused(city, bad, "数据包已被篡改：data/enterprise.jsonl 校验值不符")


def test_extra_member_not_in_manifest(world, city, tmp_path):
    bad = rewrite(world["packages"][1], tmp_path / "bad.ipx", extra=[("data/policy.jsonl", b"{}\n")])
    refused(city, bad, "数据包已被篡改：包含清单之外的文件 data/policy.jsonl")


def test_edited_manifest_breaks_signature(world, city, tmp_path):
    src = world["packages"][1]
    with zipfile.ZipFile(src) as z:
        manifest = json.loads(z.read("manifest.json"))
    manifest["counts"]["enterprise"] = 99
    bad = rewrite(src, tmp_path / "bad.ipx", replace={"manifest.json": json.dumps(manifest).encode()})
    refused(city, bad, "数据包签名无效：不是由已登记的 梁溪区办公室（LX）的密钥签发")


def test_signed_with_another_offices_key(world, city, tmp_path):
    src = world["packages"][1]
    with zipfile.ZipFile(src) as z:
        body = z.read("manifest.json")
    forged = base64.b64encode(keys.sign(world["other"], body)) + b"\n"
    refused(city, rewrite(src, tmp_path / "bad.ipx", replace={"manifest.sig": forged}), "数据包签名无效")


def test_unknown_office(world, tmp_path):
    stranger = open_ledger(tmp_path / "province.sqlite")
    try:
        refused(stranger, world["packages"][0], "数据包来自未登记的办公室：梁溪区办公室（代码 LX）")
    finally:
        stranger.close()


def test_duplicate(world, city):
    refused(city, world["packages"][0], r"该数据包（梁溪区办公室 第 1 号）已于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d 导入过")


def test_out_of_order(world, city):
    refused(city, world["packages"][2], "缺少第 2 号数据包：请先导入 梁溪区办公室 第 2 号")


def test_newer_schema_refused_even_when_signed(world, city, tmp_path):
    src = world["packages"][1]
    with zipfile.ZipFile(src) as z:
        manifest = json.loads(z.read("manifest.json"))
    manifest["schema_version"] = 99
    body = json.dumps(manifest).encode()
    sig = base64.b64encode(keys.sign(world["a"], body)) + b"\n"
    bad = rewrite(src, tmp_path / "bad.ipx", replace={"manifest.json": body, "manifest.sig": sig})
    refused(city, bad, "数据包来自较新版本的程序（数据结构版本 99")


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.99])
def test_truncated(world, city, tmp_path, keep):
    data = world["packages"][1].read_bytes()
    cut = tmp_path / "cut.ipx"
    cut.write_bytes(data[: int(len(data) * keep)])
    refused(city, cut, "数据包不完整或已损坏（可能在复制或传输中被截断）")


@pytest.mark.parametrize("name", ["../evil.jsonl", "/etc/passwd", "data/../../evil", "C:/x", "data\\..\\x"])
def test_path_traversal(world, city, tmp_path, name):
    bad = rewrite(world["packages"][1], tmp_path / "bad.ipx", extra=[(zipfile.ZipInfo(name), b"x")])
    refused(city, bad, "数据包包含不安全的路径")


def test_symlink_member(world, city, tmp_path):
    info = zipfile.ZipInfo("attachments/" + "0" * 64)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    bad = rewrite(world["packages"][1], tmp_path / "bad.ipx", extra=[(info, b"/etc/passwd")])
    refused(city, bad, "数据包包含符号链接")


def test_zip_bomb(world, city, tmp_path):
    bad = rewrite(world["packages"][1], tmp_path / "bad.ipx", extra=[("data/policy.jsonl", b"\0" * (64 << 20))])
    refused(city, bad, "压缩比异常.*疑似压缩炸弹")


def test_not_a_zip(city, tmp_path):
    junk = tmp_path / "junk.ipx"
    junk.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    refused(city, junk, "数据包不完整或已损坏")


def test_cli_exit_codes_and_messages(world, city, capsys):
    from desktop.cli import main

    db = str(city.path)
    assert main(["--db", db, "exchange", "import", str(world["packages"][0])]) == 3
    assert "已于" in capsys.readouterr().err
    assert main(["--db", db, "exchange", "office", "--code", "有 空格", "--name", "市局"]) == 2
    assert "办公室代码" in capsys.readouterr().err
    assert main(["--db", db, "exchange", "resolve", "999", "--keep", "local"]) == 3
    assert "没有编号为 999 的数据交换冲突" in capsys.readouterr().err
    assert main(["--db", db, "exchange", "import", str(world["packages"][1])]) == 0
    out = capsys.readouterr().out
    assert "已导入 梁溪区办公室 第 2 号数据包" in out and "更新 1 条" in out
    assert main(["--db", db, "exchange", "conflicts"]) == 0
    assert "没有待处理的冲突" in capsys.readouterr().out


@pytest.mark.parametrize("role", ["财务", "只读", None])
def test_export_needs_a_recording_or_reviewing_user(tmp_path, role):
    from ledger import security
    from ledger.errors import PermissionDenied

    store = open_ledger(tmp_path / "lx.sqlite")
    exchange.set_office(store, "LX", "梁溪区办公室")
    factories.enterprise(store, 0)
    security.setup_administrator(store, "admin", "管理员", "Admin-2024-pass")
    security.login(store, "admin", "Admin-2024-pass")
    for username, user_role in (("cw", "财务"), ("ck", "只读"), ("jb", "经办人")):
        security.create_user(store, username, user_role, user_role, f"{username.title()}-2024-pass")
    if role is None:
        security.logout(store)  # the un-logged-in system actor
    else:
        name = {"财务": "cw", "只读": "ck"}[role]
        security.login(store, name, f"{name.title()}-2024-pass")
    before = fingerprint(store)
    with pytest.raises(PermissionDenied, match="导出数据包"):
        exchange.export_package(store, tmp_path / "lx-1.ipx")
    assert not list(tmp_path.glob("lx-1.ipx*")) and fingerprint(store) == before
    security.login(store, "jb", "Jb-2024-pass")  # 经办人 may
    assert exchange.export_package(store, tmp_path / "lx-1.ipx").package_seq == 1
    store.close()
