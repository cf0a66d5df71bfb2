"""The English translation (resources/translations/ipdesk_en.ts/.qm, ``make i18n``).

Every message is translated, every translation keeps the placeholders of its Chinese source, the
committed .qm is what lrelease makes of the .ts, the .ts holds exactly the strings the sources wrap,
and the window reads English with ``ui/language=en`` (Chinese by default).
"""

from __future__ import annotations

import re
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop.app import apply_language, make_application, translation_file

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "ipdesk_en.ts"
QM = ROOT / "resources" / "translations" / "ipdesk_en.qm"
BIN = Path(sys.executable).parent
FIX = "run `make i18n`, translate the new entries in resources/translations/ipdesk_en.ts, run it again"


def messages(path: Path = TS) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation> element) of every message."""
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out.append((name, msg.findtext("source") or "", msg.find("translation")))
    return out


def translations_of(element: ET.Element) -> list[str]:
    forms = element.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [element.text or ""]


def placeholders(text: str) -> tuple[set[str], set[str]]:
    """The ``{name}`` fields (with conversion and format spec) and the ``%1``/``%n`` markers."""
    fields = set()
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            fields.add(f"{name}!{conversion or ''}:{spec or ''}")
    return fields, set(re.findall(r"%(?:\d+|n|L\d+)", text))


def test_every_message_is_translated():
    msgs = messages()
    assert len(msgs) > 1000
    unfinished = [(ctx, src) for ctx, src, tr in msgs
                  if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete")
                  or not all(translations_of(tr))]  # " 年" → " " is a translation
    assert not unfinished, f"{len(unfinished)} untranslated, e.g. {unfinished[:5]}: {FIX}"


def test_translations_keep_the_placeholders_of_their_source():
    wrong = []
    for ctx, src, tr in messages():
        want = placeholders(src)
        for text in translations_of(tr):
            if placeholders(text) != want:
                wrong.append((ctx, src, text))
    assert not wrong, wrong[:10]


def test_placeholder_check_catches_a_dropped_or_renamed_field():
    assert placeholders("共 {total:,} 条") != placeholders("{total} records")
    assert placeholders("已删除 {done} 条{title}") != placeholders("{n} {title} deleted")
    assert placeholders("第 %1 页") != placeholders("page")


def test_shortcut_markers_and_line_breaks_survive():
    for ctx, src, tr in messages():
        for text in translations_of(tr):
            assert ("(&" in src) <= ("&" in text), (ctx, src, text)
            assert src.count("\n") == text.count("\n"), (ctx, src, text)


@pytest.mark.skipif(not (BIN / "pyside6-lrelease").exists(), reason="pyside6-lrelease not installed")
def test_committed_qm_is_built_from_the_ts(tmp_path):
    out = tmp_path / "ipdesk_en.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), "-nounfinished", "-silent", str(TS), "-qm", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), f"ipdesk_en.qm is stale: {FIX}"


def test_register_texts_list_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n_registers.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr + FIX


@pytest.mark.skipif(not (BIN / "pyside6-lupdate").exists(), reason="pyside6-lupdate not installed")
def test_ts_holds_exactly_the_wrapped_strings_of_the_sources(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete",
                    "-source-language", "zh_CN", "-target-language", "en", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True, cwd=ROOT)
    committed = {(c, s) for c, s, _t in messages(TS)}
    extracted = {(c, s) for c, s, _t in messages(fresh)}
    assert extracted == committed, (
        f"new: {sorted(extracted - committed)[:5]}, gone: {sorted(committed - extracted)[:5]}: {FIX}")


# -- the window in both languages ----------------------------------------------------------------

def _window(qtbot, store, tmp_path):
    from desktop.main_window import MainWindow

    win = MainWindow(store, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    return win


def _texts(win):
    nav = [win.nav.item(i).text() for i in range(win.nav.count())]
    menus = [a.text() for a in win.menuBar().actions()]
    model = win.pages["policy"].model
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return nav, menus, header


@pytest.fixture
def english(qtbot):
    app = make_application()
    assert translation_file("en").exists()
    assert apply_language(app, "en")
    yield app
    apply_language(app, "zh_CN")


def test_window_reads_chinese_by_default(qtbot, filled_store, tmp_path):
    make_application()
    assert QApplication.instance()._ipdesk_language == "zh_CN"
    nav, menus, header = _texts(_window(qtbot, filled_store, tmp_path))
    assert nav[:4] == ["工作台", "企业", "知识产权", "保单"]
    assert menus[:3] == ["文件(&F)", "编辑(&E)", "视图(&V)"]
    assert "保单号" in header and "投保企业" in header


def test_window_reads_english_with_ui_language_en(english, qtbot, filled_store, tmp_path):
    win = _window(qtbot, filled_store, tmp_path)
    nav, menus, header = _texts(win)
    assert nav == ["Dashboard", "Enterprises", "IP rights", "Policies", "Subsidies", "Claims",
                   "Typical cases", "Reports", "Settings"]
    assert menus[:3] == ["&File", "&Edit", "&View"]
    assert "&Help" in menus and "&Go" in menus  # found by the record actions in English too
    assert "Policy no." in header and "Policyholder" in header
    assert win.windowTitle().startswith("IP Insurance Pilot Workbench")
    assert win.pages["policy"].filter_bar.search.placeholderText().startswith("Search: ")
    # no Chinese left in the menus of the window (data such as names stays as entered)
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for action in win.menuBar().actions():
        assert not cjk.search(action.text()), action.text()
        for sub in action.menu().actions():
            assert not cjk.search(sub.text()), (action.text(), sub.text())


def test_saved_language_is_read_at_start_up(tmp_path, monkeypatch):
    from desktop.app import LANGUAGE_KEY, saved_language

    make_application()
    settings = QSettings()
    old = settings.value(LANGUAGE_KEY)
    try:
        settings.setValue(LANGUAGE_KEY, "en")
        assert saved_language() == "en"
        settings.setValue(LANGUAGE_KEY, "klingon")
        assert saved_language() == "zh_CN"
    finally:
        settings.remove(LANGUAGE_KEY) if old is None else settings.setValue(LANGUAGE_KEY, old)
