-- Vorlagen (papers), their Beratungsfolge (consultations), numbering counters and idempotent POSTs.
CREATE TABLE papers (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    reference TEXT NOT NULL,
    paper_type TEXT NOT NULL,
    title TEXT NOT NULL,
    paper_date TEXT NOT NULL,
    originator TEXT NOT NULL,
    legal_basis TEXT NULL,
    consulted_with TEXT NULL,
    proposal TEXT NOT NULL,
    reasoning TEXT NOT NULL,
    financial_impact TEXT NULL,
    effective_date TEXT NULL,
    is_public INTEGER NOT NULL CHECK (is_public IN (0, 1)),
    status TEXT NOT NULL,
    signed_date TEXT NULL,
    workflow_instance_id TEXT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    UNIQUE (body_id, reference)
);
CREATE INDEX ix_papers_body_status ON papers (body_id, status);

CREATE TABLE consultations (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES papers (id),
    position INTEGER NOT NULL,
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    role TEXT NOT NULL CHECK (role IN ('vorberatend', 'beschliessend', 'kenntnisnahme')),
    is_public INTEGER NOT NULL CHECK (is_public IN (0, 1)),
    planned_date TEXT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    outcome TEXT NULL,
    result_date TEXT NULL,
    majority TEXT NULL,
    votes_entitled INTEGER NULL,
    votes_yes INTEGER NULL,
    votes_no INTEGER NULL,
    votes_abstain INTEGER NULL,
    votes_recused INTEGER NULL,
    resolution_text TEXT NULL,
    referred_to_organization_id INTEGER NULL REFERENCES organizations (id),
    recorded_at TEXT NULL,
    recorded_by TEXT NULL,
    UNIQUE (paper_id, position)
);
CREATE INDEX ix_consultations_organization ON consultations (organization_id, status);

CREATE TABLE reference_counters (
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    scope TEXT NOT NULL,
    last_value INTEGER NOT NULL,
    PRIMARY KEY (body_id, scope)
);

CREATE TABLE idempotent_requests (
    idempotency_key TEXT NOT NULL,
    caller TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    response_body TEXT NOT NULL,
    response_headers TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (idempotency_key, caller)
);
