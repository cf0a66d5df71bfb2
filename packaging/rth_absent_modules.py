"""PyInstaller runtime hook: placeholders for modules the bundle leaves out on purpose.

``packaging/bundle_rules.py`` excludes Pillow (``PIL``) and Python's OpenSSL modules (``ssl``,
``_ssl``, ``_hashlib``). Two dependencies import them unconditionally at import time although our
code never reaches the parts that use them:

- ``reportlab.lib.utils`` does ``from PIL import Image``. Pillow serves only bitmap images; the
  reports draw vector charts and embed TrueType fonts (reportlab embeds JPEG files without Pillow).
- ``stdnum.util`` does ``import ssl``, used only by the online (SOAP) checks of some numbers. We
  use ``stdnum.cn.uscc`` and ``stdnum/cn/loc.dat``, which are offline.

While exactly those two modules execute, ``sys.modules`` holds an inert placeholder
(``PIL.Image is None``, reportlab's own "no imaging library" case; attribute access on ``ssl``
raises ImportError). Anywhere else the modules are simply missing (ImportError), as in a Python
built without them: ``hashlib`` falls back to its built-in SHA-2 code, ``openpyxl`` runs without
image support. A placeholder is never used when the real module can be imported. Standard
library only; ``tests/test_packaging.py`` exercises it outside the bundle too.
"""

from __future__ import annotations

import importlib.util
import sys
import types

# importing module -> {left-out module: attributes of its placeholder}
PLACEHOLDERS: dict[str, dict[str, dict[str, object]]] = {
    "reportlab.lib.utils": {"PIL": {"Image": None}},
    "stdnum.util": {"ssl": {}},
}


class AbsentModule(types.ModuleType):
    """A module left out of the bundle: importable for the one importer, unusable."""

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):
            raise AttributeError(name)
        raise ImportError(f"{self.__name__} 不在 ipdesk 打包产物中（packaging/bundle_rules.py）", name=self.__name__)


def _importable(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ImportError:
        return False


class _LoaderWithPlaceholders:
    """Runs the wrapped loader's ``exec_module`` with the placeholders in ``sys.modules``."""

    def __init__(self, loader, absent: dict[str, dict[str, object]]) -> None:  # type: ignore[no-untyped-def]
        self._loader = loader
        self._absent = absent

    def __getattr__(self, name: str) -> object:  # get_data, get_resource_reader… of the real loader
        return getattr(self._loader, name)

    def create_module(self, spec):  # type: ignore[no-untyped-def]
        return self._loader.create_module(spec)

    def exec_module(self, module) -> None:  # type: ignore[no-untyped-def]
        added = []
        for name, attributes in self._absent.items():
            if name in sys.modules or _importable(name):
                continue  # the real module is there: use it
            placeholder = AbsentModule(name)
            placeholder.__dict__.update(attributes)
            sys.modules[name] = placeholder
            added.append(name)
        try:
            self._loader.exec_module(module)
        finally:
            for name in added:
                if isinstance(sys.modules.get(name), AbsentModule):
                    del sys.modules[name]


class PlaceholderFinder:
    """Meta-path finder: finds the importers of :data:`PLACEHOLDERS` with the other finders and
    wraps their loader."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):  # type: ignore[no-untyped-def]
        absent = PLACEHOLDERS.get(fullname)
        if absent is None:
            return None
        for finder in sys.meta_path:
            if finder is cls or isinstance(finder, cls) or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _LoaderWithPlaceholders(spec.loader, absent)
                return spec
        return None


def install() -> None:
    if not any(finder is PlaceholderFinder for finder in sys.meta_path):
        sys.meta_path.insert(0, PlaceholderFinder)


if getattr(sys, "frozen", False):  # in the bundle; tests load this file without installing it
    install()
