-- Search rows are rebuilt at start-up (SearchIndex.FillMissingAsync): from this version on each text of a column begins
-- with a boundary word (SearchIndex.Boundary), so a quoted phrase matches within one text only.
DELETE FROM paper_search;
-- The hits of a search are found by id: this index holds what the visibility rule, the rank order and the count read
-- (SQLite is told to use it; here it is kept for parity and may serve index-only scans).
CREATE INDEX ix_papers_search_hits ON papers (id, paper_date, body_id, status, is_public, released_on, decided_non_public, paper_type);
