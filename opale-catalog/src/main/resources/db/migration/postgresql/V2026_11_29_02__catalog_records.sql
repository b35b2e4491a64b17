-- Catalog records (opale-catalog): the record is one JSON document; the columns are what the database and the
-- access policy must know without reading it. Queries over content go through the search index, not SQL on JSON.
CREATE TABLE catalog_record (
    id           VARCHAR(255)  PRIMARY KEY,
    kind         VARCHAR(40)   NOT NULL,
    title        VARCHAR(1000) NOT NULL,
    owner_org    VARCHAR(100),
    visibility   VARCHAR(20)   NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    modified_at  TIMESTAMPTZ   NOT NULL,
    version      BIGINT        NOT NULL,
    west         DOUBLE PRECISION,
    south        DOUBLE PRECISION,
    east         DOUBLE PRECISION,
    north        DOUBLE PRECISION,
    document     TEXT          NOT NULL,
    -- The extent as a PostGIS geometry, derived from the box so it can never disagree with it; lets SQL-side
    -- consumers (GIS desktop clients, later data joins) query records spatially with a GiST index.
    extent       geometry(Geometry, 4326) GENERATED ALWAYS AS (
                     CASE WHEN west IS NULL THEN NULL
                          ELSE ST_MakeEnvelope(west, south, east, north, 4326) END) STORED
);
CREATE INDEX catalog_record_modified ON catalog_record (modified_at DESC, id);
CREATE INDEX catalog_record_extent ON catalog_record USING gist (extent);
