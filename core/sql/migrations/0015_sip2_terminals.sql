-- SIP2 terminals (`kitap sip2`): a self-check machine logs in with a `sip2` account's
-- name and password (its 93 message), so the role joins the four. Each terminal's
-- account keeps how it talks: whether its answers end in AY/AZ checksums (some
-- machines demand them, others choke on them) and the language of the screen
-- messages it shows (kk, ru or en).
--
-- The role's CHECK cannot change in place: the table is rebuilt with its columns in
-- the same order, every row and id kept, as 0009 did (its account_class rows kept
-- aside from the cascade).
CREATE TEMP TABLE account_class_kept AS SELECT account_id, class_id FROM account_class;

CREATE TABLE account_rebuilt (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL UNIQUE CHECK (name <> ''),
    role                TEXT    NOT NULL CHECK (role IN ('librarian', 'teacher', 'director', 'station', 'sip2')),
    password_hash       TEXT    CHECK (password_hash GLOB '$argon2id$*'),
    credentials_version INTEGER NOT NULL DEFAULT 1 CHECK (credentials_version >= 1),
    created_at          TEXT    NOT NULL,
    token_hash          TEXT    CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*'),
    sip2_checksums      INTEGER NOT NULL DEFAULT 0 CHECK (sip2_checksums IN (0, 1)),
    sip2_language       TEXT    NOT NULL DEFAULT 'kk' CHECK (sip2_language IN ('kk', 'ru', 'en')),
    CHECK ((role = 'station') = (password_hash IS NULL)),
    CHECK ((role = 'station') = (token_hash IS NOT NULL))
);
INSERT INTO account_rebuilt (id, name, role, password_hash, credentials_version, created_at, token_hash)
SELECT id, name, role, password_hash, credentials_version, created_at, token_hash FROM account;
DROP TABLE account;
ALTER TABLE account_rebuilt RENAME TO account;
CREATE UNIQUE INDEX account_by_token_hash ON account (token_hash);

INSERT INTO account_class (account_id, class_id) SELECT account_id, class_id FROM account_class_kept;
DROP TABLE account_class_kept;

-- A reader's card a terminal blocked (SIP2's 01 Block Patron: a card reported lost,
-- or kept by the machine): self-service refuses it until the librarian unblocks it
-- (`kitap reader unblock CARD`). When and by which terminal, for her to see.
ALTER TABLE reader ADD COLUMN card_blocked_at TEXT;
ALTER TABLE reader ADD COLUMN card_blocked_by TEXT CHECK (card_blocked_by IS NULL OR card_blocked_at IS NOT NULL);
