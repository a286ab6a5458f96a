-- Full-text search (issue #15): one row per paper with its words folded the German way by the application
-- (Features/Papers/SearchIndex.cs, SearchText.Fold), rewritten in the transaction of every write that changes them.
-- heading: number and title; texts: Einreicher and the paper's texts; appendix: public consultations' results and
-- public Anlagen (title and extracted text); restricted: non-public results and Anlagen (searched for the office only).
-- SQL Server: the documented equivalent of a full-text index is LIKE over these columns (each a list of folded words
-- between single spaces, so ' word ' and ' prefix%' are word and prefix matches); SQL Server's full-text search needs
-- an installed feature and a catalog, and its word breaker would not fold as the other providers do.
CREATE TABLE paper_search (
    paper_id BIGINT NOT NULL PRIMARY KEY REFERENCES papers (id),
    heading NVARCHAR(MAX) NOT NULL,
    texts NVARCHAR(MAX) NOT NULL,
    appendix NVARCHAR(MAX) NOT NULL,
    restricted NVARCHAR(MAX) NOT NULL
);
