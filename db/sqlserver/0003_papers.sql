-- Vorlagen (papers), their Beratungsfolge (consultations), numbering counters and idempotent POSTs.
CREATE TABLE papers (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    reference NVARCHAR(60) NOT NULL,
    paper_type NVARCHAR(60) NOT NULL,
    title NVARCHAR(MAX) NOT NULL,
    paper_date DATE NOT NULL,
    originator NVARCHAR(400) NOT NULL,
    legal_basis NVARCHAR(MAX) NULL,
    consulted_with NVARCHAR(MAX) NULL,
    proposal NVARCHAR(MAX) NOT NULL,
    reasoning NVARCHAR(MAX) NOT NULL,
    financial_impact NVARCHAR(MAX) NULL,
    effective_date DATE NULL,
    is_public BIT NOT NULL,
    status NVARCHAR(40) NOT NULL,
    signed_date DATE NULL,
    workflow_instance_id NVARCHAR(32) NULL,
    version INT NOT NULL DEFAULT 1,
    created_at NVARCHAR(40) NOT NULL,
    created_by NVARCHAR(400) NOT NULL,
    updated_at NVARCHAR(40) NOT NULL,
    updated_by NVARCHAR(400) NOT NULL,
    CONSTRAINT uq_papers_body_reference UNIQUE (body_id, reference)
);
CREATE INDEX ix_papers_body_status ON papers (body_id, status);

CREATE TABLE consultations (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    paper_id BIGINT NOT NULL REFERENCES papers (id),
    position INT NOT NULL,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    role NVARCHAR(20) NOT NULL CHECK (role IN ('vorberatend', 'beschliessend', 'kenntnisnahme')),
    is_public BIT NOT NULL,
    planned_date DATE NULL,
    status NVARCHAR(40) NOT NULL DEFAULT 'pending',
    outcome NVARCHAR(40) NULL,
    result_date DATE NULL,
    majority NVARCHAR(40) NULL,
    votes_entitled INT NULL,
    votes_yes INT NULL,
    votes_no INT NULL,
    votes_abstain INT NULL,
    votes_recused INT NULL,
    resolution_text NVARCHAR(MAX) NULL,
    referred_to_organization_id BIGINT NULL REFERENCES organizations (id),
    recorded_at NVARCHAR(40) NULL,
    recorded_by NVARCHAR(400) NULL,
    CONSTRAINT uq_consultations_paper_position UNIQUE (paper_id, position)
);
CREATE INDEX ix_consultations_organization ON consultations (organization_id, status);

CREATE TABLE reference_counters (
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    scope NVARCHAR(40) NOT NULL,
    last_value INT NOT NULL,
    CONSTRAINT pk_reference_counters PRIMARY KEY (body_id, scope)
);

CREATE TABLE idempotent_requests (
    idempotency_key NVARCHAR(200) NOT NULL,
    caller NVARCHAR(200) NOT NULL,
    method NVARCHAR(10) NOT NULL,
    path NVARCHAR(400) NOT NULL,
    request_hash CHAR(64) NOT NULL,
    status_code INT NOT NULL,
    response_body NVARCHAR(MAX) NOT NULL,
    response_headers NVARCHAR(MAX) NOT NULL,
    created_at NVARCHAR(40) NOT NULL,
    CONSTRAINT pk_idempotent_requests PRIMARY KEY (idempotency_key, caller)
);
