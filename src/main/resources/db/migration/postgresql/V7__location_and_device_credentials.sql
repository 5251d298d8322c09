-- SIP bindings in Kamailio 5.6's usrloc layout (table version 9), so that the built-in registrar and
-- Kamailio in db_mode 3 share one table: same names, types and defaults as kamailio's
-- usrloc-create.sql. `expires` and `last_modified` are UTC wall-clock times without a zone
-- (Kamailio writes its local time: run it with TZ=UTC).
CREATE TABLE location (
  id             SERIAL PRIMARY KEY,
  ruid           VARCHAR(64)  NOT NULL DEFAULT '',
  username       VARCHAR(64)  NOT NULL DEFAULT '',
  domain         VARCHAR(64)  DEFAULT NULL,
  contact        VARCHAR(512) NOT NULL DEFAULT '',
  received       VARCHAR(128) DEFAULT NULL,
  path           VARCHAR(512) DEFAULT NULL,
  expires        TIMESTAMP WITHOUT TIME ZONE NOT NULL DEFAULT '2030-05-28 21:32:15',
  q              REAL         NOT NULL DEFAULT 1.0,
  callid         VARCHAR(255) NOT NULL DEFAULT 'Default-Call-ID',
  cseq           INTEGER      NOT NULL DEFAULT 1,
  last_modified  TIMESTAMP WITHOUT TIME ZONE NOT NULL DEFAULT '2000-01-01 00:00:01',
  flags          INTEGER      NOT NULL DEFAULT 0,
  cflags         INTEGER      NOT NULL DEFAULT 0,
  user_agent     VARCHAR(255) NOT NULL DEFAULT '',
  socket         VARCHAR(64)  DEFAULT NULL,
  methods        INTEGER      DEFAULT NULL,
  instance       VARCHAR(255) DEFAULT NULL,
  reg_id         INTEGER      NOT NULL DEFAULT 0,
  server_id      INTEGER      NOT NULL DEFAULT 0,
  connection_id  INTEGER      NOT NULL DEFAULT 0,
  keepalive      INTEGER      NOT NULL DEFAULT 0,
  partition      INTEGER      NOT NULL DEFAULT 0,
  CONSTRAINT location_ruid_idx UNIQUE (ruid)
);
CREATE INDEX location_account_contact_idx ON location (username, domain, contact);
CREATE INDEX location_expires_idx ON location (expires);
CREATE INDEX location_connection_idx ON location (server_id, connection_id);

-- A device's own SIP credentials (Kazoo sip.username/sip.password) in its domain: credentials of
-- the same kind as an account's, found by (username, realm) by the registrar and Kamailio's view.
ALTER TABLE devices ADD COLUMN domain_id BIGINT REFERENCES domains (id);
ALTER TABLE devices ADD COLUMN owner_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL;
ALTER TABLE devices ADD COLUMN sip_username VARCHAR(64);
ALTER TABLE devices ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE;
CREATE UNIQUE INDEX devices_sip_username ON devices (domain_id, sip_username);
CREATE INDEX devices_owner ON devices (owner_id);

CREATE TABLE device_passwords (
  device_id   BIGINT      NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
  algorithm   VARCHAR(8)  NOT NULL CHECK (algorithm IN ('MD5', 'SHA-256')),
  ha1         VARCHAR(64) NOT NULL,
  ha1b        VARCHAR(64),
  created_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (device_id, algorithm)
);
