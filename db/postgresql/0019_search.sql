-- Full-text search (issue #15): one row per paper with its words folded the German way by the application
-- (Features/Papers/SearchIndex.cs, SearchText.Fold), rewritten in the transaction of every write that changes them.
-- heading: number and title; texts: Einreicher and the paper's texts; appendix: public consultations' results and
-- public Anlagen (title and extracted text); restricted: non-public results and Anlagen (searched for the office only).
-- PostgreSQL: a stored tsvector of the 'simple' configuration (no stemming: the words are already folded) with the
-- columns as weights A-D, in a GIN index; a query restricts each word to the weights the caller may search.
CREATE TABLE paper_search (
    paper_id BIGINT NOT NULL PRIMARY KEY REFERENCES papers (id),
    heading TEXT NOT NULL,
    texts TEXT NOT NULL,
    appendix TEXT NOT NULL,
    restricted TEXT NOT NULL,
    document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, heading), 'A') || setweight(to_tsvector('simple'::regconfig, texts), 'B') ||
        setweight(to_tsvector('simple'::regconfig, appendix), 'C') || setweight(to_tsvector('simple'::regconfig, restricted), 'D')) STORED
);

CREATE INDEX ix_paper_search_document ON paper_search USING GIN (document);
