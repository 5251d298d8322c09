-- An external SIP account linked to an account: provisioned as the device's second account.
-- Only the HA1 of its password is kept, as for our own accounts.
CREATE TABLE external_accounts (
  account_id      INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  username        TEXT    NOT NULL,
  domain          TEXT    NOT NULL,
  realm           TEXT,
  algorithm       TEXT    NOT NULL CHECK (algorithm IN ('MD5', 'SHA-256')),
  ha1             TEXT    NOT NULL,
  registrar       TEXT,
  outbound_proxy  TEXT,
  protocol        TEXT    NOT NULL DEFAULT 'UDP' CHECK (protocol IN ('UDP', 'TCP', 'TLS')),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
