"""The main window's pages, built on first use.

:class:`Pages` is a read-only mapping ``key → page`` in navigation order. ``pages[key]`` builds
the page the first time (its module is imported then), puts it in the window's stack in place of
an empty placeholder and tells the ``on_built`` hooks, so wiring that belongs to one page (signal
connections, extra panels, menus acting on it) happens when that page exists. Iterating the keys,
``key in pages`` and ``len`` build nothing; ``values()``/``items()`` build every page (Mapping
semantics) — code that only needs the pages already built uses :meth:`Pages.built`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from PySide6.QtWidgets import QStackedWidget, QWidget

from ledger.store.registers import REGISTERS

Hook = Callable[[str, Any], None]
# The pages that are a RegisterPage (desktop.pages.register_page), by key: callers test the key so
# that knowing a page's kind does not import the register page module.
REGISTER_KEYS = frozenset(REGISTERS)


class Pages(Mapping[str, Any]):
    def __init__(self, parent: QWidget, keys: list[str], stack: QStackedWidget,
                 factory: Callable[[str], QWidget]) -> None:
        self._keys = list(keys)
        self._stack = stack
        self._factory = factory
        self._built: dict[str, QWidget] = {}
        self._hooks: list[Hook] = []
        self._building: set[str] = set()
        for key in self._keys:
            placeholder = QWidget(parent)
            placeholder.setObjectName(f"placeholder_{key}")
            stack.addWidget(placeholder)

    # -- Mapping -----------------------------------------------------------------------------
    def __getitem__(self, key: str) -> Any:
        page = self._built.get(key)
        if page is not None:
            return page
        if key not in self._keys:
            raise KeyError(key)
        if key in self._building:
            raise RuntimeError(f"page {key!r} is asked for while it is being built")
        self._building.add(key)
        try:
            page = self._factory(key)
        finally:
            self._building.discard(key)
        index = self._keys.index(key)
        placeholder = self._stack.widget(index)
        was_current = self._stack.currentWidget() is placeholder
        self._stack.insertWidget(index, page)
        self._stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if was_current:
            self._stack.setCurrentWidget(page)
        self._built[key] = page
        for hook in list(self._hooks):
            hook(key, page)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    # -- lazy helpers ------------------------------------------------------------------------
    def built(self) -> dict[str, Any]:
        """The pages built so far, in navigation order (builds nothing)."""
        return {k: self._built[k] for k in self._keys if k in self._built}

    def is_built(self, key: str) -> bool:
        return key in self._built

    def key_of(self, widget: Any) -> str | None:
        return next((k for k, p in self._built.items() if p is widget), None)

    def on_built(self, hook: Hook) -> None:
        """Call ``hook(key, page)`` for every page built so far and for each one built later."""
        self._hooks.append(hook)
        for key, page in self.built().items():
            hook(key, page)
