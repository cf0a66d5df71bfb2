"""What the PyInstaller bundle keeps: project metadata and the pruning rules for Qt files.

Loaded by ``packaging/ipdesk.spec`` (by file path, not as ``packaging.*`` — that name belongs to the
PyPI ``packaging`` distribution, so this folder must never get an ``__init__.py``) and by
``tests/test_packaging.py``. Standard library only.

Why prune after the analysis instead of only listing ``excludes``: PyInstaller's Qt hooks collect
plugins and translations per Qt *library* found by linking (PyInstaller#6447), so unused plugins
(QML tooling, EGL/VNC platforms, TLS backends…) and ~300 translation catalogues arrive even when
no Python code imports them. The rules below work on the destination names of the TOC entries and
are the same on Linux (``PySide6/Qt/lib``, ``PySide6/Qt/plugins``) and Windows (``PySide6/*.dll``,
``PySide6/plugins``).
"""

from __future__ import annotations

import re
import struct
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Qt libraries (libQt6Foo.so.6 / Qt6Foo.dll) the application needs: the modules desktop/ imports and
# what they and the kept plugins link to. Other Qt libraries are dropped.
QT_MODULES_KEPT = frozenset({
    "Core", "Gui", "Widgets", "PrintSupport", "Charts", "Pdf", "PdfWidgets", "Svg",
    "OpenGL", "OpenGLWidgets",  # QtCharts links both
    "Network",                  # QtPdf links it
    "DBus",                     # xcb platform, input-method and portal plugins link it
    "XcbQpa", "WaylandClient", "WaylandEglClientHwIntegration", "WlShellIntegration",
})
# Python bindings (QtFoo.abi3.so / QtFoo.pyd) kept: only what desktop/ imports. PyInstaller's hooks
# add QtOpenGL(Widgets), QtNetwork and QtDBus as hidden imports of QtCharts/QtPdf, but the
# bindings are not needed to use those (their C++ libraries stay): -10 MB.
QT_BINDINGS_KEPT = frozenset({
    "Core", "Gui", "Widgets", "PrintSupport", "Charts", "Pdf", "PdfWidgets", "Svg",
})

# Plugin folders kept, with an optional allow-list of plugin file stems (lower case, without the
# ``lib`` prefix / ``d`` debug suffix); None keeps the whole folder.
PLUGINS_KEPT: dict[str, frozenset[str] | None] = {
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qdirect2d", "qcocoa"}),
    # xdg-desktop-portal dialogs only. Not qgtk3: it loads the system GTK 3, whose GLib would clash
    # with the GLib PyInstaller bundles for it (and it pulls 25 MB of GTK's dependencies).
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    # ibus + compose (fcitx5 speaks ibus, see desktop/input_method.py). Not the virtual keyboard:
    # it needs QtQml/QtQuick.
    "platforminputcontexts": frozenset({"ibusplatforminputcontextplugin", "composeplatforminputcontextplugin"}),
    "imageformats": frozenset({"qsvg", "qico", "qjpeg", "qgif"}),
    "iconengines": None,             # SVG icons (resources/icons/ipdesk.svg)
    "printsupport": None,            # CUPS printing of reports
    "styles": None,                  # Windows 11 / modern Windows style
    "xcbglintegrations": None,
    "wayland-decoration-client": None,
    # Wayland: EGL for OpenGL windows, not the server-buffer integrations (dmabuf/drm-egl/shm/
    # vulkan-server, for Qt compositors); xdg-shell (every desktop compositor) and wl-shell (old
    # ones), not the IVI (in-vehicle), fullscreen-shell (kiosk) or qt-shell (Qt compositors) ones.
    "wayland-graphics-integration-client": frozenset({"qt-plugin-wayland-egl"}),
    "wayland-shell-integration": frozenset({"xdg-shell", "wl-shell-plugin"}),
}

# Qt's own translations: only Qt base strings (dialog buttons, context menus) in the UI languages.
QT_TRANSLATIONS_KEPT = frozenset({"qtbase_zh_CN.qm", "qtbase_en.qm"})

# Python packages never needed at run time (dev tools or optional imports of our dependencies).
PYTHON_EXCLUDES = [
    "tkinter", "_tkinter", "numpy", "matplotlib", "pandas", "scipy", "IPython",
    # Pillow (5.8 MB with its libraries): only for bitmap images, and the reports draw vector
    # charts and embed fonts. reportlab.lib.utils imports PIL.Image at import time: the runtime
    # hook packaging/rth_absent_modules.py gives it a placeholder (PIL.Image None, reportlab's
    # "no imaging library" case).
    "PIL",
    # TLS (ssl, _ssl and libssl): the app has no network. stdnum.util imports ssl for its online
    # checks only: placeholder from packaging/rth_absent_modules.py. _hashlib and libcrypto stay:
    # ledger/security/passwords.py uses hashlib.scrypt, which only OpenSSL provides.
    "ssl", "_ssl",
    "pytest", "_pytest", "pytestqt", "hypothesis", "pypdf", "importlinter", "grimp",
    "psutil", "xlsxwriter", "pygments", "markdown_it", "setuptools", "pkg_resources", "pip",
    "PyInstaller", "readline", "curses",
    # Standard library the app never imports, which PyInstaller follows from other modules'
    # optional or test-only imports (reportlab's `if __name__ == "__main__": doctest.testmod()`,
    # pydoc's help topics and server, concurrent.futures' process pool).
    "unittest", "doctest", "pdb", "asyncio", "multiprocessing", "xmlrpc", "pydoc_data",
    "http.server", "lib2to3",
    # CJK codecs other than Chinese: ledger/importing/reader.py decodes CSV as UTF-8/UTF-16 or
    # GB18030 (_codecs_cn). Shift-JIS, EUC-KR, Big5 and ISO-2022 raise LookupError.
    "_codecs_jp", "_codecs_kr", "_codecs_tw", "_codecs_hk", "_codecs_iso2022",
]

# Data files kept of packages whose PyInstaller hook collects all of them (destination paths).
# python-stdnum: the region table ledger/validation/regions.py reads; not its 17 other .dat
# files (MAC vendors 1.2 MB, IMSI, ISBN, bank codes…): -2 MB. stdnum.cn.uscc needs no data.
PACKAGE_DATA_KEPT = {"stdnum": frozenset({"stdnum/cn/loc.dat"})}

# Linux system libraries left to the target system although PyInstaller would bundle them: they
# are on every desktop Linux (UOS, Kylin, Debian, Ubuntu…) and must match the system's own
# configuration — a bundled fontconfig misreads a newer fonts.conf, a bundled CUPS client talks to
# the system's cupsd, libdbus to the system bus. Without them ~13 MB of their dependencies
# (gnutls, kerberos, libsystemd, libgcrypt…) go too. Without CUPS, Qt only offers "print to PDF".
#
# The C++ runtime (libstdc++, libgcc_s) is left to the system too: the bundle needs GLIBCXX_3.4.29
# (GCC 11) at most, and every system new enough for its glibc floor (2.35: Ubuntu 22.04, Debian 12,
# Deepin 23, UOS V25…) has GCC 12's or newer. A bundled libstdc++ older than the system's breaks
# system libraries loaded into the process later (Mesa's GL drivers: "GLIBCXX_3.4.3x not found").
SYSTEM_LIBRARIES = frozenset({"libcups.so.2", "libdbus-1.so.3", "libfontconfig.so.1", "libfreetype.so.6",
                              "libstdc++.so.6", "libgcc_s.so.1"})

_QT_LIB = re.compile(r"^(?:lib)?Qt6([A-Za-z0-9]+)\.(?:so(?:\.\d+)*|dll)$")
_QT_BINDING = re.compile(r"^Qt([A-Za-z0-9]+)\.(?:abi3\.so|pyd|pyi)$")


def project_metadata(root: Path = ROOT) -> dict[str, str]:
    """Name, version and description from ``pyproject.toml`` (the one place they are written)."""
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    project = data["project"]
    return {"name": project["name"], "version": project["version"],
            "description": project.get("description", "")}


def _parts(dest: str) -> list[str]:
    return dest.replace("\\", "/").split("/")


def _plugin_stem(filename: str) -> str:
    stem = filename.split(".")[0]
    if stem.startswith("lib"):
        stem = stem[3:]
    return stem.lower()


def keep(dest: str) -> bool:
    """Whether the bundle keeps the file collected at ``dest`` (a path relative to the bundle)."""
    parts = _parts(dest)
    name = parts[-1]
    match = _QT_LIB.match(name)  # also the top-level symlinks PyInstaller makes to Qt libraries
    if match:
        return match.group(1) in QT_MODULES_KEPT
    if parts[0] in PACKAGE_DATA_KEPT and name.endswith(".dat"):
        return "/".join(parts) in PACKAGE_DATA_KEPT[parts[0]]
    if parts[0] != "PySide6":
        return True
    if "translations" in parts[:-1]:
        return name in QT_TRANSLATIONS_KEPT
    if "plugins" in parts[:-1]:
        at = parts.index("plugins")
        folder = parts[at + 1] if len(parts) > at + 2 else ""
        if folder not in PLUGINS_KEPT:
            return False
        allowed = PLUGINS_KEPT[folder]
        return allowed is None or _plugin_stem(name) in allowed
    if "qml" in parts[:-1] or name in ("qmlls", "qmlformat", "qmllint"):
        return False
    match = _QT_BINDING.match(name)
    if match:
        return match.group(1) in QT_BINDINGS_KEPT
    return not name.startswith(("libpyside6qml", "pyside6qml"))


def prune(toc: list[tuple]) -> list[tuple]:
    """The TOC without the entries :func:`keep` rejects (entries are ``(dest, src, typecode)``)."""
    return [entry for entry in toc if keep(entry[0])]


def elf_needed(path: str | Path) -> list[str] | None:
    """The DT_NEEDED names of an ELF64 little-endian file (direct dependencies only, unlike
    ``ldd``); None when the file is not such an ELF file."""
    with open(path, "rb") as fh:
        data = fh.read()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    names = []
    for sec in sections:
        if sec[1] != 6:  # SHT_DYNAMIC
            continue
        strtab_offset = sections[sec[6]][4]
        for off in range(sec[4], sec[4] + sec[5], 16):
            tag, value = struct.unpack_from("<qQ", data, off)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                start = strtab_offset + value
                names.append(data[start:data.index(b"\0", start)].decode())
    return names


def drop_orphan_libraries(binaries: list[tuple]) -> tuple[list[tuple], list[str]]:
    """Remove shared libraries PyInstaller collected only for binaries that :func:`prune` removed.

    PyInstaller puts the dependencies of every collected binary at the top of the bundle
    (``libcairo.so.2``…). Once a plugin is pruned its dependencies stay behind; this keeps a
    top-level library only if a kept binary still needs it (closure of the direct imports:
    DT_NEEDED on Linux, PyInstaller's ``bindepend`` elsewhere), and leaves :data:`SYSTEM_LIBRARIES` to the system.
    Returns the kept TOC and the names dropped.
    """
    def is_candidate(entry: tuple) -> bool:
        dest = entry[0].replace("\\", "/")
        return "/" not in dest and entry[2] == "BINARY" and not dest.startswith(("libpython", "python"))

    needed: set[str] = set()
    todo = [entry for entry in binaries if not is_candidate(entry)]
    seen: set[str] = set()
    candidates = {entry[0]: entry for entry in binaries if is_candidate(entry)}
    while todo:
        entry = todo.pop()
        if entry[1] in seen or entry[2] == "SYMLINK":
            continue
        seen.add(entry[1])
        try:
            names = elf_needed(entry[1])
            if names is None:  # Windows DLLs, macOS: PyInstaller's reader (direct imports there)
                from PyInstaller.depend import bindepend  # only inside a PyInstaller build

                names = [name for name, _resolved in bindepend.get_imports(entry[1])]
        except Exception:  # unreadable file: keep everything it might need
            return binaries, []
        for name in names:
            base = Path(name).name
            if base not in needed:
                needed.add(base)
                if base in candidates and base not in SYSTEM_LIBRARIES:
                    todo.append(candidates[base])
    def bundled(entry: tuple) -> bool:
        return not is_candidate(entry) or (entry[0] in needed and entry[0] not in SYSTEM_LIBRARIES)

    kept = [e for e in binaries if bundled(e)]
    dropped = sorted(e[0] for e in binaries if not bundled(e))
    return kept, dropped
