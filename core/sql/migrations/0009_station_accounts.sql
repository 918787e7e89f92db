-- Station accounts: a kiosk on another PC calls `kitap serve`'s /api/station/* as one
-- (`kitap user add NAME --role station`). It has no password, only a token: 32 random
-- bytes the kiosk keeps, stored here as their BLAKE2b-256 hash (64 hex digits), which
-- is what a request's token is looked up by. Every other role has a password and no token.
--
-- SQLite cannot change a table's CHECKs in place, so the table is rebuilt with the same
-- columns in the same order, keeping every row and id. Foreign keys are on while
-- migrating: dropping the old table deletes the account_class rows by cascade, so they
-- are kept aside and put back.
CREATE TEMP TABLE account_class_kept AS SELECT account_id, class_id FROM account_class;

CREATE TABLE account_rebuilt (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL UNIQUE CHECK (name <> ''),
    role                TEXT    NOT NULL CHECK (role IN ('librarian', 'teacher', 'director', 'station')),
    password_hash       TEXT    CHECK (password_hash GLOB '$argon2id$*'),
    credentials_version INTEGER NOT NULL DEFAULT 1 CHECK (credentials_version >= 1),
    created_at          TEXT    NOT NULL,
    CHECK ((role = 'station') = (password_hash IS NULL))
);
INSERT INTO account_rebuilt SELECT * FROM account;
DROP TABLE account;
ALTER TABLE account_rebuilt RENAME TO account;

ALTER TABLE account ADD COLUMN token_hash TEXT
    CHECK ((role = 'station') = (token_hash IS NOT NULL))
    CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*');
CREATE UNIQUE INDEX account_by_token_hash ON account (token_hash);

INSERT INTO account_class (account_id, class_id) SELECT account_id, class_id FROM account_class_kept;
DROP TABLE account_class_kept;
