"""Qt table models over ledger queries."""

from desktop.qt_workarounds import pin_bool_singletons

pin_bool_singletons()
