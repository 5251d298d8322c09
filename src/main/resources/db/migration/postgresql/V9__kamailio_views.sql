-- What Kamailio 5.6 reads when it runs in front of Switchboard on this database (sip.mode: kamailio):
-- auth_db's `subscriber`, alias_db's `dbaliases`, the domain module's `domain`/`domain_attrs`, and
-- the `version` rows its modules check at start. They are VIEWS over our own tables, so there is
-- one truth and nothing to sync: a blocked account drops out of `subscriber` at once (Kamailio
-- never caches credentials). usrloc writes the real `location` table of V7 (db_mode 3).

-- Kamailio's table-version registry: a module stops Kamailio at start when its row is missing or
-- differs (srdb1 db_check_table_version). location_attrs is only read with usrloc's xavp_contact.
CREATE TABLE version (
  id             SERIAL PRIMARY KEY,
  table_name     VARCHAR(32) NOT NULL UNIQUE,
  table_version  INTEGER     NOT NULL DEFAULT 0
);
INSERT INTO version (table_name, table_version) VALUES
  ('version', 1), ('subscriber', 7), ('location', 9), ('location_attrs', 1), ('dbaliases', 1),
  ('domain', 2), ('domain_attrs', 1);

-- Credentials by (username, domain): accounts of local domains that are activated, not blocked and
-- not Hermes remote users, and devices' own SIP credentials (enabled, with an owner who may still
-- register, or none). ha1/ha1b are the MD5 HA1s (realm = domain, as www_authenticate("$td") asks);
-- ha1_sha256 feeds a second Kamailio instance running with algorithm SHA-256. Ids are stable:
-- accounts even, devices odd.
CREATE VIEW subscriber AS
SELECT CAST(a.id * 2 AS INTEGER)                    AS id,
       a.username                                   AS username,
       d.name                                       AS domain,
       CAST('' AS VARCHAR(64))                      AS password,
       CAST(COALESCE(m.ha1, '') AS VARCHAR(128))    AS ha1,
       CAST(COALESCE(m.ha1b, '') AS VARCHAR(128))   AS ha1b,
       CAST(COALESCE(s.ha1, '') AS VARCHAR(128))    AS ha1_sha256
  FROM accounts a
  JOIN domains d ON d.id = a.domain_id AND d.local
  LEFT JOIN account_passwords m ON m.account_id = a.id AND m.algorithm = 'MD5'
  LEFT JOIN account_passwords s ON s.account_id = a.id AND s.algorithm = 'SHA-256'
 WHERE a.activated AND NOT a.blocked AND NOT a.remote
   AND (m.ha1 IS NOT NULL OR s.ha1 IS NOT NULL)
UNION ALL
SELECT CAST(v.id * 2 + 1 AS INTEGER),
       v.sip_username,
       d.name,
       CAST('' AS VARCHAR(64)),
       CAST(COALESCE(m.ha1, '') AS VARCHAR(128)),
       CAST(COALESCE(m.ha1b, '') AS VARCHAR(128)),
       CAST(COALESCE(s.ha1, '') AS VARCHAR(128))
  FROM devices v
  JOIN domains d ON d.id = v.domain_id AND d.local
  LEFT JOIN accounts o ON o.id = v.owner_id
  LEFT JOIN device_passwords m ON m.device_id = v.id AND m.algorithm = 'MD5'
  LEFT JOIN device_passwords s ON s.device_id = v.id AND s.algorithm = 'SHA-256'
 WHERE v.enabled AND v.sip_username IS NOT NULL
   AND (v.owner_id IS NULL OR (o.activated AND NOT o.blocked))
   AND (m.ha1 IS NOT NULL OR s.ha1 IS NOT NULL);

-- alias_db_lookup("dbaliases"): an alias (Hermes alias, E.164 number) to the account it reaches.
CREATE VIEW dbaliases AS
SELECT CAST(id AS INTEGER)                              AS id,
       alias_username,
       alias_domain,
       destination_username                             AS username,
       destination_domain                               AS domain
  FROM aliases;

-- The domain module's local domains (is_domain_local), with the domain as its own did. Kamailio
-- caches these: the generated kamailio.cfg reloads them on a timer.
CREATE VIEW domain AS
SELECT CAST(id AS INTEGER)                         AS id,
       name                                        AS domain,
       CAST(name AS VARCHAR(64))                   AS did,
       CAST(updated_at AT TIME ZONE 'UTC' AS TIMESTAMP WITHOUT TIME ZONE) AS last_modified
  FROM domains
 WHERE local;

-- One string attribute per local domain (type 2): its 32-hex uuid (the Kazoo account id), as
-- $avp(uuid) after lookup_domain().
CREATE VIEW domain_attrs AS
SELECT CAST(id AS INTEGER)                         AS id,
       CAST(name AS VARCHAR(64))                   AS did,
       CAST('uuid' AS VARCHAR(32))                 AS name,
       2                                           AS type,
       CAST(uuid AS VARCHAR(255))                  AS value,
       CAST(updated_at AT TIME ZONE 'UTC' AS TIMESTAMP WITHOUT TIME ZONE) AS last_modified
  FROM domains
 WHERE local;
