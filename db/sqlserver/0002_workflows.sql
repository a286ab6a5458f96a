-- Workflow runtime tables (src/Vorlagen.Workflows). Kept in parity with db/sqlite/0002_workflows.sql.
-- Ids are GUID "N" strings, instants are fixed-width ISO-8601 UTC text (yyyy-MM-ddTHH:mm:ss.fffffffZ),
-- so they compare lexicographically in both databases. One batch, no GO separators.

CREATE TABLE workflow_definitions (
    id            NVARCHAR(32)  NOT NULL CONSTRAINT pk_workflow_definitions PRIMARY KEY,
    definition_id NVARCHAR(200) NOT NULL,
    version       INT           NOT NULL,
    name          NVARCHAR(400) NOT NULL,
    is_latest     BIT           NOT NULL,
    is_published  BIT           NOT NULL,
    content_hash  NVARCHAR(64)  NOT NULL,
    content       NVARCHAR(MAX) NOT NULL,
    source_name   NVARCHAR(400) NULL,
    created_at    NVARCHAR(28)  NOT NULL,
    CONSTRAINT uq_workflow_definitions_version UNIQUE (definition_id, version)
);

CREATE INDEX ix_workflow_definitions_latest ON workflow_definitions (definition_id, is_latest);

CREATE TABLE workflow_instances (
    id                    NVARCHAR(32)  NOT NULL CONSTRAINT pk_workflow_instances PRIMARY KEY,
    definition_id         NVARCHAR(200) NOT NULL,
    definition_version_id NVARCHAR(32)  NOT NULL
        CONSTRAINT fk_workflow_instances_definition REFERENCES workflow_definitions (id),
    definition_version    INT           NOT NULL,
    version               BIGINT        NOT NULL,
    correlation_id        NVARCHAR(200) NULL,
    status                NVARCHAR(20)  NOT NULL,
    sub_status            NVARCHAR(20)  NOT NULL,
    state                 NVARCHAR(MAX) NOT NULL,
    incidents             NVARCHAR(MAX) NOT NULL,
    journal_sequence      BIGINT        NOT NULL,
    journal_hash          NVARCHAR(64)  NULL,
    created_at            NVARCHAR(28)  NOT NULL,
    updated_at            NVARCHAR(28)  NOT NULL,
    finished_at           NVARCHAR(28)  NULL
);

CREATE INDEX ix_workflow_instances_correlation ON workflow_instances (correlation_id);

CREATE TABLE workflow_bookmarks (
    id                   NVARCHAR(32)  NOT NULL CONSTRAINT pk_workflow_bookmarks PRIMARY KEY,
    instance_id          NVARCHAR(32)  NOT NULL
        CONSTRAINT fk_workflow_bookmarks_instance REFERENCES workflow_instances (id),
    correlation_id       NVARCHAR(200) NULL,
    name                 NVARCHAR(200) NOT NULL,
    hash                 NVARCHAR(64)  NOT NULL,
    payload              NVARCHAR(MAX) NOT NULL,
    activity_id          NVARCHAR(200) NOT NULL,
    activity_instance_id NVARCHAR(32)  NOT NULL,
    due_at               NVARCHAR(28)  NULL,
    created_at           NVARCHAR(28)  NOT NULL
);

CREATE INDEX ix_workflow_bookmarks_instance ON workflow_bookmarks (instance_id);
CREATE INDEX ix_workflow_bookmarks_name_correlation ON workflow_bookmarks (name, correlation_id);
CREATE INDEX ix_workflow_bookmarks_correlation ON workflow_bookmarks (correlation_id);
CREATE INDEX ix_workflow_bookmarks_due_at ON workflow_bookmarks (due_at);

-- Append-only by convention: the application never updates or deletes rows here, and the hash chain
-- (and the head kept on workflow_instances) makes edits, gaps and truncation detectable.
CREATE TABLE workflow_execution_log (
    instance_id   NVARCHAR(32)  NOT NULL,
    sequence      BIGINT        NOT NULL,
    timestamp     NVARCHAR(28)  NOT NULL,
    event_name    NVARCHAR(100) NOT NULL,
    activity_id   NVARCHAR(200) NULL,
    activity_type NVARCHAR(200) NULL,
    activity_name NVARCHAR(400) NULL,
    actor_id      NVARCHAR(200) NULL,
    actor_name    NVARCHAR(400) NULL,
    actor_role    NVARCHAR(200) NULL,
    message       NVARCHAR(MAX) NULL,
    payload       NVARCHAR(MAX) NULL,
    previous_hash NVARCHAR(64)  NULL,
    hash          NVARCHAR(64)  NOT NULL,
    CONSTRAINT pk_workflow_execution_log PRIMARY KEY (instance_id, sequence)
);
