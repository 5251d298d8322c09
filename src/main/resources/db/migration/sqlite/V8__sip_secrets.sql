-- Secrets the SIP layer signs with, shared by every instance on this database: the key of the
-- registrar's stateless digest nonces (HMAC), created by the first instance that needs it.
CREATE TABLE sip_secrets (
  name        TEXT    PRIMARY KEY,
  value       TEXT    NOT NULL,
  created_at  INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER) * 1000)
);
-- The registrar reads an AOR's bindings by (username, domain) on every REGISTER.
CREATE INDEX location_aor_expires_idx ON location (username, domain, expires);
