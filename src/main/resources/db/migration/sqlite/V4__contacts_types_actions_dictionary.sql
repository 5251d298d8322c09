-- FlexiAPI contacts (accounts shown to other accounts), contacts lists, account types, DTMF actions
-- and the per-account dictionary.

CREATE TABLE account_contacts (
  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  contact_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (account_id, contact_id)
);
CREATE INDEX account_contacts_contact ON account_contacts (contact_id);

CREATE TABLE contacts_lists (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  title        TEXT    NOT NULL,
  description  TEXT    NOT NULL,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);

CREATE TABLE contacts_list_contacts (
  list_id     INTEGER NOT NULL REFERENCES contacts_lists (id) ON DELETE CASCADE,
  contact_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  PRIMARY KEY (list_id, contact_id)
);

CREATE TABLE account_contacts_lists (
  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  list_id     INTEGER NOT NULL REFERENCES contacts_lists (id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, list_id)
);

CREATE TABLE account_types (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  key         TEXT    NOT NULL UNIQUE,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE account_account_types (
  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  type_id     INTEGER NOT NULL REFERENCES account_types (id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, type_id)
);

CREATE TABLE account_actions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  key         TEXT    NOT NULL,
  code        TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  UNIQUE (account_id, key)
);

CREATE TABLE account_dictionary (
  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  key         TEXT    NOT NULL,
  value       TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (account_id, key)
);
