-- Hourly and daily rollups of ci_metric: per (ci_code, metric_name, bucket) the count, sum, min and
-- max of the samples, with the first and last sample time and the (earliest) time of the min and the
-- max, so that the Query asset's rollup variants answer avg/min/max/sum/count exactly: full buckets
-- from here, the partial edges of a range from ci_metric (see docs/estate.md, "Metric rollups").
-- Buckets are UTC hours and UTC days (date_trunc(…, 'UTC')), whatever the session's TimeZone.
--
-- Kept up to date by
--   * the importer, in the transaction of each metrics file: only the (ci_code, metric_name, hour)
--     groups the file touched, and the days holding them (PgEstateSql.ROLLUP_*);
--   * anyone else's writes: a statement-level trigger marks the (UTC hour, metric) pairs a statement
--     touched in ci_metric_rollup_pending, and a bounded periodic job (MetricRollups.refreshPending,
--     every OPS_METRIC_ROLLUP_SECONDS) recomputes them. While an hour of a range is pending for the
--     metric asked, the rollup variants read that range from ci_metric only: never a stale answer.
-- With TimescaleDB one would use two continuous aggregates (time_bucket('1 hour') / '1 day') with a
-- refresh policy and real-time aggregation instead; the embedded PostgreSQL does not have it.

CREATE TABLE IF NOT EXISTS ci_metric_hourly (
    bucket      timestamptz NOT NULL,
    ci_code     text NOT NULL,
    metric_name text NOT NULL,
    samples     bigint NOT NULL,
    sum_value   double precision NOT NULL,
    min_value   double precision NOT NULL,
    max_value   double precision NOT NULL,
    first_ts    timestamptz NOT NULL,
    last_ts     timestamptz NOT NULL,
    min_at      timestamptz NOT NULL,
    max_at      timestamptz NOT NULL,
    PRIMARY KEY (ci_code, metric_name, bucket)
);
-- Top-N and per-CI aggregates over every CI read (metric_name, bucket) ranges, index only.
CREATE INDEX IF NOT EXISTS ci_metric_hourly_name_bucket_idx ON ci_metric_hourly (metric_name, bucket)
    INCLUDE (ci_code, samples, sum_value, min_value, max_value);

CREATE TABLE IF NOT EXISTS ci_metric_daily (
    bucket      timestamptz NOT NULL,
    ci_code     text NOT NULL,
    metric_name text NOT NULL,
    samples     bigint NOT NULL,
    sum_value   double precision NOT NULL,
    min_value   double precision NOT NULL,
    max_value   double precision NOT NULL,
    first_ts    timestamptz NOT NULL,
    last_ts     timestamptz NOT NULL,
    min_at      timestamptz NOT NULL,
    max_at      timestamptz NOT NULL,
    PRIMARY KEY (ci_code, metric_name, bucket)
);
CREATE INDEX IF NOT EXISTS ci_metric_daily_name_bucket_idx ON ci_metric_daily (metric_name, bucket)
    INCLUDE (ci_code, samples, sum_value, min_value, max_value);

-- (UTC hour, metric) pairs whose rollups may be stale (written by someone other than the importer).
-- By metric too, so that the refresh reads them through the (metric_name, ts) index.
CREATE TABLE IF NOT EXISTS ci_metric_rollup_pending (
    bucket      timestamptz NOT NULL,
    metric_name text NOT NULL,
    marks       bigint NOT NULL DEFAULT 1,
    marked_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (bucket, metric_name)
);

-- The importer sets ops.metric_rollup = 'import' in its transaction and maintains the rollups itself.
-- ON CONFLICT DO UPDATE (not DO NOTHING) locks the pending row until the writer commits, so a refresh
-- skips it (FOR UPDATE SKIP LOCKED) until then and sees the writer's rows when it takes it.
CREATE OR REPLACE FUNCTION mark_metric_rollup_pending() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('ops.metric_rollup', true), '') = 'import' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
        INSERT INTO ci_metric_rollup_pending AS p (bucket, metric_name)
        SELECT DISTINCT date_trunc('hour', ts, 'UTC'), metric_name FROM new_rows
        ON CONFLICT (bucket, metric_name) DO UPDATE SET marks = p.marks + 1, marked_at = now();
    END IF;
    IF TG_OP = 'DELETE' OR TG_OP = 'UPDATE' THEN
        INSERT INTO ci_metric_rollup_pending AS p (bucket, metric_name)
        SELECT DISTINCT date_trunc('hour', ts, 'UTC'), metric_name FROM old_rows
        ON CONFLICT (bucket, metric_name) DO UPDATE SET marks = p.marks + 1, marked_at = now();
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS ci_metric_rollup_insert ON ci_metric;
CREATE TRIGGER ci_metric_rollup_insert AFTER INSERT ON ci_metric
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_metric_rollup_pending();
DROP TRIGGER IF EXISTS ci_metric_rollup_update ON ci_metric;
CREATE TRIGGER ci_metric_rollup_update AFTER UPDATE ON ci_metric
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_metric_rollup_pending();
DROP TRIGGER IF EXISTS ci_metric_rollup_delete ON ci_metric;
CREATE TRIGGER ci_metric_rollup_delete AFTER DELETE ON ci_metric
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_metric_rollup_pending();

-- Rows stored before this migration: for each metric, every hour from its first to its last sample
-- is pending, and the periodic job fills the rollups off the request path (an empty hour costs one
-- index probe). The metric names come from the (metric_name, ts) index, one probe per name.
INSERT INTO ci_metric_rollup_pending (bucket, metric_name)
WITH RECURSIVE names AS (
    (SELECT metric_name FROM ci_metric ORDER BY metric_name LIMIT 1)
    UNION ALL
    SELECT (SELECT m.metric_name FROM ci_metric m WHERE m.metric_name > n.metric_name ORDER BY m.metric_name LIMIT 1)
    FROM names n WHERE n.metric_name IS NOT NULL
)
SELECT generate_series(date_trunc('hour', s.lo, 'UTC'), date_trunc('hour', s.hi, 'UTC'), interval '1 hour'), s.metric_name
FROM (SELECT n.metric_name,
             (SELECT min(ts) FROM ci_metric m WHERE m.metric_name = n.metric_name) AS lo,
             (SELECT max(ts) FROM ci_metric m WHERE m.metric_name = n.metric_name) AS hi
      FROM names n WHERE n.metric_name IS NOT NULL) s
ON CONFLICT (bucket, metric_name) DO NOTHING;
