-- Kazoo (Crossbar v2): device documents, Kazoo accounts over domains, Kazoo user documents, the
-- Kazoo login digests beside the HA1s, encrypted device secrets, account API keys, revoked tokens.

-- A device keeps its whole Kazoo document (public fields, without sip.password) and a revision;
-- a soft-deleted one keeps its row and document but loses its MAC, SIP username and credentials.
ALTER TABLE devices ADD COLUMN name TEXT;
ALTER TABLE devices ADD COLUMN device_type TEXT;
ALTER TABLE devices ADD COLUMN document TEXT;
ALTER TABLE devices ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE devices ADD COLUMN deleted_at INTEGER;
CREATE INDEX devices_domain ON devices (domain_id);

-- The device's SIP password, AES-GCM encrypted (desk phones need the cleartext).
CREATE TABLE device_secrets (
  device_id   INTEGER PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
  ciphertext  TEXT    NOT NULL,
  updated_at  INTEGER NOT NULL
);

-- Kazoo's login digests of an account: MD5 and SHA-1 of lower(login):password, set whenever a
-- cleartext password passes through any face. login is the Kazoo username (see kazoo_users).
CREATE TABLE kazoo_credentials (
  account_id  INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  md5         TEXT    NOT NULL,
  sha1        TEXT    NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX kazoo_credentials_md5 ON kazoo_credentials (md5);
CREATE INDEX kazoo_credentials_sha1 ON kazoo_credentials (sha1);

-- A Kazoo user is an account; this keeps what Kazoo has beyond it: the login when it is not the SIP
-- username (an email), and the rest of the user document.
CREATE TABLE kazoo_users (
  account_id  INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  login       TEXT,
  document    TEXT    NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1,
  updated_at  INTEGER NOT NULL
);

-- A Kazoo account is a domain; this keeps its Kazoo name, its parent and the rest of its document.
CREATE TABLE kazoo_accounts (
  domain_id        INTEGER PRIMARY KEY REFERENCES domains (id) ON DELETE CASCADE,
  name             TEXT    NOT NULL,
  normalized_name  TEXT    NOT NULL UNIQUE,
  parent_id        INTEGER REFERENCES domains (id),
  document         TEXT    NOT NULL,
  revision         INTEGER NOT NULL DEFAULT 1,
  updated_at       INTEGER NOT NULL
);
CREATE INDEX kazoo_accounts_parent ON kazoo_accounts (parent_id);

-- One API key per Kazoo account: its hash finds it, its sealed form lets an admin read it back.
CREATE TABLE kazoo_api_keys (
  domain_id   INTEGER PRIMARY KEY REFERENCES domains (id) ON DELETE CASCADE,
  key_hash    TEXT    NOT NULL UNIQUE,
  ciphertext  TEXT    NOT NULL,
  created_at  INTEGER NOT NULL
);

-- Tokens revoked by DELETE /v2/token_auth, kept until they would have expired anyway.
CREATE TABLE kazoo_revoked_tokens (
  jti         TEXT    PRIMARY KEY,
  expires_at  INTEGER NOT NULL
);
CREATE INDEX kazoo_revoked_tokens_expires ON kazoo_revoked_tokens (expires_at);
