-- Workflow runtime tables (src/Vorlagen.Workflows). Kept in parity with db/sqlite/0002_workflows.sql.
-- Ids are GUID "N" strings, instants are fixed-width ISO-8601 UTC text (yyyy-MM-ddTHH:mm:ss.fffffffZ),
-- so they compare lexicographically in every database.

CREATE TABLE workflow_definitions (
    id            TEXT     NOT NULL PRIMARY KEY,
    definition_id TEXT     NOT NULL,
    version       INTEGER  NOT NULL,
    name          TEXT     NOT NULL,
    is_latest     SMALLINT NOT NULL,
    is_published  SMALLINT NOT NULL,
    content_hash  TEXT     NOT NULL,
    content       TEXT     NOT NULL,
    source_name   TEXT     NULL,
    created_at    TEXT     NOT NULL,
    CONSTRAINT uq_workflow_definitions_version UNIQUE (definition_id, version)
);

CREATE INDEX ix_workflow_definitions_latest ON workflow_definitions (definition_id, is_latest);

CREATE TABLE workflow_instances (
    id                    TEXT    NOT NULL PRIMARY KEY,
    definition_id         TEXT    NOT NULL,
    definition_version_id TEXT    NOT NULL REFERENCES workflow_definitions (id),
    definition_version    INTEGER NOT NULL,
    version               BIGINT  NOT NULL,
    correlation_id        TEXT    NULL,
    status                TEXT    NOT NULL,
    sub_status            TEXT    NOT NULL,
    state                 TEXT    NOT NULL,
    incidents             TEXT    NOT NULL,
    journal_sequence      BIGINT  NOT NULL,
    journal_hash          TEXT    NULL,
    created_at            TEXT    NOT NULL,
    updated_at            TEXT    NOT NULL,
    finished_at           TEXT    NULL
);

CREATE INDEX ix_workflow_instances_correlation ON workflow_instances (correlation_id);

CREATE TABLE workflow_bookmarks (
    id                   TEXT NOT NULL PRIMARY KEY,
    instance_id          TEXT NOT NULL REFERENCES workflow_instances (id),
    correlation_id       TEXT NULL,
    name                 TEXT NOT NULL,
    hash                 TEXT NOT NULL,
    payload              TEXT NOT NULL,
    activity_id          TEXT NOT NULL,
    activity_instance_id TEXT NOT NULL,
    due_at               TEXT NULL,
    created_at           TEXT NOT NULL
);

CREATE INDEX ix_workflow_bookmarks_instance ON workflow_bookmarks (instance_id);
CREATE INDEX ix_workflow_bookmarks_name_correlation ON workflow_bookmarks (name, correlation_id);
CREATE INDEX ix_workflow_bookmarks_correlation ON workflow_bookmarks (correlation_id);
CREATE INDEX ix_workflow_bookmarks_due_at ON workflow_bookmarks (due_at);

-- Append-only by convention: the application never updates or deletes rows here, and the hash chain
-- (and the head kept on workflow_instances) makes edits, gaps and truncation detectable.
CREATE TABLE workflow_execution_log (
    instance_id   TEXT    NOT NULL,
    sequence      BIGINT  NOT NULL,
    timestamp     TEXT    NOT NULL,
    event_name    TEXT    NOT NULL,
    activity_id   TEXT    NULL,
    activity_type TEXT    NULL,
    activity_name TEXT    NULL,
    actor_id      TEXT    NULL,
    actor_name    TEXT    NULL,
    actor_role    TEXT    NULL,
    message       TEXT    NULL,
    payload       TEXT    NULL,
    previous_hash TEXT    NULL,
    hash          TEXT    NOT NULL,
    CONSTRAINT pk_workflow_execution_log PRIMARY KEY (instance_id, sequence)
);
