-- The change notifications (V12) now say what changed: the trigger's operation (INSERT, UPDATE,
-- DELETE or TRUNCATE) as the payload, one notification per kind and transaction. A server keeps
-- the account rows it found by key (API key, id, SIP address) across notifications that are all
-- INSERTs, which add rows and change none already read; any other kind, or an empty payload from a
-- server older than this migration, empties every cache as before.
CREATE OR REPLACE FUNCTION switchboard_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('switchboard_changes', TG_OP);
  RETURN NULL;
END;
$$;
