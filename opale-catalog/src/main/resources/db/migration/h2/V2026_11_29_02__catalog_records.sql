-- Catalog records (opale-catalog): the record is one JSON document; the columns are what the database and the
-- access policy must know without reading it. Queries over content go through the search index, not SQL on JSON.
CREATE TABLE catalog_record (
    id           VARCHAR(255)  PRIMARY KEY,
    kind         VARCHAR(40)   NOT NULL,
    title        VARCHAR(1000) NOT NULL,
    owner_org    VARCHAR(100),
    visibility   VARCHAR(20)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT        NOT NULL,
    west         DOUBLE PRECISION,
    south        DOUBLE PRECISION,
    east         DOUBLE PRECISION,
    north        DOUBLE PRECISION,
    document     CHARACTER VARYING NOT NULL
);
CREATE INDEX catalog_record_modified ON catalog_record (modified_at DESC, id);
