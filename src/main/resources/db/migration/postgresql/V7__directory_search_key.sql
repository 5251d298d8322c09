-- The phone directory searches accounts by a folded key (lowercase, accents removed) of display
-- name, username and phone, written by the application whenever one of those changes.
ALTER TABLE accounts ADD COLUMN search_key VARCHAR(600) NOT NULL DEFAULT '';
UPDATE accounts SET search_key = LOWER(COALESCE(display_name, '') || ' ' || username || ' ' || COALESCE(phone, ''));
