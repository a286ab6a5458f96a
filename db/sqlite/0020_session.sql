-- Sitzungsmodus (issue #14): the session as it happens. One row per held session of a meeting; minutes_state is the
-- Niederschrift's state (draft -> signed -> approved -> published); results may be corrected only while it is 'draft'.
CREATE TABLE meeting_sessions (
    meeting_id INTEGER NOT NULL PRIMARY KEY REFERENCES meetings (id),
    opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    chair_person_id INTEGER NULL REFERENCES persons (id),
    secretary_name TEXT NULL,
    closed_at TEXT NULL,
    closed_by TEXT NULL,
    minutes_state TEXT NOT NULL DEFAULT 'draft' CHECK (minutes_state IN ('draft', 'signed', 'approved', 'published')),
    version INTEGER NOT NULL DEFAULT 1
);

-- Anwesenheit per member: present (from arrives_at_item_id, NULL = from the start, to leaves_after_item_id, NULL = to the
-- end), excused (with reason) or absent. deputy_for_person_id: this person stands in for that absent member and takes the vote.
CREATE TABLE meeting_attendance (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    status TEXT NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
    absence_reason TEXT NULL,
    arrives_at_item_id INTEGER NULL REFERENCES agenda_items (id),
    leaves_after_item_id INTEGER NULL REFERENCES agenda_items (id),
    deputy_for_person_id INTEGER NULL REFERENCES persons (id),
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);

-- Befangenheit (§ 18 SächsLKrO, § 38 ThürKO): the member takes no part in this item and does not count for its quorum.
CREATE TABLE agenda_item_recusals (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    note TEXT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    PRIMARY KEY (agenda_item_id, person_id)
);

-- A member's demand that their vote or statement be recorded (§ 36 Abs. 1 Satz 3 SächsLKrO; § 42 ThürKO).
CREATE TABLE agenda_item_statements (
    id INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    kind TEXT NOT NULL CHECK (kind IN ('vote', 'statement')),
    text TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX ix_agenda_item_statements_item ON agenda_item_statements (agenda_item_id, id);

-- Namentliche Abstimmung: one vote per member; the tally is counted from these rows.
CREATE TABLE agenda_item_roll_calls (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    vote TEXT NOT NULL CHECK (vote IN ('yes', 'no', 'abstain')),
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    PRIMARY KEY (agenda_item_id, person_id)
);

-- Wahlen as their own item kind (§ 35 Abs. 7 SächsLKrO, § 39 Abs. 2 ThürKO): one election per agenda item, its candidates
-- and its ballots round by round. status: open, elected, failed (nobody elected in the last possible round).
CREATE TABLE elections (
    id INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id),
    office TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'elected', 'failed')),
    elected_person_id INTEGER NULL REFERENCES persons (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_elections_agenda_item ON elections (agenda_item_id);

CREATE TABLE election_candidates (
    election_id INTEGER NOT NULL REFERENCES elections (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    sort_order INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    PRIMARY KEY (election_id, person_id)
);

-- One ballot round. entitled_present: present and entitled when the ballot was cast; outcome: elected, run_off (a second
-- ballot between the two best is needed), lot (a tie the lot decides), not_elected. decided_by_lot: the lot named elected_person_id.
CREATE TABLE election_rounds (
    election_id INTEGER NOT NULL REFERENCES elections (id),
    round_number INTEGER NOT NULL CHECK (round_number >= 1),
    entitled_present INTEGER NOT NULL CHECK (entitled_present >= 0),
    valid_ballots INTEGER NOT NULL CHECK (valid_ballots >= 0),
    invalid_ballots INTEGER NOT NULL CHECK (invalid_ballots >= 0),
    outcome TEXT NOT NULL CHECK (outcome IN ('elected', 'run_off', 'lot', 'not_elected')),
    elected_person_id INTEGER NULL REFERENCES persons (id),
    decided_by_lot INTEGER NOT NULL DEFAULT 0 CHECK (decided_by_lot IN (0, 1)),
    citation TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    PRIMARY KEY (election_id, round_number)
);

CREATE TABLE election_round_votes (
    election_id INTEGER NOT NULL REFERENCES elections (id),
    round_number INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES persons (id),
    votes INTEGER NOT NULL CHECK (votes >= 0),
    PRIMARY KEY (election_id, round_number, person_id)
);
