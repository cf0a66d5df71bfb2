"""文件 › 数据交换: export/import dialogs, refusals, conflicts, offices and keys, ``ipdesk gui FILE.ipx``."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.exchange.conflicts_dialog import ConflictDialog
from desktop.exchange.export_dialog import ExportDialog
from desktop.exchange.import_dialog import ImportDialog
from desktop.exchange.offices_dialog import OfficesDialog, TrustDialog
from desktop.main_window import MainWindow
from desktop.ops import Ops
from ledger import exchange, security
from ledger.errors import LedgerError
from ledger.services.enterprises import EnterpriseInput, get_enterprise, update_enterprise
from ledger.services.opening import open_ledger
from tests.desktop.test_main_window import type_text
from tests.ledger import factories
from tests.ledger.exchange_helpers import fingerprint


class FakeWindow(QWidget):
    """What the exchange flows need of the main window: store, ops, settings, a refresh hook."""

    def __init__(self, store, settings) -> None:
        super().__init__()
        self.store, self.settings = store, settings
        self.ops = Ops(store, self)
        self.refreshed = 0

    def refresh_current(self) -> None:
        self.refreshed += 1


@pytest.fixture
def offices(tmp_path):
    district = open_ledger(tmp_path / "LX.sqlite", actor="区录入员")
    exchange.set_office(district, "LX", "梁溪区知识产权局")
    ids = [factories.enterprise(district, n) for n in range(3)]
    factories.patent(district, ids[0])
    exchange.export_public_key(district, tmp_path / "LX.pub.json")
    city = open_ledger(tmp_path / "city.sqlite", actor="市局审核员")
    exchange.set_office(city, "CITY", "无锡市知识产权局")
    exchange.trust_office(city, "LX", "梁溪区知识产权局", tmp_path / "LX.pub.json")
    yield district, city, tmp_path
    district.close()
    city.close()


def _window(qtbot, store, tmp_path, name="w"):
    win = FakeWindow(store, QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    return win


def _export(qtbot, monkeypatch, win, out: Path) -> ExportDialog:
    dialog = ExportDialog(win)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out.with_suffix("")), ""))
    dialog.browse_button.click()
    assert dialog.path_edit.text() == str(out)  # .ipx added
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.job.running(), timeout=20000)
    return dialog


def _import(qtbot, win, path: Path) -> ImportDialog:
    dialog = ImportDialog(win, path)
    qtbot.addWidget(dialog)
    assert dialog.import_button.isEnabled(), dialog.banner.text()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.job.running(), timeout=20000)
    return dialog


def _table(table) -> list[list[str]]:
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_export_dialog_writes_package_and_shows_summary(qtbot, monkeypatch, offices):
    district, _city, tmp = offices
    win = _window(qtbot, district, tmp)
    dialog = _export(qtbot, monkeypatch, win, tmp / "out" / "lx-1.ipx")
    s = dialog.summary
    assert s is not None and s.path == tmp / "out" / "lx-1.ipx" and s.path.is_file()
    assert dialog.pages.currentIndex() == 2
    assert s.package_seq == 1 and s.counts["enterprise"] == 3 and s.counts["ip_right"] == 1
    assert "梁溪区知识产权局 第 1 号" in dialog.result_banner.text()
    assert dialog.info_labels["path"].text() == str(s.path)
    assert dialog.info_labels["size"].text().endswith(("KB", "B"))
    assert ["企业", "3"] in _table(dialog.counts_table) and ["知识产权", "1"] in _table(dialog.counts_table)
    assert win.settings.value("exchange/lastDir") == str(tmp / "out")
    # the next export is package 2 and, with nothing changed, carries no records
    again = _export(qtbot, monkeypatch, win, tmp / "out" / "lx-2.ipx")
    assert again.summary.package_seq == 2 and again.summary.counts == {}


def test_export_without_office_points_to_settings(qtbot, tmp_path):
    store = open_ledger(tmp_path / "new.sqlite", actor="x")
    try:
        dialog = ExportDialog(_window(qtbot, store, tmp_path))
        qtbot.addWidget(dialog)
        assert not dialog.export_button.isEnabled()
        assert "尚未设置本办公室" in dialog.banner.text()
        assert dialog.offices_button.isVisibleTo(dialog)
    finally:
        store.close()


def test_import_at_city_through_main_window_counts_and_refresh(qtbot, monkeypatch, offices):
    district, city, tmp = offices
    package = exchange.export_package(district, tmp / "lx-1.ipx")
    win = MainWindow(city, QSettings(str(tmp / "main.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    win.open_register("enterprise", {})
    page = win.pages["enterprise"]
    qtbot.waitUntil(lambda: page.model.total == 0, timeout=5000)
    menu = win.exchange_ui.menu
    assert menu.title() == "数据交换" and any(a.menu() is menu for a in win.menuBar().actions()[0].menu().actions())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(package.path), ""))
    win.exchange_ui.act_import.trigger()
    dialog = win.exchange_ui.dialog
    assert isinstance(dialog, ImportDialog)
    assert dialog.fields["office"].text() == "梁溪区知识产权局（LX）" and dialog.fields["seq"].text() == "第 1 号"
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.job.running(), timeout=20000)
    summary = dialog.summary
    assert summary is not None, dialog.banner.text()
    assert summary.counts["enterprise"] == {"inserted": 3} and summary.conflicts == []
    assert summary.backup_path is not None and summary.backup_path.is_file()
    rows = {r[0]: r for r in _table(dialog.result_table)}
    kinds = [dialog.result_table.horizontalHeaderItem(c).text() for c in range(dialog.result_table.columnCount())]
    assert rows["企业"][kinds.index("新增")] == "3" and rows["知识产权"][kinds.index("新增")] == "1"
    assert not dialog.result_table.isColumnHidden(kinds.index("新增"))
    assert dialog.result_table.isColumnHidden(kinds.index("冲突"))
    assert not dialog.conflicts_button.isVisibleTo(dialog)
    assert str(summary.backup_path) in dialog.backup_label.text()
    qtbot.waitUntil(lambda: page.model.total == 3, timeout=5000)  # the register reloaded
    # a second import of the same file: the duplicate refusal, nothing changed
    before = fingerprint(city)
    again = ImportDialog(win, package.path)
    qtbot.addWidget(again)
    again.import_button.click()
    qtbot.waitUntil(lambda: not again.job.running(), timeout=20000)
    assert again.summary is None and again.pages.currentIndex() == 0
    assert "已于" in again.banner.text() and "不再重复导入" in again.banner.text()
    assert fingerprint(city) == before
    win.ops.wait()


def _tamper(src: Path, dest: Path) -> None:
    """Flip one byte inside the enterprise member (rewritten, so the zip itself stays valid)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "data/enterprise.jsonl":
                i = data.index(b"13912345678")
                data = data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1:]
            zout.writestr(info, data)


def test_tampered_package_refused_in_chinese_nothing_changed(qtbot, offices):
    district, city, tmp = offices
    package = exchange.export_package(district, tmp / "lx-1.ipx")
    bad = tmp / "lx-1-bad.ipx"
    _tamper(package.path, bad)
    win = _window(qtbot, city, tmp)
    before = fingerprint(city)
    dialog = ImportDialog(win, bad)
    qtbot.addWidget(dialog)
    assert dialog.fields["office"].text() == "梁溪区知识产权局（LX）"  # the manifest itself is intact
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.job.running(), timeout=20000)
    text = dialog.banner.text()
    assert dialog.summary is None and dialog.pages.currentIndex() == 0 and dialog.banner.kind == "error"
    assert "拒绝导入" in text and "数据包已被篡改：data/enterprise.jsonl 校验值不符" in text
    assert fingerprint(city) == before and exchange.received_packages(city) == []
    assert win.refreshed == 0


def test_unknown_office_offers_registration(qtbot, monkeypatch, offices):
    district, _city, tmp = offices
    package = exchange.export_package(district, tmp / "lx-1.ipx")
    other = open_ledger(tmp / "other.sqlite", actor="x")
    try:
        exchange.set_office(other, "CITY2", "另一市局")
        win = _window(qtbot, other, tmp, "other")
        dialog = ImportDialog(win, package.path)
        qtbot.addWidget(dialog)
        assert not dialog.import_button.isEnabled() and dialog.trust_button.isVisibleTo(dialog)
        assert "未登记的办公室 梁溪区知识产权局（代码 LX）" in dialog.banner.text()
        trust = TrustDialog(win, dialog, code="LX", name="梁溪区知识产权局")
        qtbot.addWidget(trust)
        assert trust.set_key_file(tmp / "LX.pub.json")
        assert trust.fingerprint_label.text() == exchange.keys.fingerprint(exchange.ensure_key(district))
        assert trust.register()
        dialog._check_ready()
        assert dialog.import_button.isEnabled()
        assert [o["code"] for o in exchange.trusted_offices(other)] == ["LX"]
    finally:
        other.close()


def _edit_phone(store, uuid: str, **changes) -> None:
    row_id = store.scalar("SELECT id FROM enterprise WHERE uuid = ?", (uuid,))
    old = get_enterprise(store, row_id)
    values = {k: old[k] for k in ("name", "uscc", "district_code", "industry", "contact_person", "contact_phone",
                                  "address", "bank_name", "bank_account")}
    values = {k: v or "" for k, v in values.items()} | {"tags": tuple(json.loads(old.get("tags") or "[]"))} | changes
    update_enterprise(store, row_id, EnterpriseInput(**values))


@pytest.mark.parametrize("keep", ["local", "incoming"])
def test_conflict_dialog_lists_and_resolves(qtbot, offices, keep):
    district, city, tmp = offices
    exchange.import_package(city, exchange.export_package(district, tmp / "lx-1.ipx").path)
    uuid = district.scalar("SELECT uuid FROM enterprise ORDER BY id LIMIT 1")
    _edit_phone(district, uuid, contact_phone="13800000001")
    _edit_phone(city, uuid, contact_person="市局核实人")
    result = exchange.import_package(city, exchange.export_package(district, tmp / "lx-2.ipx").path)
    assert len(result.conflicts) == 1
    win = _window(qtbot, city, tmp)
    dialog = ConflictDialog(win)
    qtbot.addWidget(dialog)
    rows = _table(dialog.list)
    assert len(rows) == 1
    table, record, kind, office, seq, detected, state = rows[0]
    assert (table, kind, office, seq, state) == ("企业", "两边都有修改", "梁溪区知识产权局", "第 2 号", "待处理")
    assert record.startswith("无锡燊堃科技有限公司0（") and detected[:4].isdigit() and "T" not in detected
    fields = {r[0]: r[1:] for r in _table(dialog.fields)}
    assert set(fields) == {"联系电话", "联系人"}
    assert fields["联系电话"] == ["13912345678", "13800000001"]
    assert fields["联系人"][0] == "市局核实人"
    assert dialog.count_label.text() == "待处理冲突 1 条"
    button = dialog.keep_local if keep == "local" else dialog.take_incoming
    assert button.isEnabled()
    resolved = []
    dialog.resolved.connect(resolved.append)
    button.click()
    assert [c.resolution for c in resolved] == [keep]
    assert dialog.banner.kind == "ok" and dialog.list.rowCount() == 0
    phone, person = city.one("SELECT contact_phone, contact_person FROM enterprise WHERE uuid = ?", (uuid,))
    if keep == "local":
        assert (phone, person) == ("13912345678", "市局核实人")
    else:
        assert phone == "13800000001" and person != "市局核实人"
    assert exchange.list_conflicts(city) == []
    dialog.show_all.setChecked(True)
    assert _table(dialog.list)[0][6] == f"已处理：{'保留本地' if keep == 'local' else '采用来件'}"
    assert not dialog.keep_local.isEnabled() and not dialog.take_incoming.isEnabled()


def test_conflict_refusal_shown_when_local_changed_again(qtbot, offices):
    district, city, tmp = offices
    exchange.import_package(city, exchange.export_package(district, tmp / "lx-1.ipx").path)
    uuid = district.scalar("SELECT uuid FROM enterprise ORDER BY id LIMIT 1")
    _edit_phone(district, uuid, contact_phone="13800000001")
    _edit_phone(city, uuid, contact_person="市局核实人")
    exchange.import_package(city, exchange.export_package(district, tmp / "lx-2.ipx").path)
    dialog = ConflictDialog(_window(qtbot, city, tmp))
    qtbot.addWidget(dialog)
    _edit_phone(city, uuid, contact_person="又改了")
    dialog.take_incoming.click()
    assert dialog.banner.kind == "error" and "登记冲突后本地记录又被修改过" in dialog.banner.text()
    assert city.scalar("SELECT contact_person FROM enterprise WHERE uuid = ?", (uuid,)) == "又改了"


def test_without_exchange_manage_buttons_disabled_and_reason_shown(qtbot, offices):
    district, city, tmp = offices
    package = exchange.export_package(district, tmp / "lx-1.ipx")
    security.setup_administrator(city, "admin", "管理员", "Admin-2024-pass")
    security.login(city, "admin", "Admin-2024-pass")
    security.create_user(city, "luru", "经办人甲", "经办人", "Luru-2024-pass")
    security.login(city, "luru", "Luru-2024-pass")
    win = MainWindow(city, QSettings(str(tmp / "m.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    ui = win.exchange_ui
    ui.sync_roles()
    assert not ui.act_import.isEnabled() and "无权执行" in ui.act_import.statusTip()
    assert ui.act_export.isEnabled()  # a 经办人 sends the district's package
    security.login(city, "admin", "Admin-2024-pass")
    security.create_user(city, "chakan", "只读甲", "只读", "Chakan-2024-pass")
    security.login(city, "chakan", "Chakan-2024-pass")
    ui.sync_roles()
    assert not ui.act_export.isEnabled() and "导出数据包" in ui.act_export.statusTip()
    security.login(city, "luru", "Luru-2024-pass")
    dialog = ImportDialog(win, package.path)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled() and "无权执行" in dialog.banner.text()
    offices_dialog = OfficesDialog(win)
    qtbot.addWidget(offices_dialog)
    assert not offices_dialog.trust_button.isEnabled() and not offices_dialog.save_button.isEnabled()
    security.login(city, "admin", "Admin-2024-pass")
    ui.sync_roles()
    assert ui.act_import.isEnabled()
    win.ops.wait()


def test_offices_dialog_sets_office_and_exports_key(qtbot, monkeypatch, tmp_path):
    store = open_ledger(tmp_path / "d.sqlite", actor="x")
    try:
        dialog = OfficesDialog(_window(qtbot, store, tmp_path))
        qtbot.addWidget(dialog)
        assert not dialog.key_button.isEnabled()
        dialog.code_edit.setText("XS")
        dialog.name_edit.clear()
        type_text(dialog.name_edit, "锡山区知识产权局")
        assert dialog.save_office()
        assert exchange.office(store).name == "锡山区知识产权局" and dialog.key_button.isEnabled()
        dialog.code_edit.setText("锡山")
        assert not dialog.save_office() and "办公室代码只能由" in dialog.banner.text()
        out = tmp_path / "XS.pub.json"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
        assert dialog.export_key() == str(out)
        doc = exchange.keys.read_public_key_file(out)
        assert doc["office_code"] == "XS" and dialog.fingerprint_label.text() == exchange.keys.fingerprint(
            doc["public_key"])
    finally:
        store.close()


def test_open_file_ipx_starts_import(qtbot, offices):
    from desktop.app import handle_open_file

    district, city, tmp = offices
    package = exchange.export_package(district, tmp / "lx-1.ipx")
    copy = tmp / "下载" / "梁溪 第1号.ipx"
    copy.parent.mkdir()
    shutil.copy(package.path, copy)
    win = _window(qtbot, city, tmp)
    dialog = handle_open_file(win, copy)
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    assert dialog.fields["office"].text() == "梁溪区知识产权局（LX）" and dialog.fields["seq"].text() == "第 1 号"
    assert dialog.start_import()
    qtbot.waitUntil(lambda: not dialog.job.running(), timeout=20000)
    assert dialog.summary is not None and dialog.summary.total("inserted") >= 4
    assert [r["package_seq"] for r in exchange.received_packages(city)] == [1]
    assert win.refreshed == 1


def test_open_file_other_type_is_a_message(qtbot, monkeypatch, offices):
    from PySide6.QtWidgets import QMessageBox

    from desktop.app import handle_open_file

    _district, city, tmp = offices
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert handle_open_file(_window(qtbot, city, tmp), tmp / "x.xlsx") is None
    assert shown and "不认识的文件类型：x.xlsx" in shown[0]


def test_gui_command_file_argument(monkeypatch, tmp_path):
    import desktop.app
    from desktop.cli import build_parser

    calls = []
    monkeypatch.setattr(desktop.app, "run_gui", lambda path, **kw: calls.append((Path(path), kw)) or 0)
    for argv in (["--db", str(tmp_path / "a.sqlite"), "gui", str(tmp_path / "p.ipx")],
                 ["--db", str(tmp_path / "a.sqlite"), "gui", str(tmp_path / "other.sqlite")],
                 ["--db", str(tmp_path / "a.sqlite"), "gui"]):
        args = build_parser().parse_args(argv)
        assert args.run(args) == 0
    assert calls == [(tmp_path / "a.sqlite", {"open_file": tmp_path / "p.ipx"}),
                     (tmp_path / "other.sqlite", {"open_file": None}),
                     (tmp_path / "a.sqlite", {"open_file": None})]


def test_peek_package_good_and_bad(offices):
    district, _city, tmp = offices
    package = exchange.export_package(district, tmp / "lx-1.ipx")
    info = exchange.peek_package(package.path)
    assert (info["office_code"], info["office_name"], info["package_seq"]) == ("LX", "梁溪区知识产权局", 1)
    assert info["office_id"] == district.office_id and info["counts"] == package.counts
    assert info["created_at"][:4].isdigit() and info["size_bytes"] == package.path.stat().st_size
    cut = tmp / "cut.ipx"
    cut.write_bytes(package.path.read_bytes()[:200])
    with pytest.raises(LedgerError, match="不完整或已损坏"):
        exchange.peek_package(cut)
    with pytest.raises(LedgerError, match="找不到数据包文件"):
        exchange.peek_package(tmp / "missing.ipx")
    no_manifest = tmp / "nomanifest.ipx"
    with zipfile.ZipFile(no_manifest, "w") as zf:
        zf.writestr("data/enterprise.jsonl", "{}\n")
    with pytest.raises(LedgerError, match="缺少 manifest.json"):
        exchange.peek_package(no_manifest)
    unsafe = tmp / "unsafe.ipx"
    with zipfile.ZipFile(unsafe, "w") as zf:
        zf.writestr("../manifest.json", "{}")
    with pytest.raises(LedgerError, match="不安全的路径"):
        exchange.peek_package(unsafe)
    not_ours = tmp / "notours.ipx"
    with zipfile.ZipFile(not_ours, "w") as zf:
        zf.writestr("manifest.json", '{"format": "other"}')
        zf.writestr("manifest.sig", "AAAA")
    with pytest.raises(LedgerError, match="不是本程序的数据交换包"):
        exchange.peek_package(not_ours)
