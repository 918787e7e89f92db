-- The librarian's year: curricula, class issuance, returns with condition and
-- compensation, fund movement (receipts, write-off acts), stocktakes and the
-- closing of school years.

-- Which titles each pupil of a grade and language of instruction gets, and how many.
CREATE TABLE curriculum (
    grade     INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 11),
    language  TEXT    NOT NULL CHECK (language IN ('kk', 'ru')),
    title_id  INTEGER NOT NULL REFERENCES title (id),
    per_pupil INTEGER NOT NULL DEFAULT 1 CHECK (per_pupil > 0),
    subject   TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (grade, language, title_id)
) WITHOUT ROWID;
CREATE INDEX curriculum_by_title ON curriculum (title_id);

-- The state an item came back in; NULL for returns before conditions were recorded.
ALTER TABLE loan ADD COLUMN condition TEXT CHECK (condition IS NULL OR condition IN ('good', 'worn', 'damaged', 'lost'));

-- What a reader owes for a damaged or lost item until it is settled.
CREATE TABLE compensation (
    id          INTEGER PRIMARY KEY,
    reader_id   INTEGER NOT NULL REFERENCES reader (id),
    title_id    INTEGER NOT NULL REFERENCES title (id),
    copy_id     INTEGER REFERENCES copy (id),
    quantity    INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0),
    condition   TEXT    NOT NULL CHECK (condition IN ('damaged', 'lost')),
    amount_tiyn INTEGER NOT NULL CHECK (amount_tiyn >= 0),
    created_at  TEXT    NOT NULL,
    settled_at  TEXT,
    settlement  TEXT CHECK (settlement IS NULL OR settlement IN ('paid', 'replaced', 'waived'))
);
CREATE INDEX compensation_open_by_reader ON compensation (reader_id) WHERE settled_at IS NULL;

-- School years the librarian has closed (promotion done); a year closes once.
CREATE TABLE school_year (
    name      TEXT PRIMARY KEY CHECK (name GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
    closed_at TEXT NOT NULL
) WITHOUT ROWID;

-- Receipts: title-level (copy_id NULL, quantity N) or one labelled copy each.
CREATE TABLE receipt (
    id          INTEGER PRIMARY KEY,
    received_on TEXT    NOT NULL,
    title_id    INTEGER NOT NULL REFERENCES title (id),
    copy_id     INTEGER REFERENCES copy (id),
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    price_tiyn  INTEGER NOT NULL CHECK (price_tiyn >= 0),   -- per copy
    source      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX receipt_by_day ON receipt (received_on);

CREATE TABLE writeoff_act (
    id       INTEGER PRIMARY KEY,
    number   TEXT    NOT NULL UNIQUE,
    act_date TEXT    NOT NULL,
    reason   TEXT    NOT NULL CHECK (reason IN ('worn', 'curriculum', 'lost', 'damaged'))
);
CREATE TABLE writeoff_row (
    id         INTEGER PRIMARY KEY,
    act_id     INTEGER NOT NULL REFERENCES writeoff_act (id),
    title_id   INTEGER NOT NULL REFERENCES title (id),
    copy_id    INTEGER REFERENCES copy (id),
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    price_tiyn INTEGER NOT NULL CHECK (price_tiyn >= 0)     -- per copy
);
CREATE INDEX writeoff_row_by_act ON writeoff_row (act_id);

-- Where a labelled copy stands, for stocktakes by shelf.
ALTER TABLE copy ADD COLUMN shelf TEXT NOT NULL DEFAULT '';

CREATE TABLE stocktake (
    id          INTEGER PRIMARY KEY,
    scope       TEXT NOT NULL,           -- all | kind:textbook | shelf:NAME
    started_at  TEXT NOT NULL,
    finished_at TEXT
);
-- At most one stocktake is open at a time.
CREATE UNIQUE INDEX stocktake_one_open ON stocktake (finished_at IS NULL) WHERE finished_at IS NULL;

CREATE TABLE stocktake_scan (
    id           INTEGER PRIMARY KEY,
    stocktake_id INTEGER NOT NULL REFERENCES stocktake (id),
    code         TEXT    NOT NULL,
    scanned_at   TEXT    NOT NULL,
    copy_id      INTEGER REFERENCES copy (id),
    title_id     INTEGER REFERENCES title (id)
);
CREATE INDEX stocktake_scan_by_take ON stocktake_scan (stocktake_id);
