"""Zip safety of exchange packages (ledger/exchange/zipcheck.py) against hand-built hostile zips.

The exchange engineer owns zipcheck.py (it existed when this was written, so no second helper in
ledger/store/); these tests build each attack and expect a Refused with a Chinese message before
anything is extracted.
"""

from __future__ import annotations

import stat
import zipfile

import pytest

zipcheck = pytest.importorskip("ledger.exchange.zipcheck", reason="ledger.exchange 尚未提交")
from ledger.errors import Refused  # noqa: E402
from tests.fuzzing.targets import CJK  # noqa: E402


def _zip(tmp_path, members, name="p.zip"):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members:
            zf.writestr(member, data)
    return path


def _refused(path, match):
    with pytest.raises(Refused) as err:
        zf = zipcheck.open_checked(path, "数据包")
        zf.close()
    assert CJK.search(err.value.message), err.value.message
    assert match in err.value.message, err.value.message
    return err.value.message


@pytest.mark.parametrize("name", ["/etc/passwd", "../evil.txt", "a/../../evil", "C:/Windows/x", "a\\..\\b", "./a", "a//b"])
def test_unsafe_paths_are_refused(tmp_path, name):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path = _zip(tmp_path, [("manifest.json", b"{}"), (name, b"x")])
    _refused(path, "不安全的路径")


def test_symlink_member_is_refused(tmp_path):
    info = zipfile.ZipInfo("link")
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    _refused(_zip(tmp_path, [(info, b"/etc/passwd")]), "符号链接")


def test_duplicate_names_are_refused(tmp_path):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path = _zip(tmp_path, [("records.jsonl", b"1"), ("records.jsonl", b"2")])
    _refused(path, "出现了两次")


def test_too_many_members_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(zipcheck, "MAX_MEMBERS", 50)
    _refused(_zip(tmp_path, [(f"f{i}", b"") for i in range(51)]), "超过上限")


def test_total_uncompressed_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(zipcheck, "MAX_TOTAL_BYTES", 10_000)
    _refused(_zip(tmp_path, [(f"f{i}", bytes(range(256)) * 10) for i in range(5)]), "总大小")


def test_zip_bomb_ratio_is_refused_without_inflating(tmp_path):
    path = _zip(tmp_path, [("bomb.bin", b"\0" * (8 << 20))])  # 8 MiB of zeros -> ~8 KiB, ratio ~1000
    assert path.stat().st_size < 100_000
    message = _refused(path, "压缩炸弹")
    assert "倍" in message


def test_truncated_package_is_refused(tmp_path):
    path = _zip(tmp_path, [("manifest.json", b"{}" * 1000)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _refused(path, "不完整")


def test_member_larger_than_the_limit_is_refused_before_reading(tmp_path):
    path = _zip(tmp_path, [("big.jsonl", b"x" * 5000)])
    zf = zipcheck.open_checked(path, "数据包")
    try:
        with pytest.raises(Refused, match="过大"):
            zipcheck.read_member(zf, "big.jsonl", "数据包", limit=1000)
        assert zipcheck.read_member(zf, "big.jsonl", "数据包", limit=10_000) == b"x" * 5000
    finally:
        zf.close()


def _patch_central(data: bytes, offset_in_header: int, value: bytes) -> bytes:
    at = data.rfind(b"PK\x01\x02")
    return data[: at + offset_in_header] + value + data[at + offset_in_header + len(value):]


def test_member_whose_header_understates_its_size_is_refused(tmp_path):
    path = _zip(tmp_path, [("m.jsonl", b"y" * 4000)])
    # central directory: uncompressed size at offset 24 (4 bytes); claim 10 bytes
    path.write_bytes(_patch_central(path.read_bytes(), 24, (10).to_bytes(4, "little")))
    zf = zipcheck.open_checked(path, "数据包")
    try:
        with pytest.raises(Refused) as err:
            zipcheck.read_member(zf, "m.jsonl", "数据包", limit=1 << 20)
        assert CJK.search(err.value.message)
    finally:
        zf.close()


def test_unknown_compression_method_is_refused_in_chinese(tmp_path):
    path = _zip(tmp_path, [("m.jsonl", b"z" * 100)])
    data = _patch_central(path.read_bytes(), 10, (99).to_bytes(2, "little"))  # compression method
    at = data.find(b"PK\x03\x04")
    data = data[: at + 8] + (99).to_bytes(2, "little") + data[at + 10:]
    path.write_bytes(data)
    with pytest.raises(Refused):
        zf = zipcheck.open_checked(path, "数据包")
        try:
            zipcheck.read_member(zf, "m.jsonl", "数据包", limit=1 << 20)
        finally:
            zf.close()


def test_unsupported_zip_version_is_refused_in_chinese(tmp_path):
    path = _zip(tmp_path, [("m.jsonl", b"z")])
    data = _patch_central(path.read_bytes(), 6, (99).to_bytes(2, "little"))  # version needed to extract
    path.write_bytes(data)
    _refused(path, "数据包")


def test_an_honest_package_passes(tmp_path):
    path = _zip(tmp_path, [("manifest.json", b'{"format": 1}'), ("records/enterprise.jsonl", b"{}\n" * 100)])
    zf = zipcheck.open_checked(path, "数据包")
    try:
        assert zipcheck.read_member(zf, "manifest.json", "数据包", limit=1000) == b'{"format": 1}'
    finally:
        zf.close()
