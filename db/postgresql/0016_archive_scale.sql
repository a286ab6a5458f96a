-- Speed at the scale of a real archive (issue #11).
-- decided_non_public: 1 once a beschließend consultation held in a non-public session has a result. Written with every
-- recorded result (Features/Papers/ConsultationResults.cs), so the status a caller is shown (PaperSql.ShownStatus) needs
-- the caller's Gremien only for these few papers, and a status filter is a column test.
ALTER TABLE papers ADD COLUMN decided_non_public SMALLINT NOT NULL DEFAULT 0 CHECK (decided_non_public IN (0, 1));
UPDATE papers SET decided_non_public = 1 WHERE EXISTS (SELECT 1 FROM consultations c WHERE c.paper_id = papers.id
    AND c.role = 'beschliessend' AND c.status = 'done' AND c.is_public = 0);
-- Lists run newest first. Each index holds every column the list filters and the visibility rule test, so a page, a count
-- and the start of a deep page are found in the index alone; one index per leading filter (none, Körperschaft, status).
DROP INDEX ix_papers_body_status;
CREATE INDEX ix_papers_list ON papers (paper_date, id, body_id, status, is_public, released_on, decided_non_public, paper_type);
CREATE INDEX ix_papers_body_list ON papers (body_id, paper_date, id, status, is_public, released_on, decided_non_public, paper_type);
CREATE INDEX ix_papers_status_list ON papers (status, paper_date, id, body_id, is_public, released_on, decided_non_public, paper_type);
-- The Gremium filter and Meine Aufgaben of a chair start from a Gremium's consultations.
CREATE INDEX ix_consultations_organization_paper ON consultations (organization_id, paper_id);
