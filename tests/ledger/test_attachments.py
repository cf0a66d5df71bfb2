"""Attachments stored by content hash, owner-only, verified on every read."""

from __future__ import annotations

import hashlib
import os

import pytest

from ledger import security
from ledger.errors import DataProblem, InvalidInput, PermissionDenied
from ledger.security import passwords
from ledger.services import attachments
from ledger.services.enterprises import EnterpriseInput, create_enterprise

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture
def enterprise_uuid(ledger_store):
    out = create_enterprise(ledger_store, EnterpriseInput(name="无锡测试科技有限公司", uscc="91320200MA1234567X",
                                                          district_code="320214"), override_reason="测试数据")
    return out.uuid


@pytest.fixture
def pdf(tmp_path):
    path = tmp_path / "营业执照.pdf"
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(5000))
    return path


def test_add_and_open_round_trip(ledger_store, enterprise_uuid, pdf):
    data = pdf.read_bytes()
    out = attachments.add_attachment(ledger_store, "enterprise", enterprise_uuid, "营业执照", pdf)
    row = attachments.get_attachment(ledger_store, out.id)
    sha = hashlib.sha256(data).hexdigest()
    assert (row["sha256"], row["size_bytes"], row["filename"], row["kind"]) == (sha, len(data), "营业执照.pdf",
                                                                                  "营业执照")
    blob = ledger_store.path.parent / "ledger.files" / sha[:2] / f"{sha[2:]}.bin"
    assert blob.read_bytes() == data
    assert attachments.open_attachment(ledger_store, out.id) == data
    assert [r["id"] for r in attachments.list_attachments(ledger_store, "enterprise", enterprise_uuid)] == [out.id]
    audited = ledger_store.one("SELECT op FROM audit_log WHERE table_name = 'attachment' AND record_uuid = ?",
                               (out.uuid,))
    assert audited["op"] == "INSERT"


def test_same_content_is_stored_once(ledger_store, enterprise_uuid, pdf, tmp_path):
    copy = tmp_path / "副本.pdf"
    copy.write_bytes(pdf.read_bytes())
    a = attachments.add_attachment(ledger_store, "enterprise", enterprise_uuid, "营业执照", pdf)
    b = attachments.add_attachment(ledger_store, "enterprise", enterprise_uuid, "其他", copy)
    assert a.id != b.id
    blobs = [p for p in attachments.files_dir(ledger_store).rglob("*") if p.is_file()]
    assert len(blobs) == 1


def test_tampered_or_missing_file_is_detected(ledger_store, enterprise_uuid, pdf):
    out = attachments.add_attachment(ledger_store, "enterprise", enterprise_uuid, "营业执照", pdf)
    sha = attachments.get_attachment(ledger_store, out.id)["sha256"]
    blob = attachments.blob_path(ledger_store, sha)
    raw = bytearray(blob.read_bytes())
    raw[100] ^= 0x01  # one flipped bit, same size
    blob.write_bytes(bytes(raw))
    with pytest.raises(DataProblem) as info:
        attachments.open_attachment(ledger_store, out.id)
    assert info.value.message == "附件 营业执照.pdf 已损坏（校验值不符），请从备份恢复"
    assert attachments.verify_attachments(ledger_store) == [f"附件 营业执照.pdf（#{out.id}）已损坏（校验值不符）"]
    blob.unlink()
    with pytest.raises(DataProblem, match="文件丢失"):
        attachments.open_attachment(ledger_store, out.id)


def test_size_limit(ledger_store, enterprise_uuid, tmp_path, monkeypatch):
    big = tmp_path / "扫描件.pdf"
    with big.open("wb") as fh:
        fh.truncate(attachments.MAX_BYTES + 1)
    with pytest.raises(InvalidInput) as info:
        attachments.add_attachment(ledger_store, "enterprise", enterprise_uuid, "申报书", big)
    assert info.value.message == "附件 扫描件.pdf 大小为 50.0 MB，超过 50 MB 的上限，请压缩或拆分后再添加"
    # a file that grows after the size check is caught by the streaming count
    monkeypatch.setattr(attachments, "MAX_BYTES", 1000)
    grown = tmp_path / "grown.pdf"
    grown.write_bytes(b"x" * 2000)
    with pytest.raises(InvalidInput, match="超过"):
        attachments._store_blob(ledger_store, grown)
    assert ledger_store.scalar("SELECT count(*) FROM attachment") == 0
    assert not [p for p in attachments.files_dir(ledger_store).rglob("*") if p.is_file()]


def test_bad_kind_owner_and_missing_file(ledger_store, enterprise_uuid, tmp_path):
    with pytest.raises(InvalidInput) as info:
        attachments.add_attachment(ledger_store, "enterprise", "no-such-uuid", "照片", tmp_path / "nope.pdf")
    codes = {i.code for i in info.value.issues}
    assert codes == {"attachment.kind", "attachment.owner_missing", "attachment.missing"}
    with pytest.raises(InvalidInput, match="不能给 audit_log 添加附件"):
        attachments.add_attachment(ledger_store, "audit_log", enterprise_uuid, "其他", tmp_path / "nope.pdf")


def test_read_only_role_cannot_attach(ledger_store, enterprise_uuid, pdf, monkeypatch):
    monkeypatch.setattr(passwords, "N", 1024)
    security.setup_administrator(ledger_store, "admin", "管理员", "Passw0rd1")
    security.login(ledger_store, "admin", "Passw0rd1")
    security.create_user(ledger_store, "ck", "张三", "只读", "Passw0rd1")
    security.logout(ledger_store)
    security.login(ledger_store, "ck", "Passw0rd1")
    with pytest.raises(PermissionDenied, match=r"用户 张三（只读）无权执行：编辑台账记录"):
        attachments.add_attachment(ledger_store, "enterprise", enterprise_uuid, "营业执照", pdf)
    assert ledger_store.scalar("SELECT count(*) FROM attachment") == 0


@posix_only
def test_attachment_files_are_owner_only(ledger_store, enterprise_uuid, pdf):
    old = os.umask(0o022)
    try:
        out = attachments.add_attachment(ledger_store, "enterprise", enterprise_uuid, "营业执照", pdf)
    finally:
        os.umask(old)
    blob = attachments.blob_path(ledger_store, attachments.get_attachment(ledger_store, out.id)["sha256"])
    assert blob.stat().st_mode & 0o777 == 0o600
    assert blob.parent.stat().st_mode & 0o777 == 0o700
    assert attachments.files_dir(ledger_store).stat().st_mode & 0o777 == 0o700
