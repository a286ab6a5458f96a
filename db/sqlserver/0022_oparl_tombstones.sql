-- OParl deletions (issue #16): an object that was public and leaves public view (a membership made non-public,
-- a person without any public membership left, an agenda item taken off or moved out of a published meeting, ...)
-- leaves a tombstone, written in the same transaction as the change. /oparl lists show it with modified_since as
-- {id, type, created, modified: deleted_at, deleted: true}; its object URL answers 410. Objects that were never
-- public (drafts, papers withdrawn before release) get none: a tombstone would reveal them.
-- created_at: the created instant the object showed. The same object may leave (and come back) more than once.
CREATE TABLE oparl_tombstones (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    object_type NVARCHAR(400) NOT NULL CHECK (object_type IN ('person', 'membership', 'meeting', 'agendaitem', 'file', 'paper', 'consultation')),
    object_id BIGINT NOT NULL,
    created_at NVARCHAR(400) NOT NULL,
    deleted_at NVARCHAR(400) NOT NULL,
    deleted_by NVARCHAR(400) NOT NULL
);
CREATE INDEX ix_oparl_tombstones_object ON oparl_tombstones (object_type, object_id);
CREATE INDEX ix_oparl_tombstones_body ON oparl_tombstones (body_id, object_type, object_id);
