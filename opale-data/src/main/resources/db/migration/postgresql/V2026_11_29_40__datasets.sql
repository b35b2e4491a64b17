-- Dataset registry (opale-data). A dataset's rows live in tables of their own, one per version
-- (ds_<dataset id>_v<n>, created by the loader, never by Flyway); these tables say which versions exist, which one
-- is served (dataset.current_version, switched in one transaction) and what each version's columns are.
CREATE TABLE dataset (
    id               VARCHAR(32)  PRIMARY KEY,
    slug             VARCHAR(100) NOT NULL UNIQUE,
    record_id        VARCHAR(255),
    current_version  INTEGER,
    -- Highest version number ever handed out: numbers (hence table names) are never reused, even after pruning.
    last_version     INTEGER      NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX dataset_record ON dataset (record_id);

-- Former slugs of renamed datasets: they keep resolving (OGC clients keep working, answered with a redirect) and
-- are never given to another dataset.
CREATE TABLE dataset_slug_alias (
    slug        VARCHAR(100) PRIMARY KEY,
    dataset_id  VARCHAR(32)  NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE dataset_version (
    dataset_id     VARCHAR(32)   NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    version_number INTEGER       NOT NULL,
    table_name     VARCHAR(63)   NOT NULL UNIQUE,
    status         VARCHAR(20)   NOT NULL,
    row_count      BIGINT        NOT NULL DEFAULT 0,
    -- Column list as JSON [{"name","title","type"}]: read with the version, never queried into.
    columns        TEXT          NOT NULL,
    geometry_kind  VARCHAR(30),
    source_crs     VARCHAR(100),
    west           DOUBLE PRECISION,
    south          DOUBLE PRECISION,
    east           DOUBLE PRECISION,
    north          DOUBLE PRECISION,
    content_hash   VARCHAR(128),
    created_at     TIMESTAMPTZ   NOT NULL,
    finished_at    TIMESTAMPTZ,
    message        VARCHAR(2000),
    PRIMARY KEY (dataset_id, version_number)
);
CREATE INDEX dataset_version_status ON dataset_version (status);
