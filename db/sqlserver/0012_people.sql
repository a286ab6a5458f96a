-- Persons, Fraktionen, memberships and Wahlperioden, modelled on OParl 1.1 (Person, Organization,
-- Membership, LegislativeTerm). Organization kinds gain 'fraktion' and 'gruppe': the unnamed CHECK
-- constraint of 0001 is looked up by its definition, dropped and replaced by a named one.
DECLARE @kindCheck sysname;
SELECT @kindCheck = cc.name FROM sys.check_constraints cc
WHERE cc.parent_object_id = OBJECT_ID(N'organizations') AND cc.definition LIKE N'%beratender_ausschuss%';
IF @kindCheck IS NOT NULL EXEC (N'ALTER TABLE organizations DROP CONSTRAINT ' + @kindCheck);
ALTER TABLE organizations ADD CONSTRAINT ck_organizations_kind
    CHECK (kind IN ('kreistag', 'kreisausschuss', 'beschliessender_ausschuss', 'beratender_ausschuss', 'beirat', 'fraktion', 'gruppe'));

CREATE TABLE legislative_terms (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    name NVARCHAR(200) NOT NULL,
    start_date NVARCHAR(10) NOT NULL,
    end_date NVARCHAR(10) NOT NULL,
    version INT NOT NULL DEFAULT 1,
    created_at NVARCHAR(40) NOT NULL,
    updated_at NVARCHAR(40) NOT NULL,
    updated_by NVARCHAR(300) NULL,
    CONSTRAINT uq_legislative_terms_body_name UNIQUE (body_id, name),
    CONSTRAINT ck_legislative_terms_dates CHECK (end_date >= start_date)
);

CREATE TABLE persons (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    title NVARCHAR(100) NULL,
    given_name NVARCHAR(200) NULL,
    family_name NVARCHAR(200) NOT NULL,
    form_of_address NVARCHAR(50) NULL,
    gender NVARCHAR(10) NULL CHECK (gender IN ('female', 'male', 'other')),
    phone NVARCHAR(100) NULL,
    email NVARCHAR(200) NULL,
    office_address NVARCHAR(500) NULL,
    status NVARCHAR(10) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'former')),
    user_id BIGINT NULL REFERENCES users (id),
    version INT NOT NULL DEFAULT 1,
    created_at NVARCHAR(40) NOT NULL,
    updated_at NVARCHAR(40) NOT NULL,
    updated_by NVARCHAR(300) NULL
);
CREATE INDEX ix_persons_body ON persons (body_id, family_name, given_name);
CREATE UNIQUE INDEX ux_persons_user ON persons (user_id) WHERE user_id IS NOT NULL;

CREATE TABLE memberships (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES persons (id),
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    legislative_term_id BIGINT NOT NULL REFERENCES legislative_terms (id),
    role NVARCHAR(20) NOT NULL CHECK (role IN ('mitglied', 'stellvertretung', 'vorsitz', 'stellv_vorsitz', 'beratend')),
    voting_right BIT NOT NULL,
    statutory BIT NOT NULL DEFAULT 0,
    deputy_for_id BIGINT NULL REFERENCES memberships (id),
    start_date NVARCHAR(10) NOT NULL,
    end_date NVARCHAR(10) NULL,
    is_public BIT NOT NULL DEFAULT 1,
    version INT NOT NULL DEFAULT 1,
    created_at NVARCHAR(40) NOT NULL,
    updated_at NVARCHAR(40) NOT NULL,
    updated_by NVARCHAR(300) NULL,
    CONSTRAINT ck_memberships_dates CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX ix_memberships_organization ON memberships (organization_id, start_date);
CREATE INDEX ix_memberships_person ON memberships (person_id, start_date);

CREATE TABLE people_changes (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    subject NVARCHAR(20) NOT NULL CHECK (subject IN ('person', 'membership', 'legislative_term')),
    subject_id BIGINT NOT NULL,
    person_id BIGINT NULL REFERENCES persons (id),
    action NVARCHAR(20) NOT NULL,
    summary NVARCHAR(2000) NOT NULL,
    changed_at NVARCHAR(40) NOT NULL,
    changed_by NVARCHAR(300) NOT NULL
);
CREATE INDEX ix_people_changes_person ON people_changes (person_id, id);
CREATE INDEX ix_people_changes_subject ON people_changes (subject, subject_id, id);
