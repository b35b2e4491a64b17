-- SKOS thesauri (opale-thesaurus). Labels and hierarchy are small JSON documents per concept: the application reads
-- whole thesauri into memory (hierarchy lookups run for every indexed record), never queries inside them in SQL.
CREATE TABLE thesaurus (
    id               VARCHAR(100)  PRIMARY KEY,
    scheme_uri       VARCHAR(2000) NOT NULL UNIQUE,
    titles           TEXT NOT NULL,
    aliases          TEXT NOT NULL,
    source_format    VARCHAR(20)   NOT NULL,
    imported_at      TIMESTAMPTZ NOT NULL,
    concept_count    INTEGER       NOT NULL,
    usage_categories BOOLEAN       NOT NULL
);
CREATE TABLE thesaurus_concept (
    thesaurus_id VARCHAR(100)  NOT NULL REFERENCES thesaurus (id) ON DELETE CASCADE,
    uri          VARCHAR(2000) NOT NULL,
    notation     VARCHAR(500),
    pref_labels  TEXT NOT NULL,
    alt_labels   TEXT NOT NULL,
    broader      TEXT NOT NULL,
    top_concept  BOOLEAN       NOT NULL,
    PRIMARY KEY (thesaurus_id, uri)
);
