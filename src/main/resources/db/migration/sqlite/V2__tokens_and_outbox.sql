-- Tokens of the FlexiAPI account flows, one-time codes, and the delivery outbox.
-- Every token and code is stored as the SHA-256 of its value: it is shown once, when created.

CREATE TABLE account_creation_request_tokens (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash    TEXT    NOT NULL UNIQUE,
  validated_at  INTEGER,
  used_at       INTEGER,
  expires_at    INTEGER NOT NULL,
  created_at    INTEGER NOT NULL
);

CREATE TABLE account_creation_tokens (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash   TEXT    NOT NULL UNIQUE,
  pn_provider  TEXT,
  pn_param     TEXT,
  pn_prid      TEXT,
  account_id   INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
  used_at      INTEGER,
  expires_at   INTEGER NOT NULL,
  created_at   INTEGER NOT NULL
);
CREATE INDEX account_creation_tokens_prid ON account_creation_tokens (pn_prid);

CREATE TABLE auth_tokens (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash  TEXT    NOT NULL UNIQUE,
  account_id  INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
  used_at     INTEGER,
  expires_at  INTEGER NOT NULL,
  created_at  INTEGER NOT NULL
);

-- Codes sent by mail or SMS: account activation, email change, phone change, recovery.
CREATE TABLE account_codes (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  purpose     TEXT    NOT NULL CHECK (purpose IN ('email_change', 'phone_change', 'recovery')),
  value       TEXT,
  code_hash   TEXT    NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  used_at     INTEGER,
  expires_at  INTEGER NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE INDEX account_codes_account ON account_codes (account_id, purpose);

CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  channel          TEXT    NOT NULL CHECK (channel IN ('mail', 'sms')),
  recipient        TEXT    NOT NULL,
  template         TEXT    NOT NULL,
  model            TEXT    NOT NULL,
  status           TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL,
  locked_until     INTEGER,
  last_error       TEXT,
  created_at       INTEGER NOT NULL,
  sent_at          INTEGER
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
