-- When the administration released the paper for deliberation. Only released papers are ever
-- shown outside the office; a paper withdrawn before release stays internal.
ALTER TABLE papers ADD COLUMN released_on TEXT NULL;
UPDATE papers SET released_on = paper_date WHERE status NOT IN ('draft', 'submitted', 'withdrawn');
