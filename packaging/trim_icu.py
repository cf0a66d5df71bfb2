"""A smaller ``libicudata.so.NN`` for the Linux bundle: ICU data for Chinese and English only.

The PySide6 wheel ships ICU's complete data library (libicudata.so.73, 31 MB: every locale's
names, units, currencies, collations, 190 legacy converters…), the largest file of the bundle.
Qt uses ICU for collation (QCollator), locale-aware case mapping, non-UTF codecs and time-zone
names; our application needs it only for Chinese and English. This script

1. reads the data blob out of the library (the ``icudtNN_dat`` symbol, found by parsing the ELF
   dynamic symbol table — no third-party ELF library),
2. removes, with ICU's own ``icupkg -r``, the locale bundles of other languages, the converters
   of non-Chinese legacy code pages and the data of ICU services Qt never calls (break
   iterators, transliteration…; see ``TREES_DROPPED``),
3. assembles the rest into a shared library with the same SONAME and symbol (``gcc``, ``.incbin``).

Locales whose bundles are removed fall back to ICU's root data (no crash, just root formats),
exactly as ICU does for any locale it does not know. ``packaging/ipdesk.spec`` uses the result
when ``icupkg`` (Debian: icu-devtools) and ``gcc`` are available and otherwise keeps the original
library (and says so). Standard library only; run by hand with
``python packaging/trim_icu.py SRC_LIB OUT_DIR``.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

# Locale bundles kept (with their parents): everything a zh_CN or en UI asks ICU for.
KEEP_LOCALES = frozenset({
    "root", "en", "en_US", "en_US_POSIX", "en_001", "en_GB",
    "zh", "zh_CN", "zh_Hans", "zh_Hans_CN", "zh_Hans_HK", "zh_Hans_MO", "zh_Hans_SG", "zh_SG",
    "zh_Hant", "zh_Hant_TW", "zh_TW", "zh_HK", "zh_Hant_HK", "zh_MO", "zh_Hant_MO",
})
# Legacy converters kept: Chinese code pages (GBK/GB18030/GB2312/Big5) and the Western ones an
# exported spreadsheet might use. UTF-8/16/32, US-ASCII and ISO-8859-1 are built into ICU's code.
KEEP_CONVERTERS = re.compile(
    r"^(gb18030|windows-936-2000|windows-950-2000|ibm-1383_|ibm-1386_|ibm-5478_|ibm-1363_|"
    r"ibm-950_|ibm-1373_|ibm-1375_|iso-ir-165|ibm-5348_|ibm-1252_|ibm-912_|ibm-913_|ibm-914_|"
    r"ibm-915_|ibm-923_|iso-8859_|ibm-437_|icu-internal-25546)"
)
# Whole data trees of ICU services the Qt build never calls. libQt6Core's ICU imports are only
# ucol_* (QCollator), ucnv_* (QStringConverter), u_strToUpper/u_strToLower and ucal_* (time-zone
# IDs and names); no Qt library calls ubrk_* (Qt breaks text with its own Unicode tables),
# utrans_*, u_charName, unum_*/rbnf, ucurr_*/units, usprep_* or uspoof_*. So the break
# iterators with their dictionaries (3.4 MB, CJK 2 MB of it), the transliterators (1.1 MB),
# character names, spell-out rules, currency and unit names, StringPrep profiles and the spoof
# checker's confusables go: 10.0 -> 4.7 MB. (``objdump -T libQt6*.so* | grep '_73$'`` lists the
# imports; tests/test_packaging.py checks them against this list.)
TREES_DROPPED = ("brkitr/", "translit/", "rbnf/", "curr/", "unit/")
ITEMS_DROPPED = re.compile(r"^(unames\.icu|confusables\.cfu|rfc\d+\w*\.spp)$")
# ICU C API prefixes the trimmed data still serves; any other import by a Qt library means the
# list above needs a look (checked by tests/test_packaging.py against the wheel's libraries).
ICU_APIS_SERVED = ("ucol_", "ucnv_", "u_strToUpper", "u_strToLower", "ucal_")

_ALWAYS_KEPT = frozenset({"root.res", "res_index.res", "pool.res"})
_LOCALE_ITEM = re.compile(r"^(?:[a-z]+/)?([a-z]{2,3}(?:_[A-Za-z0-9]+)*)\.res$")


def removals(items: list[str]) -> list[str]:
    """The package items to remove (``icupkg -l`` names, e.g. ``coll/de.res``), sorted."""
    drop = []
    for item in items:
        name = item.rsplit("/", 1)[-1]
        locale = _LOCALE_ITEM.match(item)
        other_locale = bool(locale) and locale.group(1) not in KEEP_LOCALES and name not in _ALWAYS_KEPT
        other_codepage = name.endswith(".cnv") and not KEEP_CONVERTERS.match(name)
        unused_service = item.startswith(TREES_DROPPED) or bool(ITEMS_DROPPED.match(item))
        if other_locale or other_codepage or unused_service:
            drop.append(item)
    return sorted(drop)


def find_data_symbol(lib: bytes) -> tuple[str, int, int]:
    """(symbol name, file offset, size) of ``icudtNN_dat`` in an ELF64 little-endian library."""
    if lib[:4] != b"\x7fELF" or lib[4] != 2 or lib[5] != 1:
        raise ValueError("not an ELF64 little-endian file")
    shoff, = struct.unpack_from("<Q", lib, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", lib, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", lib, shoff + i * shentsize) for i in range(shnum)]
    # (name, type, flags, addr, offset, size, link, info, addralign, entsize)
    for sec in sections:
        if sec[1] != 11:  # SHT_DYNSYM
            continue
        strtab = sections[sec[6]]
        for off in range(sec[4], sec[4] + sec[5], sec[9]):
            st_name, _info, _other, st_shndx, st_value, st_size = struct.unpack_from("<IBBHQQ", lib, off)
            end = lib.index(b"\0", strtab[4] + st_name)
            name = lib[strtab[4] + st_name:end].decode()
            if re.fullmatch(r"icudt\d+_dat", name):
                target = sections[st_shndx]
                return name, target[4] + (st_value - target[3]), st_size
    raise ValueError("no icudtNN_dat symbol")


def soname(lib: bytes) -> str:
    """The library's name (``libicudata.so.73``) from the data symbol's version number."""
    name, _, _ = find_data_symbol(lib)
    major = re.search(r"\d+", name).group()
    return f"libicudata.so.{major}"


ASM = """\
    .section .rodata
    .globl {sym}
    .type {sym}, @object
    .balign 16
{sym}:
    .incbin "{dat}"
    .size {sym}, . - {sym}
    .section .note.GNU-stack,"",@progbits
"""


def build(src_lib: Path, out_dir: Path) -> Path:
    """Write the trimmed library into ``out_dir`` (cached by the source's hash); return its path."""
    data = Path(src_lib).read_bytes()
    sym, offset, size = find_data_symbol(data)
    name = soname(data)
    rules = repr((sorted(KEEP_LOCALES), KEEP_CONVERTERS.pattern, TREES_DROPPED, ITEMS_DROPPED.pattern))
    digest = hashlib.sha256(data + rules.encode()).hexdigest()[:16]
    target = Path(out_dir) / digest / name
    if target.exists():
        return target
    icupkg, gcc = shutil.which("icupkg"), shutil.which("gcc") or shutil.which("cc")
    if not icupkg or not gcc:
        raise RuntimeError("需要 icupkg（icu-devtools）和 gcc 才能精简 ICU 数据")
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        # icupkg takes the package name (icudt73l: version, little-endian) from the file name
        package = sym.removesuffix("_dat") + "l.dat"
        (tmpdir / "out").mkdir()
        full, small = tmpdir / package, tmpdir / "out" / package
        full.write_bytes(data[offset:offset + size])
        items = subprocess.run([icupkg, "-l", str(full)], check=True, capture_output=True,
                               text=True).stdout.split()
        drop = set(removals(items))
        for _attempt in range(5):  # icupkg refuses to leave dangling references: resolve them
            (tmpdir / "drop.txt").write_text("\n".join(sorted(drop)) + "\n", encoding="utf-8")
            run = subprocess.run([icupkg, "-r", str(tmpdir / "drop.txt"), str(full), str(small)],
                                 capture_output=True, text=True)
            if run.returncode == 0:
                break
            missing = re.findall(r"Item (\S+) depends on missing item (\S+)", run.stdout + run.stderr)
            if not missing:
                raise RuntimeError(f"icupkg 失败：{run.stderr or run.stdout}")
            for dependant, needed in missing:
                if dependant.rsplit("/", 1)[-1] in _ALWAYS_KEPT and not dependant.startswith(TREES_DROPPED):
                    drop.discard(needed)  # e.g. brkitr/root.res names every dictionary
                else:
                    drop.add(dependant)   # e.g. coll/de_.res, an alias of the dropped coll/de.res
        else:
            raise RuntimeError("icupkg: unresolved dependencies")
        (tmpdir / "data.S").write_text(ASM.format(sym=sym, dat=small), encoding="utf-8")
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([gcc, "-shared", "-nostdlib", "-Wl,-soname," + name, "-Wl,-z,noexecstack",
                        "-o", str(target), str(tmpdir / "data.S")], check=True, capture_output=True)
    return target


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: trim_icu.py SRC_LIBICUDATA OUT_DIR")
    out = build(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{out} ({out.stat().st_size / 1048576:.1f} MB, was {Path(sys.argv[1]).stat().st_size / 1048576:.1f} MB)")
