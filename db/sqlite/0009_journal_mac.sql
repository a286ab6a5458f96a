-- The keyed MAC (HMAC-SHA256, key from configuration, never in the database) over each instance's
-- journal head (id, correlation, sequence, hash). NULL for heads written before sealing; the first
-- start with a key seals those once, before the first checkpoint (see README, Journal integrity).
ALTER TABLE workflow_instances ADD COLUMN journal_mac TEXT NULL;
