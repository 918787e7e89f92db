-- The audit log can no longer be misled (issue 18, finding 8).
-- 1. Who acted is a role (actor_role), with a reader's card beside it (actor_card)
--    only when a reader acted at a self-service station. The old `actor` held a
--    role or a card, so a pupil imported with the card "librarian" was taken for
--    the librarian.
-- 2. Each row carries `hash`, chaining it to the row before it
--    (core/audit/event_chain.hpp), so a row changed or deleted behind the
--    append-only triggers' back shows in `kitap audit verify`. Rows written
--    before this migration are chained here, in id order, by the connection's
--    kitap_event_hash(), the same function the writer uses.
-- SQLite cannot add NOT NULL columns computed from others, so the table is
-- rebuilt; its triggers go with the old table and are made again at the end.

DROP TRIGGER event_no_update;
DROP TRIGGER event_no_delete;

-- The old actor: a role word, a card, or '' when nobody was shown (a wrong PIN, a
-- self-service scan before any card). A visit, loan or return whose actor word
-- is also its reader's card is ambiguous (the pupil with card "librarian" at the
-- kiosk, or the librarian serving that pupil at the desk) and is taken for the
-- pupil: nobody who only held a card is remembered as the librarian.
ALTER TABLE event ADD COLUMN actor_role TEXT NOT NULL DEFAULT 'none';
ALTER TABLE event ADD COLUMN actor_card TEXT NOT NULL DEFAULT '';
UPDATE event SET actor_role = CASE
        WHEN actor = '' THEN 'none'
        WHEN actor IN ('librarian', 'import', 'demo')
             AND NOT (action IN ('visit', 'loan', 'return')
                      AND EXISTS (SELECT 1 FROM reader r WHERE r.id = event.reader_id AND r.card = event.actor))
            THEN actor
        ELSE 'reader'
    END;
UPDATE event SET actor_card = actor WHERE actor_role = 'reader';

CREATE TABLE event_chained (
    id         INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,
    station    TEXT    NOT NULL DEFAULT '',
    actor_role TEXT    NOT NULL CHECK (actor_role IN ('none', 'librarian', 'import', 'reader', 'demo')),
    actor_card TEXT    NOT NULL DEFAULT '',
    action     TEXT    NOT NULL,
    reader_id  INTEGER,
    title_id   INTEGER,
    copy_id    INTEGER,
    quantity   INTEGER,
    detail     TEXT    NOT NULL DEFAULT '',
    hash       BLOB    NOT NULL,
    CHECK ((actor_role = 'reader') = (actor_card <> ''))
);

-- One step per row, in id order: each row's hash needs the one before it.
INSERT INTO event_chained (id, at, station, actor_role, actor_card, action, reader_id, title_id, copy_id, quantity,
                           detail, hash)
WITH RECURSIVE chain (id, at, station, actor_role, actor_card, action, reader_id, title_id, copy_id, quantity, detail,
                      hash) AS (
    SELECT id, at, station, actor_role, actor_card, action, reader_id, title_id, copy_id, quantity, detail,
           kitap_event_hash(NULL, id, at, station, actor_role, actor_card, action, reader_id, title_id, copy_id,
                            quantity, detail)
    FROM event WHERE id = (SELECT min(id) FROM event)
    UNION ALL
    SELECT e.id, e.at, e.station, e.actor_role, e.actor_card, e.action, e.reader_id, e.title_id, e.copy_id,
           e.quantity, e.detail,
           kitap_event_hash(chain.hash, e.id, e.at, e.station, e.actor_role, e.actor_card, e.action, e.reader_id,
                            e.title_id, e.copy_id, e.quantity, e.detail)
    FROM chain JOIN event e ON e.id = (SELECT min(id) FROM event WHERE id > chain.id)
)
SELECT * FROM chain;

DROP TABLE event;
ALTER TABLE event_chained RENAME TO event;
CREATE INDEX event_by_time ON event (at);
CREATE TRIGGER event_no_update BEFORE UPDATE ON event
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER event_no_delete BEFORE DELETE ON event
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
