"""Chinese input on Linux desktops that use fcitx/fcitx5, decided before the QApplication exists.

The PySide6 wheel ships only the ``ibus``, ``compose`` and virtual-keyboard input-context plugins
(Qt/plugins/platforminputcontexts); there is no fcitx one. On UOS/Deepin/Kylin and many other
desktops the session sets ``QT_IM_MODULE=fcitx``; Qt then finds no such plugin, silently falls
back to no input method, and staff cannot type Chinese into any field.

fcitx5 also implements the ibus D-Bus protocol (its "ibus frontend", on by default), so the
bundled ibus plugin works with it. fcitx5 sessions set the variables to plain ``fcitx``, so the
version is read from the running process (``/proc/*/comm``).

:func:`apply_input_method_workaround` then sets ``QT_IM_MODULE=ibus`` — unless the user chose
another module themselves (only the session default ``fcitx``/``fcitx5`` is replaced, and only
when no fcitx plugin is available to this Qt), never on other platforms, and not when
``IPDESK_KEEP_IM_MODULE=1``. The old fcitx 4 has no ibus frontend: for it :func:`advice` tells
the user to switch to fcitx5 or install a fcitx Qt 6 plugin built for the same Qt version.

Pure functions over an ``environ`` mapping; Qt is never imported here (the plugin folder is found
from the installed PySide6 package's location, or given explicitly), so this runs before Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path


def translate(context: str, text: str) -> str:
    """Marks text for lupdate; returns it unchanged: this runs before Qt (and any catalogue) loads."""
    return text

FCITX_NAMES = ("fcitx", "fcitx5")


@dataclass(frozen=True)
class InputMethodState:
    """What was found: which fcitx runs, which Qt plugins exist, what the environment asks for."""

    fcitx: str | None                # "fcitx5", "fcitx4", "fcitx" (version unknown) or None
    qt_im_module: str | None         # QT_IM_MODULE as set in the environment
    has_fcitx_plugin: bool           # a libfcitx*platforminputcontextplugin for this Qt
    has_ibus_plugin: bool

    @property
    def needs_workaround(self) -> bool:
        """fcitx in use, no fcitx plugin for this Qt, and the user did not pick a module."""
        return (self.fcitx is not None and not self.has_fcitx_plugin
                and (self.qt_im_module is None or self.qt_im_module.lower() in FCITX_NAMES))


def _env_mentions_fcitx(environ: Mapping[str, str]) -> str | None:
    """"fcitx5" if the session's input-method variables say fcitx5, "fcitx" if they say fcitx
    (fcitx5 sessions usually say plain "fcitx" too, for compatibility), else None."""
    values = [environ.get("XMODIFIERS", "").replace("@im=", ""), environ.get("GTK_IM_MODULE", ""),
              environ.get("QT_IM_MODULE", ""), environ.get("INPUT_METHOD", ""),
              environ.get("SDL_IM_MODULE", "")]
    values = [v.strip().lower() for v in values]
    if "fcitx5" in values:
        return "fcitx5"
    if "fcitx" in values:
        return "fcitx"
    return None


def running_fcitx(proc: Path = Path("/proc")) -> str | None:
    """"fcitx5" or "fcitx4" if such a process runs (Linux ``/proc``), else None."""
    found = None
    try:
        entries = list(proc.iterdir())
    except OSError:
        return None
    for entry in entries:
        if not entry.name.isdigit():
            continue
        try:
            name = (entry / "comm").read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            continue
        if name == "fcitx5":
            return "fcitx5"
        if name == "fcitx":
            found = "fcitx4"
    return found


def _which_fcitx(environ: Mapping[str, str], proc: Path) -> str | None:
    """"fcitx5", "fcitx4", "fcitx" (version unknown: variables say fcitx, no process seen) or None."""
    running = running_fcitx(proc)
    if running:
        return running
    return _env_mentions_fcitx(environ)


def qt_plugin_dirs(environ: Mapping[str, str]) -> list[Path]:
    """Folders where this Qt looks for input-context plugins (without importing Qt)."""
    dirs = []
    for entry in environ.get("QT_PLUGIN_PATH", "").split(os.pathsep):
        if entry:
            dirs.append(Path(entry) / "platforminputcontexts")
    frozen = getattr(sys, "_MEIPASS", None)
    roots = [Path(frozen) / "PySide6"] if frozen else []
    try:
        import importlib.util

        spec = importlib.util.find_spec("PySide6")  # locates the package, does not load Qt
        if spec is not None and spec.submodule_search_locations:
            roots += [Path(p) for p in spec.submodule_search_locations]
    except (ImportError, ValueError):
        pass
    for root in roots:
        dirs += [root / "Qt" / "plugins" / "platforminputcontexts", root / "plugins" / "platforminputcontexts"]
    return dirs


def _plugins(dirs: Iterable[Path]) -> list[str]:
    names = []
    for folder in dirs:
        try:
            names += [p.name.lower() for p in Path(folder).iterdir()]
        except OSError:
            continue
    return names


def detect(environ: Mapping[str, str], *, platform: str | None = None,
           plugin_dirs: Iterable[Path] | None = None, proc: Path = Path("/proc")) -> InputMethodState | None:
    """The input-method situation on Linux, or None on other platforms."""
    if not (platform or sys.platform).startswith("linux"):
        return None
    fcitx = _which_fcitx(environ, proc)
    plugins = _plugins(qt_plugin_dirs(environ) if plugin_dirs is None else plugin_dirs)
    return InputMethodState(
        fcitx=fcitx,
        qt_im_module=environ.get("QT_IM_MODULE") or None,
        has_fcitx_plugin=any(name.startswith("libfcitx") for name in plugins),
        has_ibus_plugin=any("ibus" in name for name in plugins),
    )


def advice(state: InputMethodState | None) -> str | None:
    """A Chinese explanation for the user (log, About box, start-up hint), or None if all is well."""
    if state is None or state.fcitx is None or state.has_fcitx_plugin:
        return None
    if state.qt_im_module and state.qt_im_module.lower() not in FCITX_NAMES:
        return None  # the user chose a module; respect it
    plugin = translate("input_method", "或安装与本程序 Qt 版本（6.x）一致的 fcitx5-frontend-qt6 插件并设置 QT_PLUGIN_PATH。")
    if state.fcitx == "fcitx4":
        return (translate("input_method", "检测到 fcitx（第 4 版）输入法，但本程序自带的 Qt 没有 fcitx 插件，可能无法输入中文。"
                "建议改用 fcitx5（它兼容 ibus，本程序会自动切换），或改用 ibus 输入法，") + plugin)
    name = "fcitx5" if state.fcitx == "fcitx5" else "fcitx"
    if not state.has_ibus_plugin:
        return translate("input_method", "检测到 {name} 输入法，但本程序的 Qt 既没有 fcitx 插件也没有 ibus 插件，无法输入中文。").format(name=name) + plugin
    return (translate("input_method", "检测到 {name} 输入法，本程序自带的 Qt 没有 fcitx 插件，已自动改用 ibus 兼容方式（QT_IM_MODULE=ibus，fcitx5 默认提供 ibus 前端）。如仍无法输入中文，请在 fcitx5 配置中启用“IBus 前端”附加组件，").format(name=name) + plugin + translate("input_method", "设置 IPDESK_KEEP_IM_MODULE=1 可关闭自动切换。"))


def apply_input_method_workaround(environ: MutableMapping[str, str] | None = None, **detect_options) -> str | None:
    """Call before creating the QApplication. Sets ``QT_IM_MODULE=ibus`` when fcitx5 is in use (or
    fcitx of unknown version: without a fcitx plugin Qt would have no input method at all, so
    trying ibus cannot make things worse), this Qt has no fcitx plugin but has the ibus one, and
    the user did not choose a module other than the session's fcitx default. Not for a running
    fcitx 4, which has no ibus frontend. Returns :func:`advice` (None when nothing to say)."""
    environ = os.environ if environ is None else environ
    if environ.get("IPDESK_KEEP_IM_MODULE") == "1":  # opt-out, documented in docs/PACKAGING.md
        return None
    state = detect(environ, **detect_options)
    if state is not None and state.needs_workaround and state.fcitx != "fcitx4" and state.has_ibus_plugin:
        environ["QT_IM_MODULE"] = "ibus"
    return advice(state)
