-- Import jobs, re-ingestion schedules, TableSchemas attached to datasets and data-quality reports (opale-ingest).
-- JSON columns are read whole with their row, never queried into.

-- One row per import. A job found 'queued' or 'running' at start-up belongs to a server that stopped: it is
-- turned 'failed' with a message, never left as a zombie.
CREATE TABLE ingest_job (
    id            VARCHAR(32)   PRIMARY KEY,
    status        VARCHAR(16)   NOT NULL,
    source_kind   VARCHAR(8)    NOT NULL,
    source_name   VARCHAR(500)  NOT NULL,
    source_url    VARCHAR(2000),
    options       TEXT,
    dataset_id    VARCHAR(32),
    collection_id VARCHAR(100),
    record_id     VARCHAR(255),
    version_number INTEGER,
    schedule_id   VARCHAR(32),
    requested_by  VARCHAR(255),
    progress      BIGINT        NOT NULL DEFAULT 0,
    messages      TEXT,
    report        TEXT,
    -- The uploaded (or downloaded) file while the job needs it; deleted when it ends, or at start-up after a crash.
    file_path     VARCHAR(2000),
    created_at    TIMESTAMPTZ NOT NULL,
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ
);
CREATE INDEX ingest_job_status ON ingest_job (status);
CREATE INDEX ingest_job_dataset ON ingest_job (dataset_id);

-- Re-ingestion of a URL on a schedule (hourly, daily, weekly or a cron expression); restored at every start.
CREATE TABLE ingest_schedule (
    id            VARCHAR(32)   PRIMARY KEY,
    url           VARCHAR(2000) NOT NULL,
    expression    VARCHAR(100)  NOT NULL,
    options       TEXT,
    dataset_id    VARCHAR(32),
    requested_by  VARCHAR(255),
    created_at    TIMESTAMPTZ NOT NULL,
    last_job_id   VARCHAR(32)
);

-- The TableSchema every import of a dataset is validated against, and what an error does.
CREATE TABLE dataset_table_schema (
    dataset_id    VARCHAR(32)   PRIMARY KEY,
    schema_json   TEXT NOT NULL,
    source_url    VARCHAR(2000),
    on_error      VARCHAR(8)    NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- The data-quality report of each published version.
CREATE TABLE dataset_report (
    dataset_id     VARCHAR(32)  NOT NULL,
    version_number INTEGER      NOT NULL,
    job_id         VARCHAR(32),
    report         TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (dataset_id, version_number)
);
