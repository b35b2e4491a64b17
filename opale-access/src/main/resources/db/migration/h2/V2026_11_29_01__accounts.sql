-- Local accounts (opale-access). Passwords are stored as delegating-encoder hashes ({bcrypt}...).
CREATE TABLE account (
    username        VARCHAR(100) PRIMARY KEY,
    password_hash   VARCHAR(200) NOT NULL,
    display_name    VARCHAR(200),
    platform_admin  BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
