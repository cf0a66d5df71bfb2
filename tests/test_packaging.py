"""Packaging: the PyInstaller spec and its pruning rules, desktop integration files, icons.

Fast checks run in the normal suite. Building the bundle and running the frozen app headless
(``packaging/smoke.sh``) takes ~1.5 min, so it runs only with ``IPDESK_TEST_PACKAGE=1``:

    IPDESK_TEST_PACKAGE=1 .venv/bin/pytest -m packaging tests/test_packaging.py
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "cn.gov.ipdesk"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"test_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


rules = _load("bundle_rules")
trim_icu = _load("trim_icu")
absent = _load("rth_absent_modules")


# --- the spec ---------------------------------------------------------------------------------

def test_spec_is_python_and_uses_pyproject_metadata():
    text = (PACKAGING / "ipdesk.spec").read_text(encoding="utf-8")
    ast.parse(text)
    assert "rules.project_metadata(ROOT)" in text and "name=NAME" in text
    assert "bundle_rules.py" in text and "entry.py" in text


def test_name_and_version_come_from_pyproject_and_match_the_app():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    meta = rules.project_metadata()
    assert (meta["name"], meta["version"]) == (project["name"], project["version"]) == ("ipdesk", meta["version"])
    from ledger import __version__

    assert __version__ == meta["version"], "ipdesk --version must report the version the bundle is built as"


def test_entry_point_calls_the_console_script():
    text = (PACKAGING / "entry.py").read_text(encoding="utf-8")
    assert "from desktop.cli import main" in text and "sys.exit(main())" in text
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["ipdesk"] == "desktop.cli:main"


@pytest.mark.parametrize("folder", ["fonts", "catalogue", "programmes", "icons", "translations"])
def test_every_resource_folder_the_spec_bundles_exists(folder):
    text = (PACKAGING / "ipdesk.spec").read_text(encoding="utf-8")
    assert f'"{folder}"' in text
    assert (ROOT / "resources" / folder).is_dir()


def test_sql_migrations_are_bundled_where_migrations_py_reads_them():
    from ledger.store import migrations

    # PyInstaller sets __file__ to <bundle>/_internal/ledger/store/migrations.pyc, and the spec
    # puts the scripts in ledger/store/sql: this only holds while SQL_DIR stays __file__-relative.
    expected = Path(migrations.__file__).resolve().parent / "sql"
    assert expected == migrations.SQL_DIR
    text = (PACKAGING / "ipdesk.spec").read_text(encoding="utf-8")
    assert '"ledger/store/sql"' in text
    for step in migrations.MIGRATIONS:
        assert (ROOT / "ledger/store/sql" / step.sql_file).is_file()


def test_every_commands_module_is_collected():
    from desktop.cli import COMMAND_MODULES

    text = (PACKAGING / "ipdesk.spec").read_text(encoding="utf-8")
    assert 'collect_submodules(package)' in text and '"desktop"' in text
    for name in COMMAND_MODULES:
        assert (ROOT / "desktop" / "commands" / f"{name}.py").is_file()


def test_no_init_py_in_packaging_folder():
    # `packaging` is also the PyPI distribution pip and PyInstaller import: ours must stay a plain
    # folder (a namespace-package candidate loses against the real package).
    assert not (PACKAGING / "__init__.py").exists()


# --- pruning rules ----------------------------------------------------------------------------

@pytest.mark.parametrize("dest,kept", [
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtbase_en.qm", True),
    ("PySide6/Qt/translations/qtdeclarative_zh_CN.qm", False),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/translations/qtbase_zh_CN.qm", True),                 # Windows layout
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
    ("PySide6/Qt/lib/libQt6Qml.so.6", False),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", False),
    ("libQt6Qml.so.6", False),                                      # top-level symlink
    ("libQt6Widgets.so.6", True),
    ("PySide6/Qt6Qml.dll", False),
    ("PySide6/Qt6Widgets.dll", True),
    ("PySide6/QtWidgets.abi3.so", True),
    ("PySide6/QtOpenGL.abi3.so", False),
    ("PySide6/QtCharts.pyd", True),
    ("PySide6/QtQuick.pyd", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("resources/fonts/NotoSansSC-Regular.ttf", True),
    ("stdnum/cn/loc.dat", True),
    ("stdnum/oui.dat", False),
    ("stdnum/isbn.dat", False),
    ("stdnum/cn/uscc.py", True),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
    ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", False),
    ("PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so", True),
    ("PySide6/Qt/plugins/wayland-graphics-integration-client/libvulkan-server.so", False),
    ("ledger/store/sql/0001_initial.sql", True),
])
def test_prune_rules(dest, kept):
    assert rules.keep(dest) is kept
    assert rules.keep(dest.replace("/", "\\")) is kept


def test_every_qt_module_the_app_imports_survives_pruning():
    imported = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        imported |= set(re.findall(r"PySide6\.Qt(\w+)", path.read_text(encoding="utf-8")))
        for names in re.findall(r"from PySide6 import \(?([\w, \n]+)\)?", path.read_text(encoding="utf-8")):
            imported |= {n.strip()[2:] for n in names.split(",") if n.strip().startswith("Qt")}
    assert {"Core", "Gui", "Widgets"} <= imported
    missing = imported - rules.QT_BINDINGS_KEPT
    assert not missing, f"desktop/ imports Qt modules the bundle prunes: {sorted(missing)} (packaging/bundle_rules.py)"
    assert imported <= rules.QT_MODULES_KEPT


def test_system_libraries_are_dropped_with_their_private_dependencies(monkeypatch):
    graph = {"/a/PySide6/plugin.so": ["libcups.so.2", "libQt6Core.so.6"],
             "/a/libcups.so.2": ["libgnutls.so.30"], "/a/libgnutls.so.30": [],
             "/a/libglib-2.0.so.0": [], "/a/_ext.so": ["libglib-2.0.so.0"]}
    monkeypatch.setattr(rules, "elf_needed", lambda path: graph[path])
    toc = [("PySide6/Qt/plugins/printsupport/plugin.so", "/a/PySide6/plugin.so", "BINARY"),
           ("libcups.so.2", "/a/libcups.so.2", "BINARY"), ("libgnutls.so.30", "/a/libgnutls.so.30", "BINARY"),
           ("libglib-2.0.so.0", "/a/libglib-2.0.so.0", "BINARY"), ("pkg/_ext.so", "/a/_ext.so", "EXTENSION")]
    kept, dropped = rules.drop_orphan_libraries(toc)
    assert dropped == ["libcups.so.2", "libgnutls.so.30"]
    assert [e[0] for e in kept] == ["PySide6/Qt/plugins/printsupport/plugin.so", "libglib-2.0.so.0", "pkg/_ext.so"]


def test_cpp_runtime_is_left_to_the_system():
    assert {"libstdc++.so.6", "libgcc_s.so.1"} <= rules.SYSTEM_LIBRARIES


def test_cpp_runtime_needed_is_at_most_gcc_11():
    """libstdc++ is left to the system on the promise that the bundle needs GLIBCXX_3.4.29 (GCC 11)
    at most, which every system meeting the glibc floor (2.35) has. Checked on the Qt wheel."""
    import PySide6

    libs = sorted((Path(PySide6.__file__).parent / "Qt/lib").glob("libQt6*.so.6"))
    if not libs or not shutil.which("objdump"):
        pytest.skip("no Linux PySide6 wheel or no objdump here")
    versions = set()
    for lib in libs + sorted(Path(PySide6.__file__).parent.glob("*.abi3.so")):
        out = subprocess.run(["objdump", "-T", str(lib)], capture_output=True, text=True).stdout
        versions |= {tuple(map(int, v.split("."))) for v in re.findall(r"GLIBCXX_([0-9.]+)", out)}
    assert versions and max(versions) <= (3, 4, 29), f"the Qt wheel needs GLIBCXX_{max(versions)}"


def test_the_app_imports_without_the_excluded_modules():
    """Every module of ledger/, reports/ and desktop/ imports with the modules ``PYTHON_EXCLUDES``
    leaves out made unimportable, as in the bundle, and the runtime hook's placeholders in place."""
    code = f"""
import importlib, importlib.util, pkgutil, sys
spec = importlib.util.spec_from_file_location("rth", {str(PACKAGING / "rth_absent_modules.py")!r})
rth = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rth)
EXCLUDES = {rules.PYTHON_EXCLUDES!r}
class Excluded:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if any(name == ex or name.startswith(ex + ".") for ex in EXCLUDES):
            raise ModuleNotFoundError(f"excluded from the bundle: {{name}}", name=name)
        return None
already = [m for m in sys.modules if any(m == ex or m.startswith(ex + ".") for ex in EXCLUDES)]
assert not already, already
sys.meta_path.insert(0, Excluded)
rth.install()
for pkg in ("ledger", "reports", "desktop"):
    for info in pkgutil.walk_packages(importlib.import_module(pkg).__path__, pkg + "."):
        importlib.import_module(info.name)
print(" ".join(sorted(sys.modules)))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    assert run.returncode == 0, f"the app needs a module packaging/bundle_rules.py excludes:\n{run.stderr[-3000:]}"
    loaded = set(run.stdout.split())
    assert set(absent.PLACEHOLDERS) <= loaded, "a placeholder's importer is no longer imported: drop it"
    placeholders = {name for needs in absent.PLACEHOLDERS.values() for name in needs}
    assert placeholders <= set(rules.PYTHON_EXCLUDES) and not placeholders & loaded


def test_placeholders_serve_only_their_importer(tmp_path, monkeypatch):
    """The runtime hook: the importer gets an inert placeholder; everyone else an ImportError;
    a module that really exists is never shadowed."""
    (tmp_path / "pkg_importer.py").write_text(
        "from absent_pil import Image\nimport absent_net\nimport real_mod\n", encoding="utf-8")
    (tmp_path / "real_mod.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(absent, "PLACEHOLDERS", {
        "pkg_importer": {"absent_pil": {"Image": None}, "absent_net": {}, "real_mod": {}}})
    monkeypatch.setattr(sys, "meta_path", [absent.PlaceholderFinder, *sys.meta_path])
    for name in ("pkg_importer", "absent_pil", "absent_net", "real_mod"):
        monkeypatch.delitem(sys.modules, name, raising=False)

    import pkg_importer  # noqa: F401  (the fake importer above)

    assert pkg_importer.Image is None
    with pytest.raises(ImportError, match="absent_net"):
        pkg_importer.absent_net.create_default_context()
    assert pkg_importer.real_mod.VALUE == 1 and not isinstance(pkg_importer.real_mod, absent.AbsentModule)
    assert "absent_pil" not in sys.modules and "absent_net" not in sys.modules
    with pytest.raises(ImportError):
        importlib.import_module("absent_net")
    assert pkg_importer.__loader__.get_filename("pkg_importer").endswith("pkg_importer.py")


def test_elf_needed_reads_direct_dependencies():
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt/plugins/printsupport/libcupsprintersupport.so"
    if not plugin.exists():
        pytest.skip("no Linux PySide6 wheel here")
    needed = rules.elf_needed(plugin)
    assert "libcups.so.2" in needed and "libQt6PrintSupport.so.6" in needed
    assert "libgnutls.so.30" not in needed  # ldd would list it (transitive), DT_NEEDED does not
    assert rules.elf_needed(ROOT / "pyproject.toml") is None


# --- ICU trimming -----------------------------------------------------------------------------

def test_icu_removals_keep_chinese_english_and_shared_data():
    items = ["root.res", "res_index.res", "pool.res", "zh.res", "zh_Hans_CN.res", "en.res", "de.res",
             "ars.res", "supplementalData.res", "metaZones.res", "coll/root.res", "coll/zh.res",
             "coll/ja.res", "coll/ucadata.icu", "coll/res_index.res", "brkitr/cjdict.dict",
             "brkitr/thaidict.dict", "brkitr/word.brk", "gb18030.cnv", "windows-936-2000.cnv",
             "ibm-943_P15A-2003.cnv", "euc-jp-2007.cnv", "cnvalias.icu", "uts46.nrm", "curr/fr.res"]
    items += ["brkitr/root.res", "translit/root.res", "unames.icu", "rfc3491.spp", "confusables.cfu",
              "rbnf/zh.res", "unit/en.res", "zone/zh.res", "lang/zh.res", "zoneinfo64.res", "nfkc.nrm"]
    drop = set(trim_icu.removals(items))
    assert drop == {"de.res", "ars.res", "coll/ja.res", "ibm-943_P15A-2003.cnv", "euc-jp-2007.cnv",
                    "curr/fr.res", "brkitr/cjdict.dict", "brkitr/thaidict.dict", "brkitr/word.brk",
                    "brkitr/root.res", "translit/root.res", "unames.icu", "rfc3491.spp", "confusables.cfu",
                    "rbnf/zh.res", "unit/en.res"}


def test_icu_services_qt_calls_are_those_the_trimmed_data_serves():
    """trim_icu drops the data of ICU services (break iterators, transliteration…) on the grounds
    that no Qt library calls them: check the ICU C API the wheel's Qt libraries import."""
    import PySide6

    qt_lib = Path(PySide6.__file__).parent / "Qt/lib"
    if not list(qt_lib.glob("libicudata.so.*")) or not shutil.which("objdump"):
        pytest.skip("no ICU in this PySide6 wheel or no objdump here")
    imported = set()
    for lib in qt_lib.glob("libQt6*.so.6"):
        out = subprocess.run(["objdump", "-T", str(lib)], capture_output=True, text=True).stdout
        imported |= {m for m in re.findall(r"\*UND\*\s+\S+\s+(?:\S+\s+)?(u[a-z]*_\w+?)_\d+$", out, re.M)}
    assert imported, "Qt links ICU but imports no ICU function?"
    unexpected = {name for name in imported if not name.startswith(trim_icu.ICU_APIS_SERVED)}
    assert not unexpected, f"Qt calls ICU services whose data trim_icu.py drops? {sorted(unexpected)}"


def test_icu_data_symbol_found_in_the_wheel_library():
    import PySide6

    libs = sorted((Path(PySide6.__file__).parent / "Qt/lib").glob("libicudata.so.*"))
    if not libs:
        pytest.skip("no ICU in this PySide6 wheel")
    data = libs[0].read_bytes()
    name, offset, size = trim_icu.find_data_symbol(data)
    assert re.fullmatch(r"icudt\d+_dat", name) and size > 1_000_000
    # an ICU common-data package starts with its header size and the magic bytes 0xda 0x27
    assert data[offset + 2:offset + 4] == b"\xda\x27"
    assert trim_icu.soname(data) == libs[0].name


# --- desktop integration ----------------------------------------------------------------------

def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_contents():
    entry = _desktop_entry()
    assert entry["Name"] == "知识产权保险试点工作台"
    assert entry["Name[en]"] == "IP Insurance Desk"
    assert entry["Exec"] == "ipdesk gui %f"
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"] == "application/x-ipdesk-package;"
    assert entry["Categories"] == "Office;Finance;"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils not installed")
def test_desktop_file_validates():
    run = subprocess.run(["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True)
    assert run.returncode == 0 and not run.stdout.strip(), run.stdout + run.stderr


def test_mime_type_matches_the_exchange_package_suffix():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(LINUX / "ipdesk-mime.xml").getroot()
    mime = root.find("m:mime-type", ns)
    assert mime.get("type") == "application/x-ipdesk-package"
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == ["*.ipx"]
    assert mime.find("m:sub-class-of", ns).get("type") == "application/zip"
    # the suffix the exchange exporter insists on
    assert '".ipx"' in (ROOT / "ledger/exchange/export.py").read_text(encoding="utf-8")


def test_appstream_metadata():
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert root.get("type") == "desktop-application" and root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("project_license") == "Apache-2.0"
    langs = {p.get(lang) for p in root.find("description").findall("p")}
    assert {None, "en"} <= langs  # Chinese (default) and English descriptions
    assert [n.text for n in root.findall("name") if n.get(lang) == "en"] == ["IP Insurance Desk"]
    releases = [r.get("version") for r in root.find("releases").findall("release")]
    assert rules.project_metadata()["version"] in releases
    for image in root.iter("image"):
        assert (ROOT / "docs/screenshots" / image.text.rsplit("/", 1)[-1]).is_file(), image.text
    assert root.find("provides").findtext("mediatype") == "application/x-ipdesk-package"


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream not installed")
def test_appstream_metadata_validates():
    run = subprocess.run(["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_icons_exist_in_every_size():
    icons = ROOT / "resources/icons"
    for svg in ("ipdesk.svg", "ipdesk-small.svg"):
        assert ET.parse(icons / svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert _png_size(icons / f"ipdesk-{size}.png") == (size, size)
    ico = (icons / "ipdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert sizes == {16, 24, 32, 48, 64, 128, 256}


def test_shell_scripts_parse_and_are_executable():
    for script in (PACKAGING / "smoke.sh", LINUX / "install.sh"):
        assert os.access(script, os.X_OK), f"{script} is not executable"
        subprocess.run(["bash", "-n", str(script)], check=True)


def test_install_script_installs_and_uninstalls_into_a_prefix(tmp_path):
    bundle = tmp_path / "bundle"
    (bundle / "_internal/resources").mkdir(parents=True)
    shutil.copytree(ROOT / "resources/icons", bundle / "_internal/resources/icons")
    (bundle / "ipdesk").write_text("#!/bin/sh\necho ipdesk 0.0\n", encoding="utf-8")
    (bundle / "ipdesk").chmod(0o755)
    prefix = tmp_path / "local"
    env = {**os.environ, "PREFIX": str(prefix)}
    subprocess.run([str(LINUX / "install.sh"), str(bundle)], check=True, env=env, capture_output=True)
    desktop = (prefix / "share/applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Exec={prefix}/lib/ipdesk/ipdesk gui %f" in desktop
    assert (prefix / "share/icons/hicolor/48x48/apps" / f"{APP_ID}.png").is_file()
    assert (prefix / "share/icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    assert (prefix / "share/mime/packages" / f"{APP_ID}.xml").is_file()
    assert subprocess.run([str(prefix / "bin/ipdesk")], capture_output=True, text=True).stdout == "ipdesk 0.0\n"
    subprocess.run([str(LINUX / "install.sh"), "--uninstall"], check=True, env=env, capture_output=True)
    assert not (prefix / "lib/ipdesk").exists() and not (prefix / "bin/ipdesk").exists()
    assert not (prefix / "share/applications" / f"{APP_ID}.desktop").exists()


def test_windows_installer_script_references_existing_files():
    iss = (PACKAGING / "windows/ipdesk.iss").read_text(encoding="utf-8-sig")
    assert "ChineseSimplified.isl" in iss and "Default.isl" in iss
    assert ".ipx" in iss and '"%1"' in iss
    assert "PrivilegesRequired=lowest" in iss
    for rel in re.findall(r'"\{#Root\}\\([^"*]+)"', iss):
        assert (ROOT / rel.replace("\\", "/")).exists(), rel
    ps1 = (PACKAGING / "windows/build.ps1").read_text(encoding="utf-8-sig")
    assert "packaging\\ipdesk.spec" in ps1


def test_makefile_has_package_target():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^package:", makefile, re.M)
    assert "packaging/ipdesk.spec" in makefile and "packaging/smoke.sh" in makefile


# --- the real build (slow, opt-in) --------------------------------------------------------------

@pytest.mark.packaging
@pytest.mark.skipif(os.environ.get("IPDESK_TEST_PACKAGE") != "1", reason="set IPDESK_TEST_PACKAGE=1 to build the bundle")
def test_build_bundle_and_smoke_run(tmp_path):
    pytest.importorskip("PyInstaller")
    dist, work = tmp_path / "dist", ROOT / "build" / "pyinstaller-test"
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(PACKAGING / "ipdesk.spec")],
                   check=True, cwd=ROOT)
    bundle = dist / "ipdesk"
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle size: {size / 1048576:.1f} MB")
    assert size <= 150 * 1048576, f"bundle grew to {size / 1048576:.1f} MB (target: 150 MB, docs/PACKAGING.md)"
    assert not [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()], "dangling symlinks"
    run = subprocess.run([str(PACKAGING / "smoke.sh"), str(bundle)], capture_output=True, text=True, cwd=ROOT)
    print(run.stdout)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "FAIL" not in run.stdout
