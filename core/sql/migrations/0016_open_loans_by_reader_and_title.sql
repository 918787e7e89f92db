-- A reader's open loans of one title straight from the index. The class set every
-- station scan shows asks how many of each title of the set the reader holds; with
-- the index on reader_id alone each title read all the reader's open loans, and
-- summing them once instead meant a temporary table and an index built on it per
-- scan. Queries by reader alone use the new index's first column as before.
DROP INDEX loan_open_by_reader;
CREATE INDEX loan_open_by_reader ON loan (reader_id, title_id) WHERE returned_at IS NULL;
