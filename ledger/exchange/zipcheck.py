"""Zip safety for exchange packages, checked before any member is read.

Refuses (with a Chinese message naming the member): a file that is not a complete zip (cut short in
transfer), absolute paths, ``..`` segments, backslashes or drive letters, symbolic links, duplicate
names, too many members, members or totals over the size limits, and compression ratios no honest
package reaches (zip bombs). Reading is bounded too: :func:`read_member` stops at the declared
size and zipfile's CRC check catches a member whose header lies about it.
"""

from __future__ import annotations

import re
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ledger.errors import Refused

MAX_MEMBERS = 100_000
MAX_MEMBER_BYTES = 1 << 30  # 1 GiB uncompressed per member
MAX_TOTAL_BYTES = 4 << 30  # 4 GiB uncompressed in all
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR
RATIO_FLOOR = 1 << 20
CHUNK = 1 << 20
_DRIVE = re.compile(r"^[A-Za-z]:")


def _bad_name(name: str) -> bool:
    parts = name.split("/")
    return (not name or name.startswith("/") or "\\" in name or bool(_DRIVE.match(name)) or "\x00" in name
            or any(p in ("", ".", "..") for p in parts))


def open_checked(path: Path, label: str) -> zipfile.ZipFile:
    """Open ``path`` as a zip and check every entry; raise Refused before anything is extracted."""
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise Refused(f"找不到数据包文件：{path}") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise Refused(f"{label}不完整或已损坏（可能在复制或传输中被截断），无法读取：{Path(path).name}") from exc
    try:
        check_entries(zf, label)
    except BaseException:
        zf.close()
        raise
    return zf


def check_entries(zf: zipfile.ZipFile, label: str) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise Refused(f"{label}包含 {len(infos)} 个文件，超过上限 {MAX_MEMBERS}，拒绝导入")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if _bad_name(name) or info.is_dir():
            raise Refused(f"{label}包含不安全的路径：{name!r}（绝对路径、“..”或目录），拒绝导入")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise Refused(f"{label}包含符号链接：{name}，拒绝导入")
        if name in seen:
            raise Refused(f"{label}中文件 {name} 出现了两次，拒绝导入")
        seen.add(name)
        if info.flag_bits & 0x1:
            raise Refused(f"{label}中文件 {name} 已加密，无法校验，拒绝导入")
        if info.file_size > MAX_MEMBER_BYTES:
            raise Refused(f"{label}中文件 {name} 解压后 {info.file_size:,} 字节，超过上限，拒绝导入")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise Refused(f"{label}中文件 {name} 压缩比异常（{info.file_size // max(info.compress_size, 1)} 倍），"
                          "疑似压缩炸弹，拒绝导入")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise Refused(f"{label}解压后总大小超过 {MAX_TOTAL_BYTES >> 30} GiB 上限，拒绝导入")


def iter_member(zf: zipfile.ZipFile, name: str, label: str) -> Iterator[bytes]:
    """Chunks of one member, never more than its declared size; damage → Refused."""
    info = zf.getinfo(name)
    read = 0
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(CHUNK)
                if not chunk:
                    break
                read += len(chunk)
                if read > info.file_size:
                    raise Refused(f"{label}中文件 {name} 的实际大小与声明不符，拒绝导入")
                yield chunk
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise Refused(f"{label}中文件 {name} 已损坏或被篡改（校验失败：{exc}），拒绝导入") from exc


def read_member(zf: zipfile.ZipFile, name: str, label: str, limit: int) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > limit:
        raise Refused(f"{label}中文件 {name} 过大（{info.file_size:,} 字节），拒绝导入")
    return b"".join(iter_member(zf, name, label))
