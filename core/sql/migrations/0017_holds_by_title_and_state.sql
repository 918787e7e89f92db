-- A title's holds by state, in the queue's order: the next reader waiting for a title
-- (asked at every return), a waiting hold's place in its queue, the units kept for
-- readers, the catalogue's count of kept copies. The index it replaces held open holds
-- only (state IN ('waiting', 'ready')), and SQLite uses a partial index only where a
-- query states that very condition: these ask for one state, so each stepped through
-- every hold ever placed (ended holds are kept for good).
DROP INDEX hold_open_by_title;
CREATE INDEX hold_by_title ON hold (title_id, state, placed_at);
