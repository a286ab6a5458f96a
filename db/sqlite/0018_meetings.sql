-- Sitzungen (OParl Meeting), Tagesordnung (AgendaItem), Einladungen and who changed what (issue #13).
-- status: planned -> invited -> held -> closed; cancelled; postponed (postponed_from keeps the first date).
-- published_at: set when the invitation is sent; only then a public meeting is shown to anonymous callers (§ 32 Abs. 4, § 32b SächsLKrO).
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    number TEXT NULL,
    meeting_date TEXT NOT NULL,
    start_time TEXT NULL,
    end_time TEXT NULL,
    room TEXT NULL,
    address TEXT NULL,
    is_public INTEGER NOT NULL DEFAULT 1 CHECK (is_public IN (0, 1)),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'invited', 'held', 'closed', 'cancelled', 'postponed')),
    postponed_from TEXT NULL,
    urgency_reason TEXT NULL,
    published_at TEXT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX ix_meetings_organization ON meetings (organization_id, meeting_date);
CREATE INDEX ix_meetings_body ON meetings (body_id, meeting_date);

-- One item of the Tagesordnung: the consultation of a paper or a template item. sort_order orders the items of one
-- part (public, non-public); is_sub makes an item a sub-item (Ö 2.1) of the top item before it. supplement: added by a Nachtrag.
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    is_public INTEGER NOT NULL CHECK (is_public IN (0, 1)),
    sort_order INTEGER NOT NULL,
    is_sub INTEGER NOT NULL DEFAULT 0 CHECK (is_sub IN (0, 1)),
    title TEXT NOT NULL,
    consultation_id INTEGER NULL REFERENCES consultations (id),
    paper_id INTEGER NULL REFERENCES papers (id),
    template_key TEXT NULL,
    supplement INTEGER NOT NULL DEFAULT 0 CHECK (supplement IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX ix_agenda_items_meeting ON agenda_items (meeting_id, is_public, sort_order);
CREATE UNIQUE INDEX ux_agenda_items_consultation ON agenda_items (consultation_id) WHERE consultation_id IS NOT NULL;

-- One invitation per invitee and dispatch (the Einladung, or a Nachtrag): channel, sent, deemed received (rule data per channel).
CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    channel TEXT NOT NULL CHECK (channel IN ('post', 'email', 'ris')),
    supplement INTEGER NOT NULL DEFAULT 0 CHECK (supplement IN (0, 1)),
    sent_at TEXT NOT NULL,
    received_on TEXT NOT NULL,
    in_time INTEGER NULL CHECK (in_time IN (0, 1)),
    urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
    delivery TEXT NOT NULL CHECK (delivery IN ('sent', 'failed')),
    delivery_error TEXT NULL,
    sent_by TEXT NOT NULL
);
CREATE INDEX ix_invitations_meeting ON invitations (meeting_id, person_id);

-- The Ladungsfrist of a body's Geschäftsordnung (§ 32 Abs. 3 Satz 2 SächsLKrO): full days between receipt and session day.
CREATE TABLE meeting_notice_settings (
    body_id INTEGER NOT NULL PRIMARY KEY REFERENCES bodies (id),
    full_days INTEGER NOT NULL CHECK (full_days >= 0),
    citation TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

-- Who changed which meeting, when, and what.
CREATE TABLE meeting_changes (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    action TEXT NOT NULL,
    summary TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
);
CREATE INDEX ix_meeting_changes_meeting ON meeting_changes (meeting_id, id);
