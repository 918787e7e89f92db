-- Kitap schema, version 1.
-- Stock comes in two first-class kinds (see shared DOMAIN.md):
--   copy         : a main-fund copy with its own inventory-number barcode, lent one at a time;
--   title.stock  : the textbook fund, counted per title and scanned by ISBN.
-- Whether a copy is on loan is never stored twice: it is "has an open loan row",
-- and a partial unique index makes a second open loan of the same copy impossible.

CREATE TABLE school_class (
    id          INTEGER PRIMARY KEY,
    grade       INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 11),
    letter      TEXT    NOT NULL CHECK (length(letter) = 1),
    language    TEXT    NOT NULL CHECK (language IN ('kk', 'ru')),
    school_year TEXT    NOT NULL CHECK (school_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
    UNIQUE (school_year, grade, letter)
);

CREATE TABLE reader (
    id        INTEGER PRIMARY KEY,
    card      TEXT    NOT NULL UNIQUE,
    full_name TEXT    NOT NULL CHECK (full_name <> ''),
    category  TEXT    NOT NULL CHECK (category IN ('pupil', 'teacher', 'staff', 'other')),
    class_id  INTEGER REFERENCES school_class (id),
    status    TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
    CHECK (category <> 'pupil' OR class_id IS NOT NULL)
);
CREATE INDEX reader_by_class ON reader (class_id);

CREATE TABLE title (
    id         INTEGER PRIMARY KEY,
    title      TEXT    NOT NULL CHECK (title <> ''),
    authors    TEXT    NOT NULL DEFAULT '',
    isbn       TEXT    UNIQUE,          -- normalised ISBN-13, digits only
    publisher  TEXT    NOT NULL DEFAULT '',
    year       INTEGER,
    language   TEXT    NOT NULL DEFAULT '',
    kind       TEXT    NOT NULL CHECK (kind IN ('textbook', 'fiction', 'reference', 'methodical', 'periodical', 'electronic')),
    grade      INTEGER CHECK (grade IS NULL OR grade BETWEEN 0 AND 11),
    subject    TEXT    NOT NULL DEFAULT '',
    price_tiyn INTEGER NOT NULL DEFAULT 0 CHECK (price_tiyn >= 0),   -- tenge × 100
    stock      INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0)          -- title-level copies owned
);

CREATE TABLE copy (
    id       INTEGER PRIMARY KEY,
    barcode  TEXT    NOT NULL UNIQUE,
    title_id INTEGER NOT NULL REFERENCES title (id),
    status   TEXT    NOT NULL DEFAULT 'in_fund' CHECK (status IN ('in_fund', 'written_off', 'lost'))
);
CREATE INDEX copy_by_title ON copy (title_id);

-- A loan is of one copy (copy_id set, quantity 1) or of a quantity of a title (copy_id NULL).
CREATE TABLE loan (
    id          INTEGER PRIMARY KEY,
    reader_id   INTEGER NOT NULL REFERENCES reader (id),
    title_id    INTEGER NOT NULL REFERENCES title (id),
    copy_id     INTEGER REFERENCES copy (id),
    quantity    INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0),
    loaned_at   TEXT    NOT NULL,       -- ISO 8601 UTC timestamp
    due         TEXT    NOT NULL,       -- ISO date
    returned_at TEXT,                   -- NULL while open
    station     TEXT    NOT NULL DEFAULT '',
    CHECK (copy_id IS NULL OR quantity = 1)
);
CREATE UNIQUE INDEX loan_open_copy ON loan (copy_id) WHERE returned_at IS NULL AND copy_id IS NOT NULL;
CREATE INDEX loan_open_by_reader ON loan (reader_id) WHERE returned_at IS NULL;
CREATE INDEX loan_open_by_title ON loan (title_id) WHERE returned_at IS NULL AND copy_id IS NULL;
CREATE INDEX loan_by_time ON loan (loaned_at);

-- A reader identified at a station counts as one visit a day.
CREATE TABLE visit (
    reader_id INTEGER NOT NULL REFERENCES reader (id),
    day       TEXT    NOT NULL,
    station   TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (reader_id, day)
) WITHOUT ROWID;
CREATE INDEX visit_by_day ON visit (day);

-- Append-only log of every change: who, at which station, when, what.
CREATE TABLE event (
    id        INTEGER PRIMARY KEY,
    at        TEXT    NOT NULL,
    station   TEXT    NOT NULL DEFAULT '',
    actor     TEXT    NOT NULL DEFAULT '',
    action    TEXT    NOT NULL,
    reader_id INTEGER,
    title_id  INTEGER,
    copy_id   INTEGER,
    quantity  INTEGER,
    detail    TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX event_by_time ON event (at);
CREATE TRIGGER event_no_update BEFORE UPDATE ON event
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER event_no_delete BEFORE DELETE ON event
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
