-- Schema 3: office-to-office exchange packages (ledger/exchange, SQL in ledger/store/exchange_sql.py).
-- None of these tables is audited: they hold exchange bookkeeping, and the signing key must not be
-- copied into the append-only audit log. Imports write business rows through the audited tables.

-- This office's signing key (Ed25519, raw keys base64). One row.
CREATE TABLE exchange_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    algorithm TEXT NOT NULL CHECK (algorithm = 'Ed25519'),
    private_key TEXT NOT NULL,
    public_key TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

-- Offices whose packages this database accepts (public key registry).
CREATE TABLE exchange_office (
    id INTEGER PRIMARY KEY,
    office_id TEXT NOT NULL DEFAULT '',
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
    name TEXT NOT NULL,
    algorithm TEXT NOT NULL CHECK (algorithm = 'Ed25519'),
    public_key TEXT NOT NULL,
    trusted_at TEXT NOT NULL,
    trusted_by TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX exchange_office_id ON exchange_office (office_id);

-- Packages written by this office (package_seq is monotonic per office).
CREATE TABLE exchange_sent (
    package_seq INTEGER PRIMARY KEY CHECK (package_seq >= 1),
    from_seq INTEGER NOT NULL,
    to_seq INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    counts TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(counts)),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT ''
) STRICT;

-- Packages imported here; the audit seq range they wrote is skipped by later exports.
CREATE TABLE exchange_received (
    id INTEGER PRIMARY KEY,
    office_id TEXT NOT NULL,
    office_code TEXT NOT NULL,
    office_name TEXT NOT NULL,
    package_seq INTEGER NOT NULL,
    file_sha256 TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL DEFAULT '',
    counts TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(counts)),
    audit_first_seq INTEGER,
    audit_last_seq INTEGER,
    UNIQUE (office_id, package_seq)
) STRICT;

-- Per record and sending office: hash of the record's state after the last sync with that office.
CREATE TABLE exchange_sync (
    table_name TEXT NOT NULL,
    uuid TEXT NOT NULL,
    office_id TEXT NOT NULL,
    base_hash TEXT NOT NULL,
    received_id INTEGER NOT NULL,
    PRIMARY KEY (table_name, uuid, office_id)
) STRICT, WITHOUT ROWID;

-- Another office's uuid for a record known here under another uuid (same natural key).
CREATE TABLE exchange_alias (
    table_name TEXT NOT NULL,
    remote_uuid TEXT NOT NULL,
    local_uuid TEXT NOT NULL,
    office_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (table_name, remote_uuid)
) STRICT, WITHOUT ROWID;

-- Changes a person must decide on: never overwritten silently.
CREATE TABLE exchange_conflict (
    id INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    record_uuid TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('both_changed', 'natural_key', 'delete', 'missing_parent')),
    message TEXT NOT NULL,
    local_json TEXT CHECK (local_json IS NULL OR json_valid(local_json)),
    incoming_json TEXT CHECK (incoming_json IS NULL OR json_valid(incoming_json)),
    incoming_hash TEXT NOT NULL DEFAULT '',
    office_id TEXT NOT NULL,
    office_code TEXT NOT NULL,
    package_seq INTEGER NOT NULL,
    received_id INTEGER NOT NULL,
    detected_at TEXT NOT NULL,
    resolved_at TEXT,
    resolved_by TEXT,
    resolution TEXT CHECK (resolution IS NULL OR resolution IN ('local', 'incoming'))
) STRICT;
CREATE INDEX exchange_conflict_open ON exchange_conflict (resolution, table_name, record_uuid);
