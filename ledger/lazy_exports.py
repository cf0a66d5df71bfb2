"""PEP 562 lazy package exports: a package names what it offers, each loads with its module.

Used by packages whose ``__init__`` re-exports heavy submodules (stdnum, the subsidy engine)
while the desktop's start-up imports only a light sibling.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, module_of: dict[str, str], namespace: dict[str, Any]
                 ) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for ``package``: ``name`` loads from ``module_of[name]`` once."""

    def getattr_(name: str) -> Any:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value  # next time a plain global lookup
        return value

    def dir_() -> list[str]:
        return sorted([*namespace, *module_of])

    return getattr_, dir_
