-- Files (OParl File): Anlagen of papers; later also documents of meetings (Einladung, Nachtrag, Niederschrift)
-- and the answer letter of an Anfrage. A file belongs to an owner (owner_kind + owner_id) and keeps every
-- version; the content lives once per SHA-256 in the file store, its extracted text waits here for the search index.
CREATE TABLE file_contents (
    sha256 TEXT NOT NULL PRIMARY KEY,
    size INTEGER NOT NULL,
    mime_type TEXT NOT NULL,
    text_status TEXT NOT NULL CHECK (text_status IN ('extracted', 'none', 'failed')),
    extracted_text TEXT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    owner_kind TEXT NOT NULL,
    owner_id INTEGER NOT NULL,
    role TEXT NOT NULL,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    is_public INTEGER NOT NULL CHECK (is_public IN (0, 1)),
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    UNIQUE (owner_kind, owner_id, role, number)
);

CREATE TABLE file_versions (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files (id),
    version INTEGER NOT NULL,
    sha256 TEXT NOT NULL REFERENCES file_contents (sha256),
    file_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    UNIQUE (file_id, version)
);
CREATE INDEX ix_file_versions_sha256 ON file_versions (sha256);
