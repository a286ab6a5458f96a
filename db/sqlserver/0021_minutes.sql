-- Niederschrift (issue #14, part 2). The state lives in meeting_sessions.minutes_state (0020); these tables record how it moved:
-- the signatures of the paper original (§ 36 Abs. 2 Satz 1 SächsLKrO: the electronic form is excluded, so the system records
-- that the signed original exists, who signed and when, not an e-signature), the approval at a following session with the
-- objections and their outcome, the publication of the public decisions (§ 32b Satz 2), the Bekanntgabe of non-public
-- decisions (§ 33 Abs. 1 Satz 3) and the Beschluss numbers (assigned per Gremium and year when the Niederschrift is signed).
CREATE TABLE minutes_signatures (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    signer_role NVARCHAR(400) NOT NULL CHECK (signer_role IN ('chair', 'member', 'secretary')),
    person_id BIGINT NULL REFERENCES persons (id),
    signer_name NVARCHAR(400) NOT NULL,
    signed_on NVARCHAR(400) NOT NULL,
    recorded_at NVARCHAR(400) NOT NULL,
    recorded_by NVARCHAR(400) NOT NULL
);
CREATE INDEX ix_minutes_signatures_meeting ON minutes_signatures (meeting_id, id);

CREATE TABLE minutes_approvals (
    meeting_id BIGINT NOT NULL PRIMARY KEY REFERENCES meetings (id),
    approving_meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    agenda_item_id BIGINT NULL REFERENCES agenda_items (id),
    approved_on NVARCHAR(400) NOT NULL,
    recorded_at NVARCHAR(400) NOT NULL,
    recorded_by NVARCHAR(400) NOT NULL
);

-- Einwendungen gegen die Niederschrift (§ 36 Abs. 2 Satz 4 SächsLKrO: the Kreistag decides on them).
CREATE TABLE minutes_objections (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    raised_by NVARCHAR(400) NOT NULL,
    objection NVARCHAR(4000) NOT NULL,
    outcome NVARCHAR(400) NOT NULL CHECK (outcome IN ('accepted', 'rejected')),
    resolution NVARCHAR(4000) NULL,
    recorded_at NVARCHAR(400) NOT NULL,
    recorded_by NVARCHAR(400) NOT NULL
);
CREATE INDEX ix_minutes_objections_meeting ON minutes_objections (meeting_id, id);

CREATE TABLE minutes_publications (
    meeting_id BIGINT NOT NULL PRIMARY KEY REFERENCES meetings (id),
    published_on NVARCHAR(400) NOT NULL,
    recorded_at NVARCHAR(400) NOT NULL,
    recorded_by NVARCHAR(400) NOT NULL
);

-- Bekanntgabe of a decision taken in a non-public session: from announced_on on it is public like a public decision.
ALTER TABLE consultations ADD announced_on NVARCHAR(400) NULL;
CREATE TABLE decision_announcements (
    consultation_id BIGINT NOT NULL PRIMARY KEY REFERENCES consultations (id),
    announced_on NVARCHAR(400) NOT NULL,
    meeting_id BIGINT NULL REFERENCES meetings (id),
    recorded_at NVARCHAR(400) NOT NULL,
    recorded_by NVARCHAR(400) NOT NULL
);

CREATE TABLE decision_numbers (
    consultation_id BIGINT NOT NULL PRIMARY KEY REFERENCES consultations (id),
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    decision_year INT NOT NULL,
    serial_no INT NOT NULL,
    number NVARCHAR(400) NOT NULL,
    assigned_at NVARCHAR(400) NOT NULL
);
CREATE UNIQUE INDEX ux_decision_numbers_serial ON decision_numbers (organization_id, decision_year, serial_no);
