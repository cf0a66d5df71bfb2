"""Use cases the GUI, the CLI and the importer call. Each validates, applies rules, then writes
through ``ledger.store`` in one transaction; a refusal raises a ``LedgerError`` and writes nothing."""
