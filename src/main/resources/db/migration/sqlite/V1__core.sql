-- Core tables: domains, accounts and their credentials, API keys, digest nonces.
-- Times are UTC instants stored as epoch milliseconds (PostgreSQL uses timestamptz).

CREATE TABLE domains (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid        TEXT    NOT NULL UNIQUE,
  name        TEXT    NOT NULL UNIQUE,
  registrar   TEXT,
  r_port      INTEGER,
  proxy       TEXT,
  p_port      INTEGER,
  prov_url    TEXT,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE accounts (
  id                              INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid                            TEXT    NOT NULL UNIQUE,
  username                        TEXT    NOT NULL,
  domain_id                       INTEGER NOT NULL REFERENCES domains (id),
  display_name                    TEXT,
  email                           TEXT,
  phone                           TEXT,
  activated                       BOOLEAN NOT NULL DEFAULT 0,
  blocked                         BOOLEAN NOT NULL DEFAULT 0,
  role                            TEXT    NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin', 'super_admin')),
  dtmf_protocol                   TEXT    CHECK (dtmf_protocol IN ('sipinfo', 'sipmessage', 'rfc2833')),
  user_agent                      TEXT,
  provisioning_token_hash            TEXT    UNIQUE,
  provisioning_token_expires_at   INTEGER,
  confirmation_key_hash              TEXT,
  confirmation_key_expires_at     INTEGER,
  created_at                      INTEGER NOT NULL,
  updated_at                      INTEGER NOT NULL,
  UNIQUE (username, domain_id)
);
CREATE INDEX accounts_email ON accounts (email);
CREATE INDEX accounts_phone ON accounts (phone);

CREATE TABLE account_passwords (
  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  algorithm   TEXT    NOT NULL CHECK (algorithm IN ('MD5', 'SHA-256')),
  ha1         TEXT    NOT NULL,
  ha1b        TEXT,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (account_id, algorithm)
);

CREATE TABLE api_keys (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  key_hash      TEXT    NOT NULL UNIQUE,
  created_at    INTEGER NOT NULL,
  last_used_at  INTEGER NOT NULL,
  requests      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_keys_account ON api_keys (account_id);

CREATE TABLE digest_nonces (
  nonce       TEXT    PRIMARY KEY,
  opaque      TEXT    NOT NULL,
  nc          INTEGER NOT NULL DEFAULT 0,
  expires_at  INTEGER NOT NULL
);
CREATE INDEX digest_nonces_expires ON digest_nonces (expires_at);
