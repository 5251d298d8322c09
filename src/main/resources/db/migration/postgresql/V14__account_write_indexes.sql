-- Indexes that cost every new account a write they did not need (SQLite's one writer bounds the rate
-- of account creation).

-- Kazoo's login digests are random: indexed by themselves, each new account's two went to two random
-- pages of the indexes, read and written back whole (on SQLite a third of the WAL). Led by the block
-- of 4,096 account ids they belong to, the digests of accounts created together share the indexes'
-- last pages; a login seeks its digest in each block (KazooDao).
DROP INDEX kazoo_credentials_md5;
DROP INDEX kazoo_credentials_sha1;
CREATE INDEX kazoo_credentials_md5 ON kazoo_credentials ((account_id / 4096), md5);
CREATE INDEX kazoo_credentials_sha1 ON kazoo_credentials ((account_id / 4096), sha1);

-- Accounts are only ever looked up by an email or phone number they have: the accounts without one
-- need no entry.
DROP INDEX accounts_email;
DROP INDEX accounts_phone;
CREATE INDEX accounts_email ON accounts (email) WHERE email IS NOT NULL;
CREATE INDEX accounts_phone ON accounts (phone) WHERE phone IS NOT NULL;
