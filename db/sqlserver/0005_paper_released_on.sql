-- When the administration released the paper for deliberation. Only released papers are ever
-- shown outside the office; a paper withdrawn before release stays internal.
ALTER TABLE papers ADD released_on DATE NULL;
GO
UPDATE papers SET released_on = paper_date WHERE status NOT IN ('draft', 'submitted', 'withdrawn');
