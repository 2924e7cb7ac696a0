-- Custos schema v2 (PostgreSQL): the same changes as migrations/sqlite/0002_feedback_usage.sql.

-- An operator can suspend one key of a resource; its requests are then refused (403). Regenerating the key
-- replaces the row, so a regenerated key starts active.
ALTER TABLE api_keys ADD COLUMN suspended BOOLEAN NOT NULL DEFAULT FALSE;

-- Reports sent by clients. Free-text fields are sealed with the resource key; `content` is present only when
-- the client put it in the report explicitly. `kind` and `category` are fixed vocabularies (never free text).
CREATE TABLE feedback (
    seq               BIGSERIAL PRIMARY KEY,  -- insertion order = listing order
    id                TEXT NOT NULL UNIQUE, -- UUID
    resource_id       TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    key_slot          INTEGER NOT NULL CHECK (key_slot IN (1, 2)),
    created_at        BIGINT NOT NULL,
    kind              TEXT NOT NULL,
    category          TEXT,
    expected_severity INTEGER,
    comment           TEXT,                 -- sealed with the resource key
    content           TEXT,                 -- sealed with the resource key
    request_id        TEXT                  -- sealed with the resource key
);
CREATE INDEX feedback_by_resource ON feedback(resource_id, seq);

-- Aggregate counters only (no text, no hash of text): one row per resource, key slot, hour and counter name.
CREATE TABLE usage_counters (
    resource_id TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    key_slot    INTEGER NOT NULL CHECK (key_slot IN (1, 2)),
    bucket      BIGINT NOT NULL,            -- start of the hour, seconds since the Unix epoch
    counter     TEXT COLLATE "C" NOT NULL,
    count       BIGINT NOT NULL,
    PRIMARY KEY (resource_id, key_slot, bucket, counter)
);
