package dev.opsuite.estate;

/**
 * The SQL keeping ci_metric_hourly and ci_metric_daily (migration V5) equal to ci_metric: per
 * (ci_code, metric_name, UTC hour or day) the count, sum, min and max of the samples, their first
 * and last time and the earliest time of the min and of the max.
 *
 * <p>Both paths first build {@code estate_stage_hourly} (the recomputed hourly rows, ON COMMIT DROP)
 * and then apply it: {@link #UPSERT_HOURLY}, then the days holding those hours from the hourly table
 * ({@link #UPSERT_DAILY_OF_STAGED}).
 */
final class RollupSql {
    private RollupSql() {}

    /** The columns of both rollup tables, in order. */
    static final String COLUMNS = "bucket, ci_code, metric_name, samples, sum_value, min_value, max_value, first_ts,"
            + " last_ts, min_at, max_at";

    /** The aggregate of raw rows {@code m} per hour; the caller adds FROM/WHERE/GROUP BY. */
    private static final String HOURLY_OF_RAW = """
            SELECT date_trunc('hour', m.ts, 'UTC') AS bucket, m.ci_code, m.metric_name, count(*) AS samples,
                   sum(m.value) AS sum_value, min(m.value) AS min_value, max(m.value) AS max_value,
                   min(m.ts) AS first_ts, max(m.ts) AS last_ts,
                   (array_agg(m.ts ORDER BY m.value, m.ts))[1] AS min_at,
                   (array_agg(m.ts ORDER BY m.value DESC, m.ts))[1] AS max_at""";

    /**
     * Import, when no stored row shares an hour with the file (checked before its insert): the file's
     * rows are all there is in the hours it touches.
     */
    static final String STAGE_HOURLY_FROM_FILE = "CREATE TEMP TABLE estate_stage_hourly ON COMMIT DROP AS "
            + HOURLY_OF_RAW + " FROM estate_stage_metrics m GROUP BY 1, 2, 3";

    /** Import, otherwise: the (ci_code, metric_name, hour) groups the file touched, read back from ci_metric. */
    static final String STAGE_HOURLY_OF_TOUCHED = "CREATE TEMP TABLE estate_stage_hourly ON COMMIT DROP AS "
            + HOURLY_OF_RAW + """
             FROM (SELECT DISTINCT ci_code, metric_name, date_trunc('hour', ts, 'UTC') AS bucket
                   FROM estate_stage_metrics) g
            JOIN ci_metric m ON m.ci_code = g.ci_code AND m.metric_name = g.metric_name
                AND m.ts >= g.bucket AND m.ts < g.bucket + interval '1 hour'
            GROUP BY 1, 2, 3""";

    /** Refresh: every CI's group of the given (UTC hour, metric) pairs (? timestamptz[], ? text[]), from ci_metric. */
    static final String STAGE_HOURLY_OF_PAIRS = "CREATE TEMP TABLE estate_stage_hourly ON COMMIT DROP AS "
            + HOURLY_OF_RAW + """
             FROM unnest(CAST(? AS timestamptz[]), CAST(? AS text[])) AS g(bucket, metric_name)
            JOIN ci_metric m ON m.metric_name = g.metric_name
                AND m.ts >= g.bucket AND m.ts < g.bucket + interval '1 hour'
            GROUP BY 1, 2, 3""";

    /** Refresh: the pairs' hourly rows go first (an hour whose rows were all deleted keeps none). */
    static final String DELETE_HOURLY_OF_PAIRS = "DELETE FROM ci_metric_hourly h"
            + " USING unnest(CAST(? AS timestamptz[]), CAST(? AS text[])) AS g(bucket, metric_name)"
            + " WHERE h.bucket = g.bucket AND h.metric_name = g.metric_name";

    /** Refresh: the (day, metric) pairs holding those hours are rebuilt whole from the hourly table. */
    private static final String DAYS_OF_PAIRS = "SELECT DISTINCT date_trunc('day', b, 'UTC') AS day, n AS metric_name"
            + " FROM unnest(CAST(? AS timestamptz[]), CAST(? AS text[])) AS p(b, n)";

    static final String DELETE_DAILY_OF_PAIRS = "DELETE FROM ci_metric_daily d USING (" + DAYS_OF_PAIRS + ") g"
            + " WHERE d.bucket = g.day AND d.metric_name = g.metric_name";

    static final String UPSERT_HOURLY = "INSERT INTO ci_metric_hourly AS r (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM estate_stage_hourly ON CONFLICT (ci_code, metric_name, bucket) DO UPDATE SET"
            + " samples = EXCLUDED.samples, sum_value = EXCLUDED.sum_value, min_value = EXCLUDED.min_value,"
            + " max_value = EXCLUDED.max_value, first_ts = EXCLUDED.first_ts, last_ts = EXCLUDED.last_ts,"
            + " min_at = EXCLUDED.min_at, max_at = EXCLUDED.max_at";

    /** Import: the (ci_code, metric_name, day) groups of the staged hours, from the whole day's hourly rows. */
    static final String UPSERT_DAILY_OF_STAGED = """
            INSERT INTO ci_metric_daily AS r (%s)
            SELECT g.day, h.ci_code, h.metric_name, CAST(sum(h.samples) AS bigint), sum(h.sum_value),
                   min(h.min_value), max(h.max_value), min(h.first_ts), max(h.last_ts),
                   (array_agg(h.min_at ORDER BY h.min_value, h.min_at))[1],
                   (array_agg(h.max_at ORDER BY h.max_value DESC, h.max_at))[1]
            FROM (SELECT DISTINCT ci_code, metric_name, date_trunc('day', bucket, 'UTC') AS day
                  FROM estate_stage_hourly) g
            JOIN ci_metric_hourly h ON h.ci_code = g.ci_code AND h.metric_name = g.metric_name
                AND h.bucket >= g.day AND h.bucket < g.day + interval '1 day'
            GROUP BY g.day, h.ci_code, h.metric_name
            ON CONFLICT (ci_code, metric_name, bucket) DO UPDATE SET
                samples = EXCLUDED.samples, sum_value = EXCLUDED.sum_value, min_value = EXCLUDED.min_value,
                max_value = EXCLUDED.max_value, first_ts = EXCLUDED.first_ts, last_ts = EXCLUDED.last_ts,
                min_at = EXCLUDED.min_at, max_at = EXCLUDED.max_at""".formatted(COLUMNS);

    /** Refresh: every CI's group of those (day, metric) pairs, from the hourly table. */
    static final String INSERT_DAILY_OF_PAIRS = """
            INSERT INTO ci_metric_daily (%s)
            SELECT g.day, h.ci_code, h.metric_name, CAST(sum(h.samples) AS bigint), sum(h.sum_value),
                   min(h.min_value), max(h.max_value), min(h.first_ts), max(h.last_ts),
                   (array_agg(h.min_at ORDER BY h.min_value, h.min_at))[1],
                   (array_agg(h.max_at ORDER BY h.max_value DESC, h.max_at))[1]
            FROM (%s) g
            JOIN ci_metric_hourly h ON h.metric_name = g.metric_name
                AND h.bucket >= g.day AND h.bucket < g.day + interval '1 day'
            GROUP BY g.day, h.ci_code, h.metric_name""".formatted(COLUMNS, DAYS_OF_PAIRS);

    /**
     * Does any stored row share a UTC hour with the file's span? One probe of the (metric_name, ts)
     * index per name; ? = names, first hour, end of the last hour.
     */
    static final String STORED_IN_HOURS = "SELECT EXISTS (SELECT 1 FROM ci_metric"
            + " WHERE metric_name = ANY (?) AND ts >= date_trunc('hour', CAST(? AS timestamptz), 'UTC')"
            + " AND ts < date_trunc('hour', CAST(? AS timestamptz), 'UTC') + interval '1 hour')";

    /**
     * The importer's transaction keeps the rollups itself: the pending-hours trigger leaves its
     * statements alone (V5's mark_metric_rollup_pending reads this setting).
     */
    static final String IMPORT_KEEPS_ROLLUPS = "SET LOCAL ops.metric_rollup = 'import'";

    /** The CIs deleted by the importer (`./ops demo remove`) leave the rollups with them. */
    static final String DELETE_HOURLY_OF_CIS = "DELETE FROM ci_metric_hourly WHERE ci_code = ANY(?)";
    static final String DELETE_DAILY_OF_CIS = "DELETE FROM ci_metric_daily WHERE ci_code = ANY(?)";

    /**
     * Takes up to ? pending (hour, metric) pairs, oldest first; a row a writer still holds (its trigger
     * updated it and it has not committed) is skipped and stays for the next run.
     */
    static final String TAKE_PENDING = """
            DELETE FROM ci_metric_rollup_pending WHERE (bucket, metric_name) IN (
                SELECT bucket, metric_name FROM ci_metric_rollup_pending ORDER BY bucket, metric_name LIMIT ?
                FOR UPDATE SKIP LOCKED)
            RETURNING bucket, metric_name""";
}
