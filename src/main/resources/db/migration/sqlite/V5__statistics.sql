-- FlexiAPI statistics: messages and calls announced by the Flexisip server, with per-device status.

CREATE TABLE statistics_messages (
  id             TEXT    PRIMARY KEY,
  from_address   TEXT    NOT NULL,
  from_domain    TEXT,
  sent_at        INTEGER NOT NULL,
  encrypted      BOOLEAN NOT NULL,
  conference_id  TEXT,
  created_at     INTEGER NOT NULL
);
CREATE INDEX statistics_messages_sent ON statistics_messages (sent_at);
CREATE INDEX statistics_messages_domain ON statistics_messages (from_domain, sent_at);

CREATE TABLE statistics_message_devices (
  message_id   TEXT    NOT NULL REFERENCES statistics_messages (id) ON DELETE CASCADE,
  to_address   TEXT    NOT NULL,
  device_id    TEXT    NOT NULL,
  last_status  INTEGER NOT NULL,
  received_at  INTEGER NOT NULL,
  PRIMARY KEY (message_id, to_address, device_id)
);

CREATE TABLE statistics_calls (
  id             TEXT    PRIMARY KEY,
  from_address   TEXT    NOT NULL,
  from_domain    TEXT,
  to_address     TEXT    NOT NULL,
  initiated_at   INTEGER NOT NULL,
  ended_at       INTEGER,
  conference_id  TEXT,
  created_at     INTEGER NOT NULL
);
CREATE INDEX statistics_calls_initiated ON statistics_calls (initiated_at);
CREATE INDEX statistics_calls_domain ON statistics_calls (from_domain, initiated_at);

CREATE TABLE statistics_call_devices (
  call_id                  TEXT    NOT NULL REFERENCES statistics_calls (id) ON DELETE CASCADE,
  device_id                TEXT    NOT NULL,
  rang_at                  INTEGER,
  invite_terminated_at     INTEGER,
  invite_terminated_state  TEXT,
  PRIMARY KEY (call_id, device_id)
);
