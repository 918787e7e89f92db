-- Stations on other PCs (core/remote, `kitap stations`, `kitap exceptions`).

-- Each station the server has heard from, and what its kiosk said at that moment
-- it still kept in its offline journal (entries not yet acknowledged).
CREATE TABLE station (
    name            TEXT    PRIMARY KEY CHECK (name <> ''),
    last_seen       TEXT    NOT NULL,
    journal_waiting INTEGER NOT NULL DEFAULT 0 CHECK (journal_waiting >= 0)
) WITHOUT ROWID;

-- Every offline journal entry the server has replayed, by its id, written in the
-- same transaction as the entry's effects: an upload repeated after a crash finds
-- each entry here and changes nothing.
CREATE TABLE journal_entry_applied (
    entry_id   TEXT PRIMARY KEY,
    station    TEXT NOT NULL,
    applied_at TEXT NOT NULL
) WITHOUT ROWID;

-- A replayed scan the rules refused, for the librarian to accept (as an override
-- at the desk) or discard. Kept once settled, with how and when.
CREATE TABLE scan_exception (
    id         INTEGER PRIMARY KEY,
    entry_id   TEXT    NOT NULL UNIQUE REFERENCES journal_entry_applied (entry_id),
    station    TEXT    NOT NULL,
    scanned_at TEXT    NOT NULL,
    card       TEXT    NOT NULL,
    code       TEXT    NOT NULL,
    mode       TEXT    NOT NULL CHECK (mode IN ('self', 'desk', 'return', 'stocktake')),
    reason     TEXT    NOT NULL CHECK (reason <> ''),
    listed_at  TEXT    NOT NULL,
    settled    TEXT    CHECK (settled IN ('accepted', 'discarded')),
    settled_at TEXT,
    CHECK ((settled IS NULL) = (settled_at IS NULL))
);
CREATE INDEX scan_exception_open ON scan_exception (id) WHERE settled IS NULL;
