"""desktop.input_method: fcitx detection and the QT_IM_MODULE=ibus workaround, on fake systems."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.input_method import advice, apply_input_method_workaround, detect, running_fcitx

IBUS = "libibusplatforminputcontextplugin.so"
COMPOSE = "libcomposeplatforminputcontextplugin.so"
FCITX5 = "libfcitx5platforminputcontextplugin.so"
FCITX5_SESSION = {"XMODIFIERS": "@im=fcitx", "GTK_IM_MODULE": "fcitx", "QT_IM_MODULE": "fcitx"}


def fake_proc(tmp_path: Path, *names: str) -> Path:
    proc = tmp_path / f"proc-{len(list(tmp_path.glob('proc-*')))}"
    proc.mkdir()
    (proc / "self").mkdir()
    for pid, name in enumerate(("systemd", "Xorg", *names), start=1):
        (proc / str(pid)).mkdir()
        (proc / str(pid) / "comm").write_text(name + "\n", encoding="utf-8")
    return proc


def plugins(tmp_path: Path, *names: str) -> list[Path]:
    folder = tmp_path / f"plugins-{len(list(tmp_path.glob('plugins-*')))}" / "platforminputcontexts"
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_bytes(b"")
    return [folder]


def run(env, tmp_path, procs=(), plugin_names=(IBUS, COMPOSE), platform="linux"):
    return apply_input_method_workaround(env, platform=platform, plugin_dirs=plugins(tmp_path, *plugin_names),
                                         proc=fake_proc(tmp_path, *procs))


def test_fcitx5_session_without_fcitx_plugin_switches_to_ibus(tmp_path):
    env = dict(FCITX5_SESSION)
    message = run(env, tmp_path, procs=("fcitx5",))
    assert env["QT_IM_MODULE"] == "ibus"
    assert env["XMODIFIERS"] == "@im=fcitx" and env["GTK_IM_MODULE"] == "fcitx"  # others untouched
    assert "fcitx5" in message and "QT_IM_MODULE=ibus" in message and "IPDESK_KEEP_IM_MODULE" in message


def test_fcitx5_process_alone_is_enough(tmp_path):
    env = {}
    run(env, tmp_path, procs=("fcitx5",))
    assert env["QT_IM_MODULE"] == "ibus"


def test_variables_naming_fcitx5_are_enough_without_proc(tmp_path):
    env = {"QT_IM_MODULE": "fcitx5"}
    run(env, tmp_path)
    assert env["QT_IM_MODULE"] == "ibus"


def test_fcitx_of_unknown_version_also_tries_ibus(tmp_path):
    # no process visible (sandbox): without a fcitx plugin Qt has no input method, ibus can only help
    env = dict(FCITX5_SESSION)
    message = run(env, tmp_path)
    assert env["QT_IM_MODULE"] == "ibus"
    assert message.startswith("检测到 fcitx 输入法")


def test_fcitx4_is_not_switched_but_advised(tmp_path):
    env = dict(FCITX5_SESSION)
    message = run(env, tmp_path, procs=("fcitx",))
    assert env["QT_IM_MODULE"] == "fcitx"
    assert "第 4 版" in message and "fcitx5" in message


def test_an_installed_fcitx_plugin_means_nothing_to_do(tmp_path):
    env = dict(FCITX5_SESSION)
    assert run(env, tmp_path, procs=("fcitx5",), plugin_names=(IBUS, FCITX5)) is None
    assert env["QT_IM_MODULE"] == "fcitx"


def test_the_users_own_choice_is_kept(tmp_path):
    env = {**FCITX5_SESSION, "QT_IM_MODULE": "xim"}
    assert run(env, tmp_path, procs=("fcitx5",)) is None
    assert env["QT_IM_MODULE"] == "xim"


def test_opt_out_variable(tmp_path):
    env = {**FCITX5_SESSION, "IPDESK_KEEP_IM_MODULE": "1"}
    assert run(env, tmp_path, procs=("fcitx5",)) is None
    assert env["QT_IM_MODULE"] == "fcitx"


def test_ibus_session_and_no_input_method_are_left_alone(tmp_path):
    env = {"XMODIFIERS": "@im=ibus", "QT_IM_MODULE": "ibus", "GTK_IM_MODULE": "ibus"}
    assert run(env, tmp_path, procs=("ibus-daemon",)) is None
    assert env["QT_IM_MODULE"] == "ibus"
    env = {}
    assert apply_input_method_workaround(env, platform="linux", plugin_dirs=[], proc=fake_proc(tmp_path)) is None
    assert env == {}


def test_without_ibus_plugin_nothing_is_switched_and_the_advice_says_so(tmp_path):
    env = dict(FCITX5_SESSION)
    message = run(env, tmp_path, procs=("fcitx5",), plugin_names=(COMPOSE,))
    assert env["QT_IM_MODULE"] == "fcitx"
    assert "无法输入中文" in message and "fcitx5-frontend-qt6" in message


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_other_platforms_are_never_touched(tmp_path, platform):
    env = dict(FCITX5_SESSION)
    assert run(env, tmp_path, procs=("fcitx5",), platform=platform) is None
    assert env == FCITX5_SESSION
    assert detect(env, platform=platform) is None and advice(None) is None


def test_plugin_folder_from_qt_plugin_path(tmp_path):
    folder = tmp_path / "qt6plugins"
    (folder / "platforminputcontexts").mkdir(parents=True)
    (folder / "platforminputcontexts" / FCITX5).write_bytes(b"")
    state = detect({**FCITX5_SESSION, "QT_PLUGIN_PATH": str(folder)}, platform="linux",
                   proc=fake_proc(tmp_path, "fcitx5"))
    assert state.has_fcitx_plugin and not state.needs_workaround


def test_running_fcitx_tolerates_missing_proc(tmp_path):
    assert running_fcitx(tmp_path / "no-proc") is None
    assert running_fcitx(fake_proc(tmp_path, "fcitx", "fcitx5")) == "fcitx5"


def test_the_real_pyside6_wheel_has_ibus_but_no_fcitx_plugin():
    state = detect({}, platform="linux", proc=Path("/nonexistent"))
    if not state.has_ibus_plugin:
        pytest.skip("PySide6 without Linux input-context plugins here")
    assert not state.has_fcitx_plugin


def test_module_imports_no_qt():
    code = ("import sys, desktop.input_method as m; m.detect({}, platform='linux'); "
            "sys.exit(1 if any(k.startswith(('PySide6.', 'shiboken6')) for k in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parent.parent).returncode == 0
