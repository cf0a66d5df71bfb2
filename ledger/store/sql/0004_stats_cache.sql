-- Schema 4: cached statistics. One row per scope (year/programme/office) with the audit-log
-- position it was computed at; any write appends to the audit log, so a cached row whose
-- audit_seq is not the current maximum is stale and recomputed. Not a business table: not
-- audited, not exchanged.
CREATE TABLE stats_cache (
    scope TEXT PRIMARY KEY,
    audit_seq INTEGER NOT NULL,
    figures TEXT NOT NULL CHECK (json_valid(figures)),
    computed_at TEXT NOT NULL
) STRICT;
