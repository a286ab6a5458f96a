-- Users, their roles (chair and member roles are scoped to an organization) and API access tokens.
CREATE TABLE users (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    body_id BIGINT NULL REFERENCES bodies (id),
    username NVARCHAR(100) NOT NULL UNIQUE,
    display_name NVARCHAR(200) NOT NULL,
    password_hash NVARCHAR(400) NOT NULL,
    active BIT NOT NULL DEFAULT 1,
    failed_logins INT NOT NULL DEFAULT 0,
    locked_until NVARCHAR(40) NULL,
    version INT NOT NULL DEFAULT 1,
    created_at NVARCHAR(40) NOT NULL,
    updated_at NVARCHAR(40) NOT NULL
);

CREATE TABLE user_roles (
    id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    role NVARCHAR(20) NOT NULL CHECK (role IN ('admin', 'clerk', 'chair', 'landrat', 'member')),
    organization_id BIGINT NULL REFERENCES organizations (id)
);
CREATE UNIQUE INDEX ux_user_roles ON user_roles (user_id, role, organization_id);

CREATE TABLE access_tokens (
    token_hash CHAR(64) NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at NVARCHAR(40) NOT NULL,
    expires_at NVARCHAR(40) NOT NULL,
    revoked_at NVARCHAR(40) NULL
);
CREATE INDEX ix_access_tokens_user ON access_tokens (user_id);
