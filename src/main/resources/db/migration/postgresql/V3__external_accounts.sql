-- An external SIP account linked to an account: provisioned as the device's second account.
-- Only the HA1 of its password is kept, as for our own accounts.
CREATE TABLE external_accounts (
  account_id      BIGINT       PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  username        VARCHAR(64)  NOT NULL,
  domain          VARCHAR(255) NOT NULL,
  realm           VARCHAR(255),
  algorithm       VARCHAR(8)   NOT NULL CHECK (algorithm IN ('MD5', 'SHA-256')),
  ha1             VARCHAR(64)  NOT NULL,
  registrar       VARCHAR(255),
  outbound_proxy  VARCHAR(255),
  protocol        VARCHAR(3)   NOT NULL DEFAULT 'UDP' CHECK (protocol IN ('UDP', 'TCP', 'TLS')),
  created_at      TIMESTAMPTZ  NOT NULL,
  updated_at      TIMESTAMPTZ  NOT NULL
);
