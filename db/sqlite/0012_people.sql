-- Persons, Fraktionen, memberships and Wahlperioden, modelled on OParl 1.1 (Person, Organization,
-- Membership, LegislativeTerm). Organization kinds gain 'fraktion' and 'gruppe'.
-- SQLite cannot change a CHECK constraint, so organizations is rebuilt with the same columns; the
-- foreign keys pointing at it (consultations, templates, user_roles) are checked at commit
-- (defer_foreign_keys), when every row is back under its old id.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE organizations_before_0012 AS SELECT * FROM organizations;
DROP TABLE organizations;
CREATE TABLE organizations (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('kreistag', 'kreisausschuss', 'beschliessender_ausschuss', 'beratender_ausschuss', 'beirat', 'fraktion', 'gruppe')),
    seats INTEGER NOT NULL CHECK (seats > 0),
    chair_votes INTEGER NOT NULL CHECK (chair_votes IN (0, 1)),
    default_majority TEXT NOT NULL DEFAULT 'simple',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NULL,
    UNIQUE (body_id, name)
);
INSERT INTO organizations (id, body_id, name, short_name, kind, seats, chair_votes, default_majority, active, version, created_at, updated_at, updated_by)
SELECT id, body_id, name, short_name, kind, seats, chair_votes, default_majority, active, version, created_at, updated_at, updated_by FROM organizations_before_0012;
DROP TABLE organizations_before_0012;
CREATE INDEX ix_organizations_body ON organizations (body_id, name);

-- Wahlperiode of a body's Kreistag.
CREATE TABLE legislative_terms (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    name TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NULL,
    UNIQUE (body_id, name),
    CHECK (end_date >= start_date)
);

-- A Kreisrat, sachkundige Einwohnerin, the Landrat, ...: not a user; may be linked to one account.
-- Contact data is the office's only (Kreistagsbüro, Fraktionsbüro), never shown to anonymous callers.
CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    title TEXT NULL,
    given_name TEXT NULL,
    family_name TEXT NOT NULL,
    form_of_address TEXT NULL,
    gender TEXT NULL CHECK (gender IN ('female', 'male', 'other')),
    phone TEXT NULL,
    email TEXT NULL,
    office_address TEXT NULL,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'former')),
    user_id INTEGER NULL REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NULL
);
CREATE INDEX ix_persons_body ON persons (body_id, family_name, given_name);
CREATE UNIQUE INDEX ux_persons_user ON persons (user_id) WHERE user_id IS NOT NULL;

-- Person x organization x Wahlperiode. end_date NULL: until the end of the Wahlperiode.
-- statutory: the Landrat's seat by law (kraft Amtes), not by election.
CREATE TABLE memberships (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons (id),
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    legislative_term_id INTEGER NOT NULL REFERENCES legislative_terms (id),
    role TEXT NOT NULL CHECK (role IN ('mitglied', 'stellvertretung', 'vorsitz', 'stellv_vorsitz', 'beratend')),
    voting_right INTEGER NOT NULL CHECK (voting_right IN (0, 1)),
    statutory INTEGER NOT NULL DEFAULT 0 CHECK (statutory IN (0, 1)),
    deputy_for_id INTEGER NULL REFERENCES memberships (id),
    start_date TEXT NOT NULL,
    end_date TEXT NULL,
    is_public INTEGER NOT NULL DEFAULT 1 CHECK (is_public IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NULL,
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX ix_memberships_organization ON memberships (organization_id, start_date);
CREATE INDEX ix_memberships_person ON memberships (person_id, start_date);

-- Who changed which person, membership or Wahlperiode, when, and what.
CREATE TABLE people_changes (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    subject TEXT NOT NULL CHECK (subject IN ('person', 'membership', 'legislative_term')),
    subject_id INTEGER NOT NULL,
    person_id INTEGER NULL REFERENCES persons (id),
    action TEXT NOT NULL,
    summary TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
);
CREATE INDEX ix_people_changes_person ON people_changes (person_id, id);
CREATE INDEX ix_people_changes_subject ON people_changes (subject, subject_id, id);
