-- Row and column rules of a dataset (opale-data). row_rule: a CQL2 text predicate tying a column to an attribute of
-- the reader (code_insee IN reader.organisations.insee), validated when written, parsed once and bound per reader;
-- NULL = every reader sees every row. hidden_columns: a JSON array of column names hidden from readers who are not
-- members of the owner organisation. No row here = no rule.
CREATE TABLE dataset_rule (
    dataset_id      VARCHAR(32)   PRIMARY KEY REFERENCES dataset (id) ON DELETE CASCADE,
    row_rule        VARCHAR(2000),
    hidden_columns  VARCHAR(8000) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(255)
);
