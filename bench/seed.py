#!/usr/bin/env python3
"""Writes the SQL that seeds a bench database: N users with MD5 and SHA-256 HA1s and one API key
each (keys written to a file, only their SHA-256 in the database), and an owner whose contacts are
the first 1,000 users. Usage: seed.py sqlite|postgresql DOMAIN USERS KEYS_FILE OWNER_KEY_FILE > seed.sql"""
import hashlib
import sys

dialect, domain, users, keys_file, owner_key_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
now = "0" if dialect == "sqlite" else "now()"
true = "1" if dialect == "sqlite" else "TRUE"
password = "bench-pw"
dom = f"(SELECT id FROM domains WHERE name = '{domain}')"


def h(algo, text):
    return hashlib.new(algo, text.encode()).hexdigest()


out = ["BEGIN;"]
keys = []
for i in range(1, users + 1):
    u = f"user{i:05d}"
    out.append(f"INSERT INTO accounts (uuid, username, domain_id, display_name, activated, blocked, role, created_at,"
               f" updated_at) VALUES ('{h('md5', u)}', '{u}', {dom}, 'Bench {i}', {true}, {'0' if dialect == 'sqlite' else 'FALSE'},"
               f" 'user', {now}, {now});")
    acc = f"(SELECT id FROM accounts WHERE username = '{u}')"
    out.append(f"INSERT INTO account_passwords (account_id, algorithm, ha1, ha1b, created_at) VALUES ({acc}, 'MD5',"
               f" '{h('md5', f'{u}:{domain}:{password}')}', '{h('md5', f'{u}@{domain}:{domain}:{password}')}', {now});")
    out.append(f"INSERT INTO account_passwords (account_id, algorithm, ha1, created_at) VALUES ({acc}, 'SHA-256',"
               f" '{h('sha256', f'{u}:{domain}:{password}')}', {now});")
    key = f"benchkey{i:032d}"
    keys.append(key)
    out.append(f"INSERT INTO api_keys (account_id, key_hash, created_at, last_used_at, requests) VALUES ({acc},"
               f" '{h('sha256', key)}', {now}, {now}, 0);")
owner = "vcardowner"
out.append(f"INSERT INTO accounts (uuid, username, domain_id, activated, blocked, role, created_at, updated_at) VALUES"
           f" ('{h('md5', owner)}', '{owner}', {dom}, {true}, {'0' if dialect == 'sqlite' else 'FALSE'}, 'user', {now}, {now});")
owner_key = "benchkeyvcardowner000000000000000000000"[:40]
out.append(f"INSERT INTO api_keys (account_id, key_hash, created_at, last_used_at, requests) VALUES"
           f" ((SELECT id FROM accounts WHERE username = '{owner}'), '{h('sha256', owner_key)}', {now}, {now}, 0);")
out.append(f"INSERT INTO account_contacts (account_id, contact_id, created_at) SELECT"
           f" (SELECT id FROM accounts WHERE username = '{owner}'), id, {now} FROM accounts"
           f" WHERE username LIKE 'user%' ORDER BY accounts.id LIMIT 1000;")
out.append("COMMIT;")
print("\n".join(out))
with open(keys_file, "w") as f:
    f.write("\n".join(keys) + "\n")
with open(owner_key_file, "w") as f:
    f.write(owner_key + "\n")
