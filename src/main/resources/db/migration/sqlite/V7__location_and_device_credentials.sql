-- SIP bindings with the column names of Kamailio 5.6's usrloc `location` table (version 9), as on
-- PostgreSQL. Kamailio runs against PostgreSQL only, so here the times follow this store's own
-- convention: `expires` and `last_modified` are epoch milliseconds (UTC).
CREATE TABLE location (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  ruid           TEXT    NOT NULL DEFAULT '' UNIQUE,
  username       TEXT    NOT NULL DEFAULT '',
  domain         TEXT    DEFAULT NULL,
  contact        TEXT    NOT NULL DEFAULT '',
  received       TEXT    DEFAULT NULL,
  path           TEXT    DEFAULT NULL,
  expires        INTEGER NOT NULL,
  q              REAL    NOT NULL DEFAULT 1.0,
  callid         TEXT    NOT NULL DEFAULT 'Default-Call-ID',
  cseq           INTEGER NOT NULL DEFAULT 1,
  last_modified  INTEGER NOT NULL,
  flags          INTEGER NOT NULL DEFAULT 0,
  cflags         INTEGER NOT NULL DEFAULT 0,
  user_agent     TEXT    NOT NULL DEFAULT '',
  socket         TEXT    DEFAULT NULL,
  methods        INTEGER DEFAULT NULL,
  instance       TEXT    DEFAULT NULL,
  reg_id         INTEGER NOT NULL DEFAULT 0,
  server_id      INTEGER NOT NULL DEFAULT 0,
  connection_id  INTEGER NOT NULL DEFAULT 0,
  keepalive      INTEGER NOT NULL DEFAULT 0,
  partition      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX location_account_contact_idx ON location (username, domain, contact);
CREATE INDEX location_expires_idx ON location (expires);
CREATE INDEX location_connection_idx ON location (server_id, connection_id);

-- A device's own SIP credentials (Kazoo sip.username/sip.password) in its domain: credentials of
-- the same kind as an account's, found by (username, realm) by the registrar.
ALTER TABLE devices ADD COLUMN domain_id INTEGER REFERENCES domains (id);
ALTER TABLE devices ADD COLUMN owner_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL;
ALTER TABLE devices ADD COLUMN sip_username TEXT;
ALTER TABLE devices ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX devices_sip_username ON devices (domain_id, sip_username);
CREATE INDEX devices_owner ON devices (owner_id);

CREATE TABLE device_passwords (
  device_id   INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
  algorithm   TEXT    NOT NULL CHECK (algorithm IN ('MD5', 'SHA-256')),
  ha1         TEXT    NOT NULL,
  ha1b        TEXT,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (device_id, algorithm)
);
