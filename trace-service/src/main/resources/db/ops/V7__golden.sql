-- Regression Watch: golden queries and their runs. The record itself is kept as its protobuf bytes
-- (ops.v1.GoldenQuery / ops.v1.RegressionRun); the columns beside it are what the store filters and
-- orders by.
CREATE TABLE ops.golden_queries (
    query_id     text        PRIMARY KEY,
    name         text        NOT NULL,
    tags         text[]      NOT NULL,
    bound_assets text[]      NOT NULL,
    created_at   timestamptz NOT NULL,
    body         bytea       NOT NULL
);
CREATE INDEX golden_queries_tags_idx ON ops.golden_queries USING gin (tags);

CREATE TABLE ops.regression_runs (
    run_id     text        PRIMARY KEY,
    query_id   text        NOT NULL REFERENCES ops.golden_queries (query_id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    judgment   text        NOT NULL,
    body       bytea       NOT NULL
);
CREATE INDEX regression_runs_query_idx ON ops.regression_runs (query_id, created_at DESC);
