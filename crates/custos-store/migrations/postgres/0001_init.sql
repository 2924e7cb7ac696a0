-- Custos schema v1 (PostgreSQL): the same tables and constraints as migrations/sqlite/0001_init.sql.
-- Names and texts use the "C" collation so ordering and uniqueness are byte-wise, as in SQLite.
-- Item texts and all descriptions are stored encrypted (base64 of AES-256-GCM ciphertext); `wrapped_key` columns
-- hold data keys wrapped by the key above them (see src/crypto.rs).
CREATE TABLE resources (
    id          TEXT PRIMARY KEY,
    name        TEXT COLLATE "C" NOT NULL UNIQUE,
    region      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    wrapped_key BYTEA NOT NULL          -- resource key, wrapped by a master key
);

-- Keys are stored only as salted SHA-256 hashes; `lookup` is a short unsalted digest prefix used to find the
-- candidate row, the salted hash is then compared in constant time (in the service, not in SQL).
CREATE TABLE api_keys (
    resource_id TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    slot        INTEGER NOT NULL CHECK (slot IN (1, 2)),
    lookup      TEXT NOT NULL,
    salt        BYTEA NOT NULL,
    hash        BYTEA NOT NULL,
    PRIMARY KEY (resource_id, slot)
);
CREATE INDEX api_keys_lookup ON api_keys(lookup);

CREATE TABLE blocklists (
    id          BIGSERIAL PRIMARY KEY,  -- never reused: a re-created list gets a new id
    resource_id TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    name        TEXT COLLATE "C" NOT NULL,
    description TEXT,                   -- sealed with the resource key
    wrapped_key BYTEA NOT NULL,         -- blocklist key, wrapped by the resource key
    -- bumped on every item change; matchers are cached by (id, version)
    version     BIGINT NOT NULL DEFAULT 0,
    UNIQUE (resource_id, name)
);

CREATE TABLE blocklist_items (
    seq          BIGSERIAL PRIMARY KEY,  -- insertion order = listing order
    blocklist_id BIGINT NOT NULL REFERENCES blocklists(id) ON DELETE CASCADE,
    item_id      TEXT NOT NULL,
    lookup       TEXT COLLATE "C" NOT NULL, -- blind index (HMAC) of the text: add-or-update is keyed on it
    text         TEXT NOT NULL,         -- sealed with the blocklist key
    description  TEXT,                  -- sealed with the blocklist key
    is_regex     BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (blocklist_id, item_id),
    UNIQUE (blocklist_id, lookup)
);
CREATE INDEX blocklist_items_order ON blocklist_items(blocklist_id, seq);
