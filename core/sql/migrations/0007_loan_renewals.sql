-- Renewals (issue 11): a reader may extend an open loan of the main fund up to
-- [loans] max_renewals times. The count lives on the loan row, so a second
-- station or a restarted kiosk sees the same number; each renewal is also an
-- event ('renew', with the new due date) in the audit chain.
ALTER TABLE loan ADD COLUMN renewals INTEGER NOT NULL DEFAULT 0 CHECK (renewals >= 0);
