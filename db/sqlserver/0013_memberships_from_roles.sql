-- Chair and member rights now follow from memberships (user_roles keeps admin, clerk and landrat).
-- Existing per-Gremium grants become a person linked to the user and a membership in a Wahlperiode
-- that the administration should then correct (dates and name say so); 'chair' becomes Vorsitz.
INSERT INTO legislative_terms (body_id, name, start_date, end_date, version, created_at, updated_at, updated_by)
SELECT DISTINCT u.body_id, N'Übernommen aus Benutzerrollen (bitte anpassen)', '2000-01-01', '2099-12-31', 1,
    LEFT(CONVERT(NVARCHAR(40), SYSUTCDATETIME(), 126), 19) + '.0000000Z', LEFT(CONVERT(NVARCHAR(40), SYSUTCDATETIME(), 126), 19) + '.0000000Z', 'Migration 0013'
FROM user_roles r JOIN users u ON u.id = r.user_id
WHERE r.role IN ('chair', 'member') AND u.body_id IS NOT NULL AND r.organization_id IS NOT NULL;

INSERT INTO persons (body_id, given_name, family_name, status, user_id, version, created_at, updated_at, updated_by)
SELECT u.body_id, NULL, u.display_name, 'active', u.id, 1,
    LEFT(CONVERT(NVARCHAR(40), SYSUTCDATETIME(), 126), 19) + '.0000000Z', LEFT(CONVERT(NVARCHAR(40), SYSUTCDATETIME(), 126), 19) + '.0000000Z', 'Migration 0013'
FROM users u
WHERE u.body_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN ('chair', 'member') AND r.organization_id IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM persons p WHERE p.user_id = u.id);

INSERT INTO memberships (person_id, organization_id, legislative_term_id, role, voting_right, statutory, start_date, end_date, is_public,
    version, created_at, updated_at, updated_by)
SELECT p.id, r.organization_id, t.id, CASE r.role WHEN 'chair' THEN 'vorsitz' ELSE 'mitglied' END, 1, 0, '2000-01-01', NULL, 1, 1,
    LEFT(CONVERT(NVARCHAR(40), SYSUTCDATETIME(), 126), 19) + '.0000000Z', LEFT(CONVERT(NVARCHAR(40), SYSUTCDATETIME(), 126), 19) + '.0000000Z', 'Migration 0013'
FROM user_roles r
JOIN users u ON u.id = r.user_id
JOIN persons p ON p.user_id = u.id
JOIN legislative_terms t ON t.body_id = u.body_id AND t.name = N'Übernommen aus Benutzerrollen (bitte anpassen)'
WHERE r.role IN ('chair', 'member') AND r.organization_id IS NOT NULL
  AND NOT (r.role = 'member' AND EXISTS (SELECT 1 FROM user_roles c WHERE c.user_id = r.user_id AND c.role = 'chair' AND c.organization_id = r.organization_id));

DELETE FROM user_roles WHERE role IN ('chair', 'member');
