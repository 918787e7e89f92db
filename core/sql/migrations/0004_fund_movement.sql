-- Fund movement and stocktakes: the look-ups they make on every command and scan.

-- A title's price is that of its latest receipt (core/fund/title_price.hpp).
CREATE INDEX receipt_by_title ON receipt (title_id, received_on);

-- Whether a copy or title was scanned before in a stocktake, and how often.
CREATE INDEX stocktake_scan_by_item ON stocktake_scan (stocktake_id, copy_id, title_id);

-- The rows of the acts of a period, for the summary register.
CREATE INDEX writeoff_act_by_date ON writeoff_act (act_date);

-- Returns with a recorded condition by time: the wear rate of the order report.
CREATE INDEX loan_returned_with_condition ON loan (returned_at) WHERE condition IS NOT NULL;
