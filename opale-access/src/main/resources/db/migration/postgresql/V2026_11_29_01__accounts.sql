-- Local accounts (opale-access). Passwords are stored as delegating-encoder hashes ({bcrypt}...).
-- PostGIS is enabled here, in the first migration, because later modules' tables need it; IF NOT EXISTS keeps
-- this a no-op where an administrator already created the extension (a non-superuser cannot).
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE account (
    username        VARCHAR(100) PRIMARY KEY,
    password_hash   VARCHAR(200) NOT NULL,
    display_name    VARCHAR(200),
    platform_admin  BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ  NOT NULL
);
