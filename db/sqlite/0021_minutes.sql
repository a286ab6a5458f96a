-- Niederschrift (issue #14, part 2). The state lives in meeting_sessions.minutes_state (0020); these tables record how it moved:
-- the signatures of the paper original (§ 36 Abs. 2 Satz 1 SächsLKrO: the electronic form is excluded, so the system records
-- that the signed original exists, who signed and when, not an e-signature), the approval at a following session with the
-- objections and their outcome, the publication of the public decisions (§ 32b Satz 2), the Bekanntgabe of non-public
-- decisions (§ 33 Abs. 1 Satz 3) and the Beschluss numbers (assigned per Gremium and year when the Niederschrift is signed).
CREATE TABLE minutes_signatures (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    signer_role TEXT NOT NULL CHECK (signer_role IN ('chair', 'member', 'secretary')),
    person_id INTEGER NULL REFERENCES persons (id),
    signer_name TEXT NOT NULL,
    signed_on TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX ix_minutes_signatures_meeting ON minutes_signatures (meeting_id, id);

CREATE TABLE minutes_approvals (
    meeting_id INTEGER NOT NULL PRIMARY KEY REFERENCES meetings (id),
    approving_meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    agenda_item_id INTEGER NULL REFERENCES agenda_items (id),
    approved_on TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

-- Einwendungen gegen die Niederschrift (§ 36 Abs. 2 Satz 4 SächsLKrO: the Kreistag decides on them).
CREATE TABLE minutes_objections (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    raised_by TEXT NOT NULL,
    objection TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'rejected')),
    resolution TEXT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX ix_minutes_objections_meeting ON minutes_objections (meeting_id, id);

CREATE TABLE minutes_publications (
    meeting_id INTEGER NOT NULL PRIMARY KEY REFERENCES meetings (id),
    published_on TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

-- Bekanntgabe of a decision taken in a non-public session: from announced_on on it is public like a public decision.
ALTER TABLE consultations ADD COLUMN announced_on TEXT NULL;
CREATE TABLE decision_announcements (
    consultation_id INTEGER NOT NULL PRIMARY KEY REFERENCES consultations (id),
    announced_on TEXT NOT NULL,
    meeting_id INTEGER NULL REFERENCES meetings (id),
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

CREATE TABLE decision_numbers (
    consultation_id INTEGER NOT NULL PRIMARY KEY REFERENCES consultations (id),
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    decision_year INTEGER NOT NULL,
    serial_no INTEGER NOT NULL,
    number TEXT NOT NULL,
    assigned_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_decision_numbers_serial ON decision_numbers (organization_id, decision_year, serial_no);
