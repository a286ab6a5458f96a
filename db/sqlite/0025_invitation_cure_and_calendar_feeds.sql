-- Issue #13. A defective invitation (none, not delivered, late) is cured for a member who attends and does not object
-- (§ 35 Abs. 1 Satz 2 SächsLKrO, § 35 Abs. 3 ThürKO): the session records the objection (1) or its absence (0); NULL: not recorded.
ALTER TABLE meeting_attendance ADD COLUMN invitation_objection INTEGER NULL CHECK (invitation_objection IN (0, 1));

-- A member's personal calendar feed: only the SHA-256 of the token in its URL is stored; revoking ends the URL for good.
CREATE TABLE calendar_feeds (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    revoked_at TEXT NULL,
    revoked_by TEXT NULL
);
CREATE UNIQUE INDEX ux_calendar_feeds_token ON calendar_feeds (token_hash);
CREATE INDEX ix_calendar_feeds_user ON calendar_feeds (user_id);
