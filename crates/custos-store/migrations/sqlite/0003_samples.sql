-- Custos schema v3 (SQLite): the Sample Content program (opt-in samples, reviewers, audit log).

-- Consent records. A row is never deleted while its resource exists: revocation sets `revoked_at` (the record
-- that consent existed stays; it holds no content). At most one active (unrevoked) consent per resource.
CREATE TABLE sample_consents (
    id          TEXT PRIMARY KEY,           -- UUID
    resource_id TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    granted_by  TEXT NOT NULL,
    granted_at  INTEGER NOT NULL,
    scope       TEXT NOT NULL CHECK (scope IN ('text', 'image', 'both')),
    sample_rate REAL NOT NULL CHECK (sample_rate > 0 AND sample_rate <= 1),
    revoked_at  INTEGER
);
CREATE UNIQUE INDEX sample_consents_active ON sample_consents(resource_id) WHERE revoked_at IS NULL;

-- The data key of an active consent, wrapped by the resource key. Revocation deletes this row; the samples go
-- with it (ON DELETE CASCADE): crypto-shred plus deletion.
CREATE TABLE sample_keys (
    consent_id  TEXT PRIMARY KEY REFERENCES sample_consents(id) ON DELETE CASCADE,
    wrapped_key BLOB NOT NULL
);

-- Samples: masked text (sealed with the consent key; NULL for images, whose bytes are never kept) and severities.
CREATE TABLE samples (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,       -- UUID
    resource_id TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    consent_id  TEXT NOT NULL REFERENCES sample_keys(consent_id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('text', 'image')),
    text        TEXT,                       -- sealed masked text
    severities  TEXT NOT NULL,              -- "Hate=0,SelfHarm=2,..." (fixed vocabulary)
    label       TEXT,
    note        TEXT,                       -- sealed with the consent key
    labelled_by TEXT,
    labelled_at INTEGER
);
CREATE INDEX samples_by_resource ON samples(resource_id, seq);

-- Reviewers: global role (every resource with active consent); keys stored as salted hashes.
CREATE TABLE reviewers (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    lookup     TEXT NOT NULL,
    salt       BLOB NOT NULL,
    hash       BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX reviewers_by_lookup ON reviewers(lookup);

-- Audit log: who did what to which resource's samples, never content. No foreign key: entries outlive
-- revocation and the resource itself.
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    at        INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    resource  TEXT NOT NULL,                -- resource name
    sample_id TEXT
);
CREATE INDEX audit_by_resource ON audit_log(resource, seq);
