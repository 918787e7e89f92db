-- The web console's accounts (`kitap user`, core/library/account_service.hpp).
-- A password is kept only as an argon2id hash in libsodium's string form.
-- `credentials_version` goes up with every new password: a web session made
-- under an older one is void.
CREATE TABLE account (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL UNIQUE CHECK (name <> ''),
    role                TEXT    NOT NULL CHECK (role IN ('librarian', 'teacher', 'director')),
    password_hash       TEXT    NOT NULL CHECK (password_hash GLOB '$argon2id$*'),
    credentials_version INTEGER NOT NULL DEFAULT 1 CHECK (credentials_version >= 1),
    created_at          TEXT    NOT NULL
);

-- The classes a teacher leads; only a teacher leads any. Year close moves each to
-- the class its pupils move on to, as the class teacher goes with them.
CREATE TABLE account_class (
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    class_id   INTEGER NOT NULL REFERENCES school_class (id),
    PRIMARY KEY (account_id, class_id)
) WITHOUT ROWID;
CREATE INDEX account_class_by_class ON account_class (class_id);

-- Which web account made the change a row records (Library::act_as), NULL for the
-- kiosk and the command line. Part of a row's hash only when set, so every row
-- written before keeps the hash it has (core/audit/event_chain.hpp).
ALTER TABLE event ADD COLUMN actor_account TEXT CHECK (actor_account IS NULL OR actor_account <> '');
