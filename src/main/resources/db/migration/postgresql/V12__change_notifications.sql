-- Every row change to a table some cached read may come from notifies 'switchboard_changes', which
-- each server LISTENs to, so that a write by another instance, the CLI or an operator's SQL reaches
-- every cache (PostgreSQL sends one notification per transaction for identical payloads, and none
-- for a statement that changed no row). Left out, as in the server's ChangeLogger: soft state no
-- cache reads (nonces, SIP bindings, the outbox, Hermes sessions, revoked Kazoo tokens, statistics,
-- Kamailio's version table), and the recording of an API key's uses (last_used_at, requests).
-- ReadCachesPostgresIT checks that every other table has the trigger.
CREATE FUNCTION switchboard_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('switchboard_changes', '');
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['account_account_types', 'account_actions', 'account_codes', 'account_contacts',
      'account_contacts_lists', 'account_creation_request_tokens', 'account_creation_tokens', 'account_dictionary',
      'account_passwords', 'account_types', 'accounts', 'aliases', 'api_keys', 'auth_tokens',
      'contacts_list_contacts', 'contacts_lists', 'device_accounts', 'device_passwords', 'device_secrets', 'devices',
      'domains', 'external_accounts', 'hermes_grants', 'hermes_keys', 'kazoo_accounts', 'kazoo_api_keys',
      'kazoo_credentials', 'kazoo_users', 'number_pool', 'secrets', 'sip_secrets']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR DELETE OR UPDATE %s ON %I'
        || ' FOR EACH ROW EXECUTE FUNCTION switchboard_changed()', t || '_changed',
        CASE WHEN t = 'api_keys' THEN 'OF account_id, key_hash' ELSE '' END, t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION switchboard_changed()',
        t || '_truncated', t);
  END LOOP;
END;
$$;
