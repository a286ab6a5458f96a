-- OParl 1.1 (/oparl/v1.1) gives every object true created/modified instants. Consultations had none:
-- created_at/updated_at are stamped by their writers from now on. papers.released_at is the instant
-- the paper became public, so a consultation drafted earlier counts as modified no earlier than that.
-- Backfill: no OParl client can have synchronised before this script, so the paper's creation and
-- the release date at midnight are good enough for existing rows.
ALTER TABLE consultations ADD COLUMN created_at TEXT NULL;
ALTER TABLE consultations ADD COLUMN updated_at TEXT NULL;
ALTER TABLE papers ADD COLUMN released_at TEXT NULL;
UPDATE consultations SET created_at = (SELECT p.created_at FROM papers p WHERE p.id = consultations.paper_id);
UPDATE consultations SET updated_at = COALESCE(recorded_at, created_at);
UPDATE papers SET released_at = released_on || 'T00:00:00.0000000Z' WHERE released_on IS NOT NULL;
-- OParl lists page through a body's papers in id order (keyset paging).
CREATE INDEX ix_papers_body_id ON papers (body_id, id);
