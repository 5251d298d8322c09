-- Hermes: remote users and API-only operators on accounts, encrypted secrets, aliases, the E.164
-- number pool, devices (phone associations), sessions, host-bound keys and access grants.

-- A local domain is served here; a remote one only holds Hermes remote users.
ALTER TABLE domains ADD COLUMN local BOOLEAN NOT NULL DEFAULT 1;
ALTER TABLE accounts ADD COLUMN remote BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN api_only BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN authid TEXT;
ALTER TABLE accounts ADD COLUMN registrar TEXT;
ALTER TABLE accounts ADD COLUMN r_port INTEGER;
ALTER TABLE accounts ADD COLUMN proxy TEXT;
ALTER TABLE accounts ADD COLUMN p_port INTEGER;
ALTER TABLE accounts ADD COLUMN dialplan TEXT;
ALTER TABLE accounts ADD COLUMN linetext TEXT;
ALTER TABLE accounts ADD COLUMN rpid TEXT;
ALTER TABLE accounts ADD COLUMN permittedcalls TEXT;

-- A cleartext SIP password where one must be handed out (Hermes users, devices), AES-GCM encrypted.
CREATE TABLE secrets (
  account_id  INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  ciphertext  TEXT    NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE aliases (
  id                    INTEGER PRIMARY KEY AUTOINCREMENT,
  alias_username        TEXT    NOT NULL,
  alias_domain          TEXT    NOT NULL,
  destination_username  TEXT    NOT NULL,
  destination_domain    TEXT    NOT NULL,
  e164                  BOOLEAN NOT NULL DEFAULT 0,
  created_at            INTEGER NOT NULL,
  UNIQUE (alias_username, alias_domain)
);
CREATE INDEX aliases_destination ON aliases (destination_username, destination_domain);

CREATE TABLE number_pool (
  number    TEXT    PRIMARY KEY,
  added_at  INTEGER NOT NULL
);

CREATE TABLE devices (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid        TEXT    NOT NULL UNIQUE,
  mac         TEXT    UNIQUE,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE device_accounts (
  device_id   INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (device_id, account_id)
);
CREATE INDEX device_accounts_account ON device_accounts (account_id);

CREATE TABLE hermes_keys (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  key_hash    TEXT    NOT NULL UNIQUE,
  key_prefix  TEXT    NOT NULL,
  host        TEXT    NOT NULL,
  access      INTEGER NOT NULL CHECK (access BETWEEN 1 AND 4),
  created_at  INTEGER NOT NULL
);

CREATE TABLE hermes_grants (
  account_id  INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  access      INTEGER NOT NULL CHECK (access BETWEEN 1 AND 4),
  created_at  INTEGER NOT NULL
);

CREATE TABLE hermes_sessions (
  name                TEXT    PRIMARY KEY,
  account_id          INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
  key_id              INTEGER REFERENCES hermes_keys (id) ON DELETE CASCADE,
  access              INTEGER NOT NULL,
  domain              TEXT,
  auth_key_hash       TEXT    NOT NULL,
  auth_key_expires_at INTEGER NOT NULL,
  previous_key_hash   TEXT,
  previous_key_until  INTEGER,
  last_seen_at        INTEGER NOT NULL,
  expires_at          INTEGER NOT NULL
);
