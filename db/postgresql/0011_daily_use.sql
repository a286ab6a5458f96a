-- Daily use (issue #18).
-- search_text: reference, title, Einreicher and texts folded the German way (Features/Papers/SearchText.cs); written on
-- every create and edit, rows without it are filled at start-up. Every search word must occur in it.
ALTER TABLE papers ADD COLUMN search_text TEXT NULL;
-- form_token: the token of the drafting form that created the paper; the same form sent again returns that paper.
ALTER TABLE papers ADD COLUMN form_token TEXT NULL;
CREATE UNIQUE INDEX ux_papers_form_token ON papers (body_id, form_token) WHERE form_token IS NOT NULL;
-- finance_fields: the body's "Finanzielle Auswirkungen" block as JSON (key, German label, kind); NULL = the Thüringen form of seed 004.
ALTER TABLE bodies ADD COLUMN finance_fields TEXT NULL;
