-- Users, their roles (chair and member roles are scoped to an organization) and API access tokens.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NULL REFERENCES bodies (id),
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE user_roles (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'chair', 'landrat', 'member')),
    organization_id INTEGER NULL REFERENCES organizations (id)
);
CREATE UNIQUE INDEX ux_user_roles ON user_roles (user_id, role, organization_id);

CREATE TABLE access_tokens (
    token_hash TEXT NOT NULL PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT NULL
);
CREATE INDEX ix_access_tokens_user ON access_tokens (user_id);
