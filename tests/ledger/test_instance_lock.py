"""One writer and safe locations: instance lock, network/removable detection, read-only, permissions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ledger.errors import DataProblem
from ledger.services.session import open_for_app
from ledger.store import instance_lock, location

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")

HOLDER = textwrap.dedent("""
    import sys, time
    from ledger.store import instance_lock
    lock = instance_lock.acquire(sys.argv[1], user="张三")
    print("ready", flush=True)
    sys.stdin.readline()
    lock.release()
""")


@pytest.fixture
def holder(db_path):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path)], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    yield proc
    proc.stdin.close()
    proc.wait(timeout=10)


def test_second_instance_is_refused_naming_the_holder(db_path, holder):
    with pytest.raises(DataProblem) as info:
        instance_lock.acquire(db_path, user="李四")
    msg = info.value.message
    assert f"数据库 {db_path.absolute()} 正由 张三 在 主机 " in msg and "请先关闭对方程序" in msg
    assert "（自 20" in msg
    with pytest.raises(DataProblem, match="正由 张三"):
        open_for_app(db_path, "李四")
    assert not db_path.exists()  # refused before anything was created


def test_lock_is_free_again_after_the_holder_exits(db_path, holder):
    holder.stdin.write("\n")
    holder.stdin.flush()
    holder.wait(timeout=10)
    with instance_lock.acquire(db_path) as lock:
        assert lock.held and not lock.took_over_stale
    assert not instance_lock.lock_path(db_path).exists()


def test_stale_lock_of_a_killed_process_is_taken_over(db_path):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path)], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    proc.kill()
    proc.wait(timeout=10)
    path = instance_lock.lock_path(db_path)
    assert json.loads(path.read_text("utf-8"))["user"] == "张三"  # the crash left the file behind
    lock = instance_lock.acquire(db_path, user="李四")
    try:
        assert lock.took_over_stale and lock.previous["user"] == "张三"
        info = json.loads(path.read_text("utf-8"))
        assert info["user"] == "李四" and info["pid"] == os.getpid()
        lock.set_user("李四（经办人）")
        assert json.loads(path.read_text("utf-8"))["user"] == "李四（经办人）"
    finally:
        lock.release()


def test_same_process_cannot_take_it_twice(db_path):
    first = instance_lock.acquire(db_path, user="王五")
    try:
        with pytest.raises(DataProblem, match="正由 王五"):
            instance_lock.acquire(db_path)
    finally:
        first.release()


def test_open_for_app_takes_the_lock_and_reports_a_stale_one(db_path):
    path = instance_lock.lock_path(db_path)
    path.write_text(json.dumps({"pid": 999999, "user": "赵六", "host": "旧电脑", "since": "2026-11-25T09:30:00"}),
                    "utf-8")
    store, lock, warnings = open_for_app(db_path, "system")
    try:
        assert lock is not None and lock.held and not store.readonly
        assert any("赵六" in w and "未正常退出" in w for w in warnings)
        with pytest.raises(DataProblem, match="请先关闭对方程序"):
            open_for_app(db_path, "system")
    finally:
        store.close()
        lock.release()


# -- locations ------------------------------------------------------------------------------
MOUNTS = textwrap.dedent("""\
    /dev/nvme0n1p2 / ext4 rw,relatime 0 0
    /dev/nvme0n1p1 /boot/efi vfat rw 0 0
    fileserver:/export/ip /srv/share nfs4 rw,relatime,vers=4.2 0 0
    //nas/财务 /mnt/nas\\040office cifs rw,vers=3.0 0 0
    clerk@host:/data /home/clerk/remote fuse.sshfs rw,nosuid 0 0
    /dev/sdb1 /media/clerk/U盘 vfat rw,nosuid 0 0
    /dev/sdc1 /data/external ext4 rw 0 0
    /dev/sdd1 /data/internal ext4 rw 0 0
""")


@pytest.fixture
def sys_root(tmp_path):
    for disk, removable in (("sdc", "1"), ("sdd", "0"), ("nvme0n1", "0")):
        (tmp_path / "sys" / "block" / disk).mkdir(parents=True)
        (tmp_path / "sys" / "block" / disk / "removable").write_text(removable + "\n")
    return tmp_path / "sys"


def test_parse_mounts_unescapes_spaces():
    mounts = location.parse_mounts(MOUNTS)
    assert location.Mount("//nas/财务", "/mnt/nas office", "cifs") in mounts
    assert location.mount_of("/mnt/nas office/ip.sqlite", mounts).fstype == "cifs"
    assert location.mount_of("/srv/shared/x.sqlite", mounts).mountpoint == "/"  # prefix, not a child


@pytest.mark.parametrize(("path", "expected"), [
    ("/srv/share/ledger/ipdesk.sqlite", "网络共享（nfs4：fileserver:/export/ip）"),
    ("/mnt/nas office/ipdesk.sqlite", "网络共享（cifs"),
    ("/home/clerk/remote/ipdesk.sqlite", "网络共享（fuse.sshfs"),
    ("/media/clerk/U盘/ipdesk.sqlite", "可移动磁盘"),
    ("/run/media/clerk/DISK/ipdesk.sqlite", "可移动磁盘"),
    ("/data/external/ipdesk.sqlite", "可移动磁盘"),
    ("/data/internal/ipdesk.sqlite", None),
    ("/home/clerk/ipdesk.sqlite", None),
])
def test_location_warning_linux(path, expected, sys_root):
    warning = location.location_warning(path, platform="linux", mounts_text=MOUNTS, sys_root=sys_root)
    if expected is None:
        assert warning is None
    else:
        assert expected in warning and path in warning


def test_location_warning_windows_drive_types():
    assert "网络共享（UNC 路径）" in location.windows_warning(Path(r"\\nas\share\ipdesk.sqlite"))
    assert "网络驱动器" in location.windows_warning(Path(r"Z:\ipdesk.sqlite"), location.DRIVE_REMOTE)
    assert "可移动磁盘" in location.windows_warning(Path(r"E:\ipdesk.sqlite"), location.DRIVE_REMOVABLE)
    assert location.windows_warning(Path(r"C:\ipdesk.sqlite"), 3) is None  # DRIVE_FIXED


def test_disk_names():
    assert location._disk_of("/dev/sdb1") == "sdb"
    assert location._disk_of("/dev/nvme0n1p2") == "nvme0n1"
    assert location._disk_of("/dev/mmcblk0p1") == "mmcblk0"
    assert location._disk_of("server:/x") is None


def test_open_for_app_passes_on_the_location_warning(db_path, monkeypatch):
    monkeypatch.setattr(location, "location_warning", lambda p: f"数据库 {p} 位于网络共享（nfs：x）上。")
    store, lock, warnings = open_for_app(db_path)
    try:
        assert warnings == [f"数据库 {db_path.absolute()} 位于网络共享（nfs：x）上。"]
    finally:
        store.close()
        lock.release()


# -- read-only ------------------------------------------------------------------------------
def _pretend_not_root(monkeypatch, *paths: Path) -> None:
    """root may write anything; make os.access answer as it would for the file's owner."""
    real = os.access
    blocked = {str(p) for p in paths}

    def access(path, mode, *a, **k):
        if str(path) in blocked and mode & os.W_OK:
            return False
        return real(path, mode, *a, **k)

    monkeypatch.setattr(os, "access", access)


def test_read_only_database_opens_read_only_and_refuses_writes(db_path, monkeypatch):
    from ledger.services.enterprises import EnterpriseInput, create_enterprise

    store, lock, _ = open_for_app(db_path)
    store.close()
    lock.release()
    os.chmod(db_path, 0o400)
    _pretend_not_root(monkeypatch, db_path)
    store, lock, warnings = open_for_app(db_path)
    try:
        assert store.readonly and lock is None
        assert warnings[0].startswith("只读模式：数据库文件") and "不能修改" in warnings[0]
        assert store.scalar("SELECT count(*) FROM product") > 0  # reading works
        with pytest.raises(DataProblem, match="以只读方式打开，不能修改"):
            create_enterprise(store, EnterpriseInput(name="测试企业", uscc="91320200MA1234567X",
                                                     district_code="320214"), override_reason="测试")
    finally:
        store.close()
        os.chmod(db_path, 0o600)


def test_unwritable_folder_counts_as_read_only(tmp_path, monkeypatch):
    db = tmp_path / "ledger.sqlite"
    _pretend_not_root(monkeypatch, tmp_path)
    assert "不可写" in location.readonly_reason(db)
    assert location.readonly_reason(tmp_path / "elsewhere.sqlite") is not None
    monkeypatch.undo()
    assert location.readonly_reason(db) is None


# -- permissions ----------------------------------------------------------------------------
@posix_only
def test_database_wal_shm_and_lock_are_owner_only(db_path, tmp_path):
    old = os.umask(0o022)
    try:
        store, lock, _ = open_for_app(db_path)
        try:
            with store.write() as conn:
                conn.execute("INSERT INTO app_setting (key, value) VALUES ('x', 'y')")
            for p in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm"), instance_lock.lock_path(db_path)):
                assert p.exists(), p
                assert p.stat().st_mode & 0o777 == 0o600, p
            from ledger.services.backups import backup_now

            out = backup_now(store, tmp_path / "backups" / "b.sqlite")
            assert out.stat().st_mode & 0o777 == 0o600
            daily = [p for p in tmp_path.rglob("*.sqlite") if p != db_path and p != out]
            assert daily, "open_for_app writes the day's automatic backup"
            assert all(p.stat().st_mode & 0o777 == 0o600 for p in daily)
        finally:
            store.close()
            lock.release()
    finally:
        os.umask(old)


@posix_only
def test_open_for_app_narrows_an_existing_world_readable_database(db_path):
    store, lock, _ = open_for_app(db_path)
    store.close()
    lock.release()
    os.chmod(db_path, 0o644)
    store, lock, _ = open_for_app(db_path)
    try:
        assert db_path.stat().st_mode & 0o777 == 0o600
    finally:
        store.close()
        lock.release()
