-- Secrets the SIP layer signs with, shared by every instance on this database: the key of the
-- registrar's stateless digest nonces (HMAC), created by the first instance that needs it.
CREATE TABLE sip_secrets (
  name        VARCHAR(32) PRIMARY KEY,
  value       VARCHAR(128) NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- The registrar reads an AOR's bindings by (username, domain) on every REGISTER.
CREATE INDEX location_aor_expires_idx ON location (username, domain, expires);
