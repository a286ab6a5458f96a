-- Who last changed a Gremium or a user (including roles and passwords): every state change records its author.
ALTER TABLE organizations ADD COLUMN updated_by TEXT NULL;
ALTER TABLE users ADD COLUMN updated_by TEXT NULL;
