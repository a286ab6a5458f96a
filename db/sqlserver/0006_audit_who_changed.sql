-- Who last changed a Gremium or a user (including roles and passwords): every state change records its author.
ALTER TABLE organizations ADD updated_by NVARCHAR(300) NULL;
ALTER TABLE users ADD updated_by NVARCHAR(300) NULL;
