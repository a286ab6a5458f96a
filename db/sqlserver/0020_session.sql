-- Sitzungsmodus (issue #14): the session as it happens. One row per held session of a meeting; minutes_state is the
-- Niederschrift's state (draft -> signed -> approved -> published); results may be corrected only while it is 'draft'.
CREATE TABLE meeting_sessions (
    meeting_id BIGINT NOT NULL PRIMARY KEY REFERENCES meetings (id),
    opened_at NVARCHAR(400) NOT NULL,
    opened_by NVARCHAR(400) NOT NULL,
    chair_person_id BIGINT NULL REFERENCES persons (id),
    secretary_name NVARCHAR(2000) NULL,
    closed_at NVARCHAR(400) NULL,
    closed_by NVARCHAR(400) NULL,
    minutes_state NVARCHAR(400) NOT NULL DEFAULT 'draft' CHECK (minutes_state IN ('draft', 'signed', 'approved', 'published')),
    version INT NOT NULL DEFAULT 1
);

-- Anwesenheit per member: present (from arrives_at_item_id, NULL = from the start, to leaves_after_item_id, NULL = to the
-- end), excused (with reason) or absent. deputy_for_person_id: this person stands in for that absent member and takes the vote.
CREATE TABLE meeting_attendance (
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    person_id BIGINT NOT NULL REFERENCES persons (id),
    status NVARCHAR(400) NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
    absence_reason NVARCHAR(2000) NULL,
    arrives_at_item_id BIGINT NULL REFERENCES agenda_items (id),
    leaves_after_item_id BIGINT NULL REFERENCES agenda_items (id),
    deputy_for_person_id BIGINT NULL REFERENCES persons (id),
    recorded_at NVARCHAR(400) NOT NULL,
    recorded_by NVARCHAR(400) NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);

-- Befangenheit (§ 18 SächsLKrO, § 38 ThürKO): the member takes no part in this item and does not count for its quorum.
CREATE TABLE agenda_item_recusals (
    agenda_item_id BIGINT NOT NULL REFERENCES agenda_items (id),
    person_id BIGINT NOT NULL REFERENCES persons (id),
    note NVARCHAR(2000) NULL,
    recorded_at NVARCHAR(400) NOT NULL,
    recorded_by NVARCHAR(400) NOT NULL,
    PRIMARY KEY (agenda_item_id, person_id)
);

-- A member's demand that their vote or statement be recorded (§ 36 Abs. 1 Satz 3 SächsLKrO; § 42 ThürKO).
CREATE TABLE agenda_item_statements (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    agenda_item_id BIGINT NOT NULL REFERENCES agenda_items (id),
    person_id BIGINT NOT NULL REFERENCES persons (id),
    kind NVARCHAR(400) NOT NULL CHECK (kind IN ('vote', 'statement')),
    text NVARCHAR(MAX) NOT NULL,
    recorded_at NVARCHAR(400) NOT NULL,
    recorded_by NVARCHAR(400) NOT NULL
);
CREATE INDEX ix_agenda_item_statements_item ON agenda_item_statements (agenda_item_id, id);

-- Namentliche Abstimmung: one vote per member; the tally is counted from these rows.
CREATE TABLE agenda_item_roll_calls (
    agenda_item_id BIGINT NOT NULL REFERENCES agenda_items (id),
    person_id BIGINT NOT NULL REFERENCES persons (id),
    vote NVARCHAR(400) NOT NULL CHECK (vote IN ('yes', 'no', 'abstain')),
    recorded_at NVARCHAR(400) NOT NULL,
    recorded_by NVARCHAR(400) NOT NULL,
    PRIMARY KEY (agenda_item_id, person_id)
);

-- Wahlen as their own item kind (§ 35 Abs. 7 SächsLKrO, § 39 Abs. 2 ThürKO): one election per agenda item, its candidates
-- and its ballots round by round. status: open, elected, failed (nobody elected in the last possible round).
CREATE TABLE elections (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    agenda_item_id BIGINT NOT NULL REFERENCES agenda_items (id),
    office NVARCHAR(2000) NOT NULL,
    status NVARCHAR(400) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'elected', 'failed')),
    elected_person_id BIGINT NULL REFERENCES persons (id),
    version INT NOT NULL DEFAULT 1,
    created_at NVARCHAR(400) NOT NULL,
    created_by NVARCHAR(400) NOT NULL
);
CREATE UNIQUE INDEX ux_elections_agenda_item ON elections (agenda_item_id);

CREATE TABLE election_candidates (
    election_id BIGINT NOT NULL REFERENCES elections (id),
    person_id BIGINT NOT NULL REFERENCES persons (id),
    sort_order INT NOT NULL,
    created_at NVARCHAR(400) NOT NULL,
    created_by NVARCHAR(400) NOT NULL,
    PRIMARY KEY (election_id, person_id)
);

-- One ballot round. entitled_present: present and entitled when the ballot was cast; outcome: elected, run_off (a second
-- ballot between the two best is needed), lot (a tie the lot decides), not_elected. decided_by_lot: the lot named elected_person_id.
CREATE TABLE election_rounds (
    election_id BIGINT NOT NULL REFERENCES elections (id),
    round_number INT NOT NULL CHECK (round_number >= 1),
    entitled_present INT NOT NULL CHECK (entitled_present >= 0),
    valid_ballots INT NOT NULL CHECK (valid_ballots >= 0),
    invalid_ballots INT NOT NULL CHECK (invalid_ballots >= 0),
    outcome NVARCHAR(400) NOT NULL CHECK (outcome IN ('elected', 'run_off', 'lot', 'not_elected')),
    elected_person_id BIGINT NULL REFERENCES persons (id),
    decided_by_lot BIT NOT NULL DEFAULT 0,
    citation NVARCHAR(2000) NOT NULL,
    recorded_at NVARCHAR(400) NOT NULL,
    recorded_by NVARCHAR(400) NOT NULL,
    PRIMARY KEY (election_id, round_number)
);

CREATE TABLE election_round_votes (
    election_id BIGINT NOT NULL REFERENCES elections (id),
    round_number INT NOT NULL,
    person_id BIGINT NOT NULL REFERENCES persons (id),
    votes INT NOT NULL CHECK (votes >= 0),
    PRIMARY KEY (election_id, round_number, person_id)
);
