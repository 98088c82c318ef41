-- The operator's estate, as read by the metric/history/graph executors and written only by the
-- estate importer. Column names and types are a contract: Query assets write SQL against them.

CREATE TABLE ci (
    ci_code     text PRIMARY KEY,
    ci_name     text NOT NULL,
    ci_type     text NOT NULL,
    status      text NOT NULL,
    environment text,
    location    text,
    owner       text,
    attributes  jsonb NOT NULL DEFAULT '{}',
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ci_ci_type_idx ON ci (ci_type);
CREATE INDEX ci_status_idx ON ci (status);
CREATE INDEX ci_lower_ci_name_idx ON ci (lower(ci_name));

-- One lookup on alias_norm resolves a code, a name or an alias: the importer stores every CI's
-- code and name here too. alias_norm = lower-case, all whitespace removed (see AliasNorm).
CREATE TABLE ci_alias (
    alias      text NOT NULL,
    alias_norm text NOT NULL,
    ci_code    text NOT NULL REFERENCES ci (ci_code) ON DELETE CASCADE,
    PRIMARY KEY (alias_norm, ci_code)
);
-- Serves the ON DELETE CASCADE and "aliases of this CI" without scanning the whole table.
CREATE INDEX ci_alias_ci_code_idx ON ci_alias (ci_code);

-- Convention: for DEPENDS_ON / RUNS_ON / CONNECTS_TO the source depends on the target;
-- for HOSTS the target depends on the source.
CREATE TABLE ci_relation (
    source_ci_code text NOT NULL,
    relation_type  text NOT NULL,
    target_ci_code text NOT NULL,
    PRIMARY KEY (source_ci_code, relation_type, target_ci_code)
);
CREATE INDEX ci_relation_target_idx ON ci_relation (target_ci_code);

-- Monthly partitions ci_metric_yYYYYmMM are created by the importer for the months in a file.
CREATE TABLE ci_metric (
    ts          timestamptz NOT NULL,
    ci_code     text NOT NULL,
    metric_name text NOT NULL,
    value       double precision NOT NULL,
    PRIMARY KEY (ci_code, metric_name, ts)
) PARTITION BY RANGE (ts);
CREATE INDEX ci_metric_metric_name_ts_idx ON ci_metric (metric_name, ts);

CREATE TABLE ci_event (
    id         bigserial PRIMARY KEY,
    ts         timestamptz NOT NULL,
    ci_code    text NOT NULL,
    event_type text NOT NULL,
    severity   text NOT NULL,
    title      text NOT NULL,
    detail     text,
    UNIQUE (ci_code, ts, event_type, title)
);
CREATE INDEX ci_event_ci_code_ts_idx ON ci_event (ci_code, ts DESC);
CREATE INDEX ci_event_event_type_ts_idx ON ci_event (event_type, ts DESC);
