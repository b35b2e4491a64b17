-- Metadata quality (opale-quality): one score per record, with its criteria as JSON, and the fingerprint of the rule
-- set that computed it. No foreign key to catalog_record: modules do not reach into each other's tables; the row is
-- deleted on the catalog's RecordChanged(DELETED) event, in the same transaction.
CREATE TABLE record_quality (
    record_id         VARCHAR(255) PRIMARY KEY,
    score             INTEGER      NOT NULL,
    band              VARCHAR(20)  NOT NULL,
    criteria          CHARACTER VARYING NOT NULL,
    rules_fingerprint VARCHAR(64)  NOT NULL,
    computed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX record_quality_score ON record_quality (score, record_id);

-- The rule set every stored score was last recomputed with (one row): a different fingerprint at start means the
-- configuration changed, or the module is new to this catalog, and every record is re-scored.
CREATE TABLE quality_rule_set (
    id          INTEGER     PRIMARY KEY,
    fingerprint VARCHAR(64) NOT NULL,
    source      VARCHAR(1000) NOT NULL,
    rescored_at TIMESTAMP WITH TIME ZONE NOT NULL
);
