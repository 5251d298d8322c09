-- FlexiAPI statistics: messages and calls announced by the Flexisip server, with per-device status.

CREATE TABLE statistics_messages (
  id             VARCHAR(255) PRIMARY KEY,
  from_address   VARCHAR(255) NOT NULL,
  from_domain    VARCHAR(255),
  sent_at        TIMESTAMPTZ NOT NULL,
  encrypted      BOOLEAN NOT NULL,
  conference_id  VARCHAR(255),
  created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX statistics_messages_sent ON statistics_messages (sent_at);
CREATE INDEX statistics_messages_domain ON statistics_messages (from_domain, sent_at);

CREATE TABLE statistics_message_devices (
  message_id   VARCHAR(255) NOT NULL REFERENCES statistics_messages (id) ON DELETE CASCADE,
  to_address   VARCHAR(255) NOT NULL,
  device_id    VARCHAR(255) NOT NULL,
  last_status  INTEGER NOT NULL,
  received_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (message_id, to_address, device_id)
);

CREATE TABLE statistics_calls (
  id             VARCHAR(255) PRIMARY KEY,
  from_address   VARCHAR(255) NOT NULL,
  from_domain    VARCHAR(255),
  to_address     VARCHAR(255) NOT NULL,
  initiated_at   TIMESTAMPTZ NOT NULL,
  ended_at       TIMESTAMPTZ,
  conference_id  VARCHAR(255),
  created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX statistics_calls_initiated ON statistics_calls (initiated_at);
CREATE INDEX statistics_calls_domain ON statistics_calls (from_domain, initiated_at);

CREATE TABLE statistics_call_devices (
  call_id                  VARCHAR(255) NOT NULL REFERENCES statistics_calls (id) ON DELETE CASCADE,
  device_id                VARCHAR(255) NOT NULL,
  rang_at                  TIMESTAMPTZ,
  invite_terminated_at     TIMESTAMPTZ,
  invite_terminated_state  VARCHAR(255),
  PRIMARY KEY (call_id, device_id)
);
