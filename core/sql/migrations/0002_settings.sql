-- Library-wide settings that belong with the data rather than in a station's
-- configuration file (the librarian's PIN hash, for one).
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
