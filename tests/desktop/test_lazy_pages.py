"""Pages are built on first use: the start-up builds only the page shown; wiring follows later pages."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop.app import make_application
from desktop.main_window import PAGES, MainWindow
from desktop.page_registry import REGISTER_KEYS
from desktop.record_actions import FORM_KINDS


def test_register_and_form_keys_match_the_pages():
    from desktop.forms import FORMS

    assert {key for key, _t, _i in PAGES} - {"dashboard", "reports", "settings"} == REGISTER_KEYS
    assert set(FORMS) == FORM_KINDS


def test_only_the_start_page_is_built_and_others_are_wired_when_built(qtbot, filled_store, tmp_path):
    make_application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/page", [p[0] for p in PAGES].index("policy"))
    win = MainWindow(filled_store, settings)
    qtbot.addWidget(win)
    win.show()
    try:
        assert list(win.pages.built()) == ["policy"]
        assert win.current_key() == "policy" and win.stack.currentWidget() is win.pages.built()["policy"]
        qtbot.waitUntil(lambda: win.pages["policy"].model.total is not None, timeout=10000)
        # a link opens a page not built yet: built, wired (navigation history) and filtered
        win.records.nav.go(win.records.nav.current.__class__("claim", {}, "", "", None))
        claim = win.pages.built()["claim"]
        assert win.current_key() == "claim" and win.stack.currentWidget() is claim
        assert win.records.nav.back_stack[-1].page == "policy"
        # the subsidy workflow panel is made with its page
        assert win.subsidy_ui.claim_panel.parent() is not None
        assert "subsidy" not in win.pages.built()
        assert win.subsidy_ui.panel is not None and "subsidy" in win.pages.built()
        assert list(win.pages) == [p[0] for p in PAGES] and len(win.pages) == len(PAGES)
    finally:
        win.ops.wait()
