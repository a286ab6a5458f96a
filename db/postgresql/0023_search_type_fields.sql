-- The search rows of papers with type fields (Anfragen, Anträge, …) are rebuilt at start-up (SearchIndex.FillMissingAsync):
-- from this version on a paper is also found by the texts of its type's own fields.
DELETE FROM paper_search WHERE paper_id IN (SELECT id FROM papers WHERE fields IS NOT NULL);
