package dev.opsuite.estate;

import java.util.List;

/**
 * The SQL of the load pass, per file kind: a staging table (ON COMMIT DROP, column order = the
 * kind's {@link RowMapper} output after a leading source line number) and the upserts from it.
 * Every upsert only touches rows whose values differ, so re-importing a file changes nothing.
 */
final class PgEstateSql {
    private PgEstateSql() {}

    static String stagingTable(FileKind kind) {
        return "estate_stage_" + kind.wireName();
    }

    static String createStaging(FileKind kind) {
        String columns = switch (kind) {
            case CIS -> "ci_code text, ci_name text, ci_type text, status text, environment text, location text,"
                    + " owner text, attributes jsonb, code_norm text, name_norm text, aliases text, aliases_norm text";
            case RELATIONS -> "source_ci_code text, relation_type text, target_ci_code text";
            case METRICS -> "ts timestamptz, ci_code text, metric_name text, value double precision";
            case EVENTS -> "ts timestamptz, ci_code text, event_type text, severity text, title text, detail text";
        };
        return "CREATE TEMP TABLE " + stagingTable(kind) + " (line bigint, " + columns + ") ON COMMIT DROP";
    }

    static String copy(FileKind kind) {
        return "COPY " + stagingTable(kind) + " FROM STDIN (FORMAT text)";
    }

    /** Statements run in order after COPY; the update counts of those marked counted are summed. */
    record Step(String sql, boolean counted) {}

    static List<Step> upserts(FileKind kind) {
        return switch (kind) {
            case CIS -> List.of(new Step(UPSERT_CI, true), new Step(STAGE_ALIASES, false),
                    new Step(DELETE_STALE_ALIASES, false), new Step(UPSERT_ALIASES, false));
            case RELATIONS -> List.of(new Step(INSERT_RELATIONS, true));
            case METRICS -> List.of(new Step(UPSERT_METRICS, true)); // see PgEstateLoader: may be INSERT_NEW_METRICS
            case EVENTS -> List.of(new Step(UPDATE_EVENTS, true), new Step(INSERT_EVENTS, true));
        };
    }

    /** After a unique or cardinality violation: the first line that repeats another line's key. */
    static final String FIRST_DUPLICATE_METRIC = "SELECT max(line) AS dup, min(line) AS first"
            + " FROM estate_stage_metrics GROUP BY ci_code, metric_name, ts HAVING count(*) > 1 ORDER BY 1 LIMIT 1";

    private static final String UPSERT_CI = """
            INSERT INTO ci AS c (ci_code, ci_name, ci_type, status, environment, location, owner, attributes, updated_at)
            SELECT ci_code, ci_name, ci_type, status, environment, location, owner, attributes, now()
            FROM estate_stage_cis
            ON CONFLICT (ci_code) DO UPDATE SET ci_name = EXCLUDED.ci_name, ci_type = EXCLUDED.ci_type,
                status = EXCLUDED.status, environment = EXCLUDED.environment, location = EXCLUDED.location,
                owner = EXCLUDED.owner, attributes = EXCLUDED.attributes, updated_at = now()
            WHERE (c.ci_name, c.ci_type, c.status, c.environment, c.location, c.owner, c.attributes)
                IS DISTINCT FROM (EXCLUDED.ci_name, EXCLUDED.ci_type, EXCLUDED.status, EXCLUDED.environment,
                                  EXCLUDED.location, EXCLUDED.owner, EXCLUDED.attributes)""";

    // Code and name are aliases too, so one lookup on alias_norm resolves all three; when two
    // spellings share a norm ("결제 서비스" / "결제서비스") the first one listed is kept.
    private static final String STAGE_ALIASES = """
            CREATE TEMP TABLE estate_stage_alias ON COMMIT DROP AS
            SELECT DISTINCT ON (alias_norm, ci_code) alias, alias_norm, ci_code FROM (
                SELECT ci_code, ci_code AS alias, code_norm AS alias_norm, 0::bigint AS ord FROM estate_stage_cis
                UNION ALL
                SELECT ci_code, ci_name, name_norm, 1 FROM estate_stage_cis
                UNION ALL
                SELECT s.ci_code, a.alias, a.norm, 1 + a.ord
                FROM estate_stage_cis s,
                     unnest(string_to_array(s.aliases, '|'), string_to_array(s.aliases_norm, '|'))
                         WITH ORDINALITY AS a(alias, norm, ord)
                WHERE s.aliases IS NOT NULL
            ) x
            WHERE alias_norm <> ''
            ORDER BY alias_norm, ci_code, ord""";

    // The file is authoritative for the aliases of the CIs it lists.
    private static final String DELETE_STALE_ALIASES = """
            DELETE FROM ci_alias a USING estate_stage_cis s
            WHERE a.ci_code = s.ci_code
              AND NOT EXISTS (SELECT 1 FROM estate_stage_alias n
                              WHERE n.ci_code = a.ci_code AND n.alias_norm = a.alias_norm)""";

    private static final String UPSERT_ALIASES = """
            INSERT INTO ci_alias AS a (alias, alias_norm, ci_code)
            SELECT alias, alias_norm, ci_code FROM estate_stage_alias
            ON CONFLICT (alias_norm, ci_code) DO UPDATE SET alias = EXCLUDED.alias
            WHERE a.alias IS DISTINCT FROM EXCLUDED.alias""";

    private static final String INSERT_RELATIONS = """
            INSERT INTO ci_relation (source_ci_code, relation_type, target_ci_code)
            SELECT source_ci_code, relation_type, target_ci_code FROM estate_stage_relations
            ON CONFLICT DO NOTHING""";

    /** Can the file's period hold stored rows? Probes the (metric_name, ts) index once per name. */
    static final String METRICS_OVERLAP = "SELECT EXISTS (SELECT 1 FROM ci_metric"
            + " WHERE metric_name = ANY (?) AND ts BETWEEN ? AND ?)";

    /**
     * A period nothing is stored for yet (the usual first import) needs no conflict handling;
     * ON CONFLICT costs about a third of the insert time on millions of rows.
     */
    static final String INSERT_NEW_METRICS = """
            INSERT INTO ci_metric (ts, ci_code, metric_name, value)
            SELECT ts, ci_code, metric_name, value FROM estate_stage_metrics""";

    static final String UPSERT_METRICS = """
            INSERT INTO ci_metric AS m (ts, ci_code, metric_name, value)
            SELECT ts, ci_code, metric_name, value FROM estate_stage_metrics
            ON CONFLICT (ci_code, metric_name, ts) DO UPDATE SET value = EXCLUDED.value
            WHERE m.value IS DISTINCT FROM EXCLUDED.value""";

    // Events are updated and inserted separately: an INSERT ... ON CONFLICT would draw a bigserial
    // id for every re-imported row. The last occurrence of a key in the file wins.
    private static final String LAST_EVENTS = """
            SELECT DISTINCT ON (ci_code, ts, event_type, title) ts, ci_code, event_type, severity, title, detail
            FROM estate_stage_events ORDER BY ci_code, ts, event_type, title, line DESC""";

    private static final String UPDATE_EVENTS = "WITH s AS (" + LAST_EVENTS + """
            )
            UPDATE ci_event e SET severity = s.severity, detail = s.detail FROM s
            WHERE e.ci_code = s.ci_code AND e.ts = s.ts AND e.event_type = s.event_type AND e.title = s.title
              AND (e.severity, e.detail) IS DISTINCT FROM (s.severity, s.detail)""";

    private static final String INSERT_EVENTS = "WITH s AS (" + LAST_EVENTS + """
            )
            INSERT INTO ci_event (ts, ci_code, event_type, severity, title, detail)
            SELECT ts, ci_code, event_type, severity, title, detail FROM s
            WHERE NOT EXISTS (SELECT 1 FROM ci_event e WHERE e.ci_code = s.ci_code AND e.ts = s.ts
                              AND e.event_type = s.event_type AND e.title = s.title)
            ON CONFLICT DO NOTHING""";
}
