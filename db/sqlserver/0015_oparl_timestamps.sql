-- OParl 1.1 (/oparl/v1.1) gives every object true created/modified instants. Consultations had none:
-- created_at/updated_at are stamped by their writers from now on. papers.released_at is the instant
-- the paper became public, so a consultation drafted earlier counts as modified no earlier than that.
-- Backfill: no OParl client can have synchronised before this script, so the paper's creation and
-- the release date at midnight are good enough for existing rows.
ALTER TABLE consultations ADD created_at NVARCHAR(40) NULL;
ALTER TABLE consultations ADD updated_at NVARCHAR(40) NULL;
ALTER TABLE papers ADD released_at NVARCHAR(40) NULL;
GO
UPDATE consultations SET created_at = p.created_at, updated_at = COALESCE(consultations.recorded_at, p.created_at)
FROM consultations JOIN papers p ON p.id = consultations.paper_id;
UPDATE papers SET released_at = CONVERT(NVARCHAR(10), released_on, 23) + N'T00:00:00.0000000Z' WHERE released_on IS NOT NULL;
-- OParl lists page through a body's papers in id order (keyset paging).
CREATE INDEX ix_papers_body_id ON papers (body_id, id);
