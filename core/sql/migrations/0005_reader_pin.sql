-- A reader's own PIN for self-service ([station] reader_pin in the configuration),
-- set by the librarian with `kitap reader set-pin`: an argon2id hash in libsodium's
-- string form, never the digits. Wrong PINs typed for the card since the last right
-- one are counted here, so that a restarted kiosk or another station cannot reset
-- them; enough of them lock the card's self-service until `locked_until`, each lock
-- longer than the last (`lockouts`).
CREATE TABLE reader_pin (
    reader_id    INTEGER PRIMARY KEY REFERENCES reader (id),
    pin_hash     TEXT    NOT NULL CHECK (pin_hash GLOB '$argon2id$*'),
    set_at       TEXT    NOT NULL,
    wrong_tries  INTEGER NOT NULL DEFAULT 0 CHECK (wrong_tries >= 0),
    lockouts     INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
    locked_until TEXT
);
