"""Workarounds for bugs in the Qt for Python release we ship.

PySide6 6.12.0 on CPython 3.11: ``SignalInstance.emit()`` returns ``True`` without taking a
reference, so every emit from Python lowers ``True``'s reference count by one. After a few hundred
emits CPython aborts with "Fatal Python error: bool_dealloc: deallocating True or False".
(CPython 3.12+ makes the bool singletons immortal, so the bug is harmless there.)
:func:`pin_bool_singletons` gives ``True``/``False``/``None`` a huge reference count once, which
is what 3.12 does. It must run before the first signal is emitted; ``desktop.app`` and the tests'
conftest call it. Remove when the PySide6 pin moves past the bug.
"""

from __future__ import annotations

import ctypes
import sys

_PINNED = False
_PIN = 1 << 40


def pin_bool_singletons() -> None:
    global _PINNED
    if _PINNED or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (True, False, None):
        # ob_refcnt is the first field of every CPython object (Py_ssize_t)
        ctypes.c_ssize_t.from_address(id(obj)).value += _PIN
    _PINNED = True
