-- Full-text search (issue #15): one row per paper with its words folded the German way by the application
-- (Features/Papers/SearchIndex.cs, SearchText.Fold), rewritten in the transaction of every write that changes them.
-- heading: number and title; texts: Einreicher and the paper's texts; appendix: public consultations' results and
-- public Anlagen (title and extracted text); restricted: non-public results and Anlagen (searched for the office only).
-- SQLite: an external-content FTS5 index over it, kept in step by triggers (so in the same transaction).
CREATE TABLE paper_search (
    paper_id INTEGER NOT NULL PRIMARY KEY REFERENCES papers (id),
    heading TEXT NOT NULL,
    texts TEXT NOT NULL,
    appendix TEXT NOT NULL,
    restricted TEXT NOT NULL
);

CREATE VIRTUAL TABLE paper_search_fts USING fts5 (heading, texts, appendix, restricted,
    content = 'paper_search', content_rowid = 'paper_id', tokenize = 'unicode61 remove_diacritics 0');

CREATE TRIGGER paper_search_ai AFTER INSERT ON paper_search BEGIN
    INSERT INTO paper_search_fts (rowid, heading, texts, appendix, restricted) VALUES (new.paper_id, new.heading, new.texts, new.appendix, new.restricted);
END;

CREATE TRIGGER paper_search_ad AFTER DELETE ON paper_search BEGIN
    INSERT INTO paper_search_fts (paper_search_fts, rowid, heading, texts, appendix, restricted)
    VALUES ('delete', old.paper_id, old.heading, old.texts, old.appendix, old.restricted);
END;

CREATE TRIGGER paper_search_au AFTER UPDATE ON paper_search BEGIN
    INSERT INTO paper_search_fts (paper_search_fts, rowid, heading, texts, appendix, restricted)
    VALUES ('delete', old.paper_id, old.heading, old.texts, old.appendix, old.restricted);
    INSERT INTO paper_search_fts (rowid, heading, texts, appendix, restricted) VALUES (new.paper_id, new.heading, new.texts, new.appendix, new.restricted);
END;
