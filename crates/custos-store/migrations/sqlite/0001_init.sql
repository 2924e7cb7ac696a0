-- Custos schema v1 (SQLite). Item texts and all descriptions are stored encrypted (base64 of AES-256-GCM
-- ciphertext); `wrapped_key` columns hold data keys wrapped by the key above them (see src/crypto.rs).
CREATE TABLE resources (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    region      TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    wrapped_key BLOB NOT NULL           -- resource key, wrapped by a master key
);

-- Keys are stored only as salted SHA-256 hashes; `lookup` is a short unsalted digest prefix used to find the
-- candidate row, the salted hash is then compared in constant time.
CREATE TABLE api_keys (
    resource_id TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    slot        INTEGER NOT NULL CHECK (slot IN (1, 2)),
    lookup      TEXT NOT NULL,
    salt        BLOB NOT NULL,
    hash        BLOB NOT NULL,
    PRIMARY KEY (resource_id, slot)
);
CREATE INDEX api_keys_lookup ON api_keys(lookup);

CREATE TABLE blocklists (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    resource_id TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    description TEXT,                   -- sealed with the resource key
    wrapped_key BLOB NOT NULL,          -- blocklist key, wrapped by the resource key
    -- bumped on every item change; matchers are cached by (id, version)
    version     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (resource_id, name)
);

CREATE TABLE blocklist_items (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,  -- insertion order = listing order
    blocklist_id INTEGER NOT NULL REFERENCES blocklists(id) ON DELETE CASCADE,
    item_id      TEXT NOT NULL,
    lookup       TEXT NOT NULL,         -- blind index (HMAC) of the text: add-or-update is keyed on it
    text         TEXT NOT NULL,         -- sealed with the blocklist key
    description  TEXT,                  -- sealed with the blocklist key
    is_regex     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (blocklist_id, item_id),
    UNIQUE (blocklist_id, lookup)
);
