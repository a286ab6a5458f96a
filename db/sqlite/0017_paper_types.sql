-- Paper types as data (workflows/types): fields a type adds beyond the columns (JSON), the paper an
-- Ergänzungs-/Austauschvorlage amends or replaces, per-body settings of paper types (e.g. the answer period
-- of the Geschäftsordnung), and the type stored by its code.
ALTER TABLE papers ADD COLUMN fields TEXT NULL;
ALTER TABLE papers ADD COLUMN related_paper_id INTEGER NULL REFERENCES papers (id);
ALTER TABLE papers ADD COLUMN relation TEXT NULL;
ALTER TABLE bodies ADD COLUMN paper_settings TEXT NULL;
UPDATE papers SET paper_type = 'beschlussvorlage' WHERE paper_type = 'Beschlussvorlage';
CREATE INDEX ix_papers_related ON papers (related_paper_id);
