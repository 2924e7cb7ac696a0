-- Custos schema v1 (SQLite). Item and description texts are stored in clear here; encryption at rest is
-- added by a later migration (see ARCHITECTURE.md).
CREATE TABLE resources (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    region      TEXT NOT NULL,
    created_at  INTEGER NOT NULL
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
    description TEXT,
    -- bumped on every item change; matchers are cached by (id, version)
    version     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (resource_id, name)
);

CREATE TABLE blocklist_items (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,  -- insertion order = listing order
    blocklist_id INTEGER NOT NULL REFERENCES blocklists(id) ON DELETE CASCADE,
    item_id      TEXT NOT NULL,
    text         TEXT NOT NULL,
    description  TEXT,
    is_regex     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (blocklist_id, item_id),
    UNIQUE (blocklist_id, text)
);
