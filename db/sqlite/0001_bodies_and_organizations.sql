-- Bodies (Landkreise), their Gremien and the Beratungsfolge templates per paper type.
CREATE TABLE bodies (
    id INTEGER PRIMARY KEY,
    body_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    state TEXT NOT NULL,
    rule_profile TEXT NOT NULL,
    reference_pattern TEXT NOT NULL,
    website TEXT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE organizations (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('kreistag', 'kreisausschuss', 'beschliessender_ausschuss', 'beratender_ausschuss', 'beirat')),
    seats INTEGER NOT NULL CHECK (seats > 0),
    chair_votes INTEGER NOT NULL CHECK (chair_votes IN (0, 1)),
    default_majority TEXT NOT NULL DEFAULT 'simple',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (body_id, name)
);
CREATE INDEX ix_organizations_body ON organizations (body_id, name);

CREATE TABLE consultation_templates (
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    paper_type TEXT NOT NULL,
    position INTEGER NOT NULL,
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    role TEXT NOT NULL CHECK (role IN ('vorberatend', 'beschliessend', 'kenntnisnahme')),
    is_public INTEGER NOT NULL CHECK (is_public IN (0, 1)),
    PRIMARY KEY (body_id, paper_type, position)
);
