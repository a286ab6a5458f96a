-- Sitzungen (OParl Meeting), Tagesordnung (AgendaItem), Einladungen and who changed what (issue #13).
-- status: planned -> invited -> held -> closed; cancelled; postponed (postponed_from keeps the first date).
-- published_at: set when the invitation is sent; only then a public meeting is shown to anonymous callers (§ 32 Abs. 4, § 32b SächsLKrO).
CREATE TABLE meetings (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    number NVARCHAR(400) NULL,
    meeting_date NVARCHAR(400) NOT NULL,
    start_time NVARCHAR(400) NULL,
    end_time NVARCHAR(400) NULL,
    room NVARCHAR(400) NULL,
    address NVARCHAR(2000) NULL,
    is_public BIT NOT NULL DEFAULT 1,
    status NVARCHAR(400) NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'invited', 'held', 'closed', 'cancelled', 'postponed')),
    postponed_from NVARCHAR(400) NULL,
    urgency_reason NVARCHAR(2000) NULL,
    published_at NVARCHAR(400) NULL,
    version INT NOT NULL DEFAULT 1,
    created_at NVARCHAR(400) NOT NULL,
    created_by NVARCHAR(400) NOT NULL,
    updated_at NVARCHAR(400) NOT NULL,
    updated_by NVARCHAR(400) NOT NULL
);
CREATE INDEX ix_meetings_organization ON meetings (organization_id, meeting_date);
CREATE INDEX ix_meetings_body ON meetings (body_id, meeting_date);

-- One item of the Tagesordnung: the consultation of a paper or a template item. sort_order orders the items of one
-- part (public, non-public); is_sub makes an item a sub-item (Ö 2.1) of the top item before it. supplement: added by a Nachtrag.
CREATE TABLE agenda_items (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    is_public BIT NOT NULL,
    sort_order INT NOT NULL,
    is_sub BIT NOT NULL DEFAULT 0,
    title NVARCHAR(2000) NOT NULL,
    consultation_id BIGINT NULL REFERENCES consultations (id),
    paper_id BIGINT NULL REFERENCES papers (id),
    template_key NVARCHAR(400) NULL,
    supplement BIT NOT NULL DEFAULT 0,
    created_at NVARCHAR(400) NOT NULL,
    created_by NVARCHAR(400) NOT NULL
);
CREATE INDEX ix_agenda_items_meeting ON agenda_items (meeting_id, is_public, sort_order);
CREATE UNIQUE INDEX ux_agenda_items_consultation ON agenda_items (consultation_id) WHERE consultation_id IS NOT NULL;

-- One invitation per invitee and dispatch (the Einladung, or a Nachtrag): channel, sent, deemed received (rule data per channel).
CREATE TABLE invitations (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    person_id BIGINT NOT NULL REFERENCES persons (id),
    channel NVARCHAR(400) NOT NULL CHECK (channel IN ('post', 'email', 'ris')),
    supplement BIT NOT NULL DEFAULT 0,
    sent_at NVARCHAR(400) NOT NULL,
    received_on NVARCHAR(400) NOT NULL,
    in_time BIT NULL,
    urgent BIT NOT NULL DEFAULT 0,
    delivery NVARCHAR(400) NOT NULL CHECK (delivery IN ('sent', 'failed')),
    delivery_error NVARCHAR(2000) NULL,
    sent_by NVARCHAR(400) NOT NULL
);
CREATE INDEX ix_invitations_meeting ON invitations (meeting_id, person_id);

-- The Ladungsfrist of a body's Geschäftsordnung (§ 32 Abs. 3 Satz 2 SächsLKrO): full days between receipt and session day.
CREATE TABLE meeting_notice_settings (
    body_id BIGINT NOT NULL PRIMARY KEY REFERENCES bodies (id),
    full_days INT NOT NULL CHECK (full_days >= 0),
    citation NVARCHAR(2000) NOT NULL,
    updated_at NVARCHAR(400) NOT NULL,
    updated_by NVARCHAR(400) NOT NULL
);

-- Who changed which meeting, when, and what.
CREATE TABLE meeting_changes (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    action NVARCHAR(400) NOT NULL,
    summary NVARCHAR(2000) NOT NULL,
    changed_at NVARCHAR(400) NOT NULL,
    changed_by NVARCHAR(400) NOT NULL
);
CREATE INDEX ix_meeting_changes_meeting ON meeting_changes (meeting_id, id);
