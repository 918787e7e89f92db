-- A write-off act's reason may be 'transfer': textbooks given to another school of the
-- city (`kitap district exchange` proposes them; the receiving school records a receipt).
--
-- SQLite cannot change a table's CHECKs in place, so writeoff_act is rebuilt with the
-- same columns in the same order, keeping every row and id. Foreign keys are on while
-- migrating and writeoff_row refers to the acts, so its rows are kept aside and put back.
CREATE TEMP TABLE writeoff_row_kept AS SELECT * FROM writeoff_row;
DELETE FROM writeoff_row;

CREATE TABLE writeoff_act_rebuilt (
    id       INTEGER PRIMARY KEY,
    number   TEXT    NOT NULL UNIQUE,
    act_date TEXT    NOT NULL,
    reason   TEXT    NOT NULL CHECK (reason IN ('worn', 'curriculum', 'lost', 'damaged', 'transfer'))
);
INSERT INTO writeoff_act_rebuilt SELECT * FROM writeoff_act;
DROP TABLE writeoff_act;
ALTER TABLE writeoff_act_rebuilt RENAME TO writeoff_act;
CREATE INDEX writeoff_act_by_date ON writeoff_act (act_date);  -- dropped with the old table (migration 4's)

INSERT INTO writeoff_row SELECT * FROM writeoff_row_kept;
DROP TABLE writeoff_row_kept;
