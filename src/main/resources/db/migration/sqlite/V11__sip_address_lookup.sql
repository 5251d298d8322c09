-- A SIP address is taken case-insensitively (core SipAddresses): these let that check, run on
-- every account, alias and device creation, find the holders without scanning the tables.
CREATE INDEX accounts_domain_lower_username ON accounts (domain_id, LOWER(username));
CREATE INDEX aliases_domain_lower_alias ON aliases (alias_domain, LOWER(alias_username));
CREATE INDEX devices_domain_lower_sip_username ON devices (domain_id, LOWER(sip_username));
