-- Reservations (issue 15): a reader waits for a title that is all out. Holds queue per
-- title in the order placed. A return of a copy, while someone waits, keeps it for the
-- first in the queue ('ready', until expires_on); a ready hold the reader never comes for
-- expires, and the copy passes to the next. A ready hold on title-level stock keeps one
-- unit of it (copy_id NULL). Nothing is deleted: a hold ends as fulfilled (lent to its
-- reader), cancelled or expired, and each change is an event in the audit chain.
CREATE TABLE hold (
    id         INTEGER PRIMARY KEY,
    reader_id  INTEGER NOT NULL REFERENCES reader (id),
    title_id   INTEGER NOT NULL REFERENCES title (id),
    placed_at  TEXT    NOT NULL,   -- ISO 8601 UTC timestamp: the queue's order
    station    TEXT    NOT NULL,   -- where it was placed
    state      TEXT    NOT NULL DEFAULT 'waiting'
               CHECK (state IN ('waiting', 'ready', 'fulfilled', 'cancelled', 'expired')),
    copy_id    INTEGER REFERENCES copy (id),   -- ready: the labelled copy kept
    ready_at   TEXT,                           -- ready: when the copy came back
    expires_on TEXT,                           -- ready: the last day it is kept (ISO date)
    ended_at   TEXT,
    CHECK (state = 'ready' OR copy_id IS NULL),
    CHECK ((state = 'ready') = (expires_on IS NOT NULL))
);
-- One open hold per reader and title; a copy is kept for one reader at a time.
CREATE UNIQUE INDEX hold_open_per_reader ON hold (reader_id, title_id) WHERE state IN ('waiting', 'ready');
CREATE UNIQUE INDEX hold_ready_copy ON hold (copy_id) WHERE state = 'ready' AND copy_id IS NOT NULL;
CREATE INDEX hold_open_by_title ON hold (title_id, placed_at) WHERE state IN ('waiting', 'ready');
CREATE INDEX hold_ready_by_expiry ON hold (expires_on) WHERE state = 'ready';
