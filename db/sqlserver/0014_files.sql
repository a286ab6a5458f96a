-- Files (OParl File): Anlagen of papers; later also documents of meetings (Einladung, Nachtrag, Niederschrift)
-- and the answer letter of an Anfrage. A file belongs to an owner (owner_kind + owner_id) and keeps every
-- version; the content lives once per SHA-256 in the file store, its extracted text waits here for the search index.
CREATE TABLE file_contents (
    sha256 CHAR(64) NOT NULL PRIMARY KEY,
    size BIGINT NOT NULL,
    mime_type NVARCHAR(100) NOT NULL,
    text_status NVARCHAR(20) NOT NULL CHECK (text_status IN ('extracted', 'none', 'failed')),
    extracted_text NVARCHAR(MAX) NULL,
    created_at NVARCHAR(40) NOT NULL
);

CREATE TABLE files (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    owner_kind NVARCHAR(20) NOT NULL,
    owner_id BIGINT NOT NULL,
    role NVARCHAR(20) NOT NULL,
    number INT NOT NULL,
    title NVARCHAR(400) NOT NULL,
    is_public BIT NOT NULL,
    version INT NOT NULL,
    created_at NVARCHAR(40) NOT NULL,
    created_by NVARCHAR(400) NOT NULL,
    updated_at NVARCHAR(40) NOT NULL,
    updated_by NVARCHAR(400) NOT NULL,
    CONSTRAINT uq_files_owner_number UNIQUE (owner_kind, owner_id, role, number)
);

CREATE TABLE file_versions (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    file_id BIGINT NOT NULL REFERENCES files (id),
    version INT NOT NULL,
    sha256 CHAR(64) NOT NULL REFERENCES file_contents (sha256),
    file_name NVARCHAR(255) NOT NULL,
    created_at NVARCHAR(40) NOT NULL,
    created_by NVARCHAR(400) NOT NULL,
    CONSTRAINT uq_file_versions_file_version UNIQUE (file_id, version)
);
CREATE INDEX ix_file_versions_sha256 ON file_versions (sha256);
