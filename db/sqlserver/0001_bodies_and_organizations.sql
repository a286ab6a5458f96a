-- Bodies (Landkreise), their Gremien and the Beratungsfolge templates per paper type.
CREATE TABLE bodies (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    body_key NVARCHAR(100) NOT NULL UNIQUE,
    name NVARCHAR(200) NOT NULL,
    short_name NVARCHAR(100) NOT NULL,
    state NVARCHAR(50) NOT NULL,
    rule_profile NVARCHAR(50) NOT NULL,
    reference_pattern NVARCHAR(100) NOT NULL,
    website NVARCHAR(400) NULL,
    version INT NOT NULL DEFAULT 1,
    created_at NVARCHAR(40) NOT NULL,
    updated_at NVARCHAR(40) NOT NULL
);

CREATE TABLE organizations (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    name NVARCHAR(200) NOT NULL,
    short_name NVARCHAR(100) NOT NULL,
    kind NVARCHAR(40) NOT NULL CHECK (kind IN ('kreistag', 'kreisausschuss', 'beschliessender_ausschuss', 'beratender_ausschuss', 'beirat')),
    seats INT NOT NULL CHECK (seats > 0),
    chair_votes BIT NOT NULL,
    default_majority NVARCHAR(40) NOT NULL DEFAULT 'simple',
    active BIT NOT NULL DEFAULT 1,
    version INT NOT NULL DEFAULT 1,
    created_at NVARCHAR(40) NOT NULL,
    updated_at NVARCHAR(40) NOT NULL,
    CONSTRAINT uq_organizations_body_name UNIQUE (body_id, name)
);
CREATE INDEX ix_organizations_body ON organizations (body_id, name);

CREATE TABLE consultation_templates (
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    paper_type NVARCHAR(60) NOT NULL,
    position INT NOT NULL,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    role NVARCHAR(20) NOT NULL CHECK (role IN ('vorberatend', 'beschliessend', 'kenntnisnahme')),
    is_public BIT NOT NULL,
    CONSTRAINT pk_consultation_templates PRIMARY KEY (body_id, paper_type, position)
);
