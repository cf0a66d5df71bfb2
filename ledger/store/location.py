"""Is the database somewhere safe? Network shares, removable drives, read-only files.

SQLite's locking is unreliable on network file systems and a pulled USB stick can tear a
write, so :func:`location_warning` returns a Chinese warning (or None) for a database on
* Linux: a network or FUSE mount in ``/proc/mounts`` (nfs, cifs, smb, sshfs, ``fuse.*``…), a
  mount under ``/media`` or ``/run/media``, or a block device whose ``/sys/block/*/removable``
  is 1; macOS: anything under ``/Volumes``;
* Windows: ``GetDriveTypeW`` reporting ``DRIVE_REMOTE`` or ``DRIVE_REMOVABLE`` (or a UNC path).
The parsers take their input as arguments so tests can feed fake ``/proc/mounts`` text.

:func:`readonly_reason` says why a database cannot be written (file or folder not writable),
and :func:`owner_only` narrows the database and its companions to owner-only permissions.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

NETWORK_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "afs",
    "ncpfs", "ceph", "glusterfs", "fuse.glusterfs", "davfs", "fuse.davfs2", "fuse.gvfsd-fuse",
    "fuse.rclone", "lustre", "gpfs", "beegfs", "virtiofs", "vboxsf", "fuse.s3fs", "fuse.dropbox",
})
REMOVABLE_PREFIXES = ("/media/", "/run/media/")
DRIVE_REMOVABLE, DRIVE_REMOTE = 2, 4


@dataclass(frozen=True)
class Mount:
    device: str
    mountpoint: str
    fstype: str


def _unescape(field: str) -> str:
    """``/proc/mounts`` writes space, tab, newline and backslash as octal escapes."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def parse_mounts(text: str) -> list[Mount]:
    mounts = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            mounts.append(Mount(_unescape(parts[0]), _unescape(parts[1]), parts[2]))
    return mounts


def mount_of(path: str | os.PathLike[str], mounts: list[Mount]) -> Mount | None:
    """The mount holding ``path`` (longest matching mount point; the last one wins a tie)."""
    target = os.path.normpath(str(path))
    best: Mount | None = None
    for m in mounts:
        point = m.mountpoint.rstrip("/") or "/"
        inside = target == point or target.startswith(point if point == "/" else point + "/")
        if inside and (best is None or len(point) >= len(best.mountpoint.rstrip("/") or "/")):
            best = m
    return best


def is_network_type(fstype: str) -> bool:
    return fstype in NETWORK_TYPES or fstype.startswith("fuse.") or fstype.startswith("nfs")


def _disk_of(device: str) -> str | None:
    """``/dev/sdb1`` → ``sdb``; ``/dev/nvme0n1p2`` → ``nvme0n1``; ``/dev/mmcblk0p1`` → ``mmcblk0``."""
    if not device.startswith("/dev/"):
        return None
    name = device[5:]
    m = re.fullmatch(r"((?:nvme\d+n\d+)|(?:mmcblk\d+))(?:p\d+)?", name)
    if m:
        return m.group(1)
    m = re.fullmatch(r"([a-z]+)\d*", name)
    return m.group(1) if m else None


def is_removable_device(device: str, sys_root: Path = Path("/sys")) -> bool:
    disk = _disk_of(device)
    if disk is None:
        return False
    try:
        return (sys_root / "block" / disk / "removable").read_text().strip() == "1"
    except OSError:
        return False


def _network_text(path: Path, kind: str) -> str:
    return (f"数据库 {path} 位于网络共享（{kind}）上。SQLite 在网络文件系统上无法可靠加锁，"
            "断网或多人同时打开都可能损坏数据。请把数据库放在本机硬盘上，用备份或交换包共享数据。")


def _removable_text(path: Path) -> str:
    return (f"数据库 {path} 位于可移动磁盘上。拔出磁盘或断电时正在写入的数据可能损坏。"
            "请把数据库放在本机硬盘上，可移动磁盘只用来存放备份。")


def linux_warning(path: Path, mounts_text: str, sys_root: Path = Path("/sys")) -> str | None:
    mount = mount_of(path, parse_mounts(mounts_text))
    if mount is not None and is_network_type(mount.fstype):
        return _network_text(path, f"{mount.fstype}：{mount.device}")
    point = (mount.mountpoint if mount else "").rstrip("/") + "/"
    if point.startswith(REMOVABLE_PREFIXES) or str(path).startswith(("/media/", "/run/media/")):
        return _removable_text(path)
    if mount is not None and is_removable_device(mount.device, sys_root):
        return _removable_text(path)
    return None


def windows_warning(path: Path, drive_type: int | None = None) -> str | None:
    text = str(path)
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return _network_text(path, "UNC 路径")
    if drive_type is None:
        drive_type = _windows_drive_type(path)
    if drive_type == DRIVE_REMOTE:
        return _network_text(path, "网络驱动器")
    if drive_type == DRIVE_REMOVABLE:
        return _removable_text(path)
    return None


def _windows_drive_type(path: Path) -> int | None:
    try:
        import ctypes

        drive = os.path.splitdrive(str(path))[0]
        if not drive:
            return None
        return int(ctypes.windll.kernel32.GetDriveTypeW(drive.rstrip("\\") + "\\"))  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return None


def location_warning(path: str | os.PathLike[str], *, platform: str | None = None,
                     mounts_text: str | None = None, sys_root: Path = Path("/sys")) -> str | None:
    """A Chinese warning when the database sits on a network share or removable drive."""
    platform = platform or sys.platform
    target = Path(os.path.abspath(Path(path).expanduser()))
    if platform == "win32":
        return windows_warning(target)
    if platform == "darwin":
        return _removable_text(target) if str(target).startswith("/Volumes/") else None
    try:
        target = target.resolve()
    except OSError:
        pass
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    return linux_warning(target, mounts_text, sys_root)


# -- read-only and permissions --------------------------------------------------------------
def readonly_reason(path: str | os.PathLike[str]) -> str | None:
    """Why this (existing) database cannot be written, or None when it can."""
    db = Path(path).expanduser()
    if db.exists() and not os.access(db, os.W_OK):
        return f"数据库文件 {db} 是只读的"
    folder = db.parent if str(db.parent) else Path(".")
    if not os.access(folder, os.W_OK):
        return f"数据库所在文件夹 {folder} 不可写（无法创建日志文件）"
    return None


def companions(db_path: str | os.PathLike[str]) -> list[Path]:
    db = Path(db_path)
    return [db, *(db.with_name(db.name + s) for s in ("-wal", "-shm", "-journal", ".lock"))]


def owner_only(paths: list[Path]) -> list[Path]:
    """chmod 0o600 the existing files we own that others could read; return the changed ones."""
    changed: list[Path] = []
    if os.name != "posix":
        return changed  # Windows: the user profile's ACLs already keep other users out
    for p in paths:
        try:
            st = p.stat()
            if not stat.S_ISREG(st.st_mode) or st.st_uid != os.geteuid():
                continue
            if st.st_mode & 0o077:
                os.chmod(p, stat.S_IMODE(st.st_mode) & 0o600)
                changed.append(p)
        except OSError:
            continue
    return changed
