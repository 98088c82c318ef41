package dev.opsuite.executor.domain;

import dev.opsuite.incident.DetectorSettings;
import dev.opsuite.model.asset.PolicyAsset;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.errors.OpsException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Query template's {@code analysis}: the rows a template returned turned into its answer
 * ({@link AnomalyAnalysis} for {@code anomaly_windows}, {@link RootCauseAnalysis} for {@code root_cause},
 * {@link DependencyStatus} for {@code dependency_status}),
 * judged with the Policy's {@code anomaly} settings, and what the judgement rests on recorded in the
 * call's meta (samples judged, a series cut at the row limit, the CIs judged and left unjudged).
 */
final class AnalysisCalls {
    /** Meta: how many samples of the range had a normal to be judged against. */
    static final String JUDGED = "judged_samples";
    /** Meta of a root_cause call: the CIs judged as candidates (the symptom not counted). */
    static final String CANDIDATES_JUDGED = "candidates_judged";
    /** Meta of a root_cause call: the CIs within the plan's depth in the caller's scope (the symptom not counted). */
    static final String CANDIDATES_FOUND = "candidates_found";
    /** Meta of a root_cause call: the CIs checked before the template chose the most unusual to read (absent: the nearest). */
    static final String CANDIDATES_CHECKED = "candidates_checked";
    /** Meta of a root_cause call: true when every cause named rests on weaker evidence (none left its normal far enough). */
    static final String CAUSES_UNDER_THRESHOLD = "causes_under_threshold";
    /**
     * Meta of a root_cause call: the CIs whose series it read (the symptom and those the template chose), bound into
     * the templates after it as {@link #CAUSE_CI_CODES} — their events are read for the same CIs without choosing again.
     */
    static final String CIS_READ = "cis_read";
    /** The parameter a template after a root_cause call may declare: the CIs that call read ({@link #CIS_READ}). */
    static final String CAUSE_CI_CODES = "cause_ci_codes";
    /** Meta of an anomaly_windows call: the CIs whose series were read and judged. */
    static final String CIS_JUDGED = "cis_judged";
    /** Meta of an anomaly_windows call over a set: the CIs that match its conditions, read or not. */
    static final String CIS_FOUND = "cis_found";
    /** Meta of an anomaly_windows call: the CIs with at least one window in the range. */
    static final String CIS_WITH_WINDOWS = "cis_with_windows";
    /** Meta: the series was cut at the row limit, so the judgement rests on its first rows only. */
    static final String SERIES_TRUNCATED = "series_truncated";

    private AnalysisCalls() {
    }

    /**
     * The plan's parameters and, when a root_cause call ran before, the CIs it read ({@link #CAUSE_CI_CODES}; none
     * read: an empty list) — so that the events beside likely causes are those of the same CIs, chosen once.
     */
    static Map<String, Object> withCauseCis(Map<String, Object> params, java.util.List<ToolOutput> before) {
        for (ToolOutput o : before) {
            if (o.meta().get(CIS_READ) instanceof java.util.List<?> read) {
                params.put(CAUSE_CI_CODES, read);
            }
        }
        params.putIfAbsent(CAUSE_CI_CODES, java.util.List.of());
        return params;
    }

    /** The template's analysis over {@code rows}, or the rows themselves when it declares none. */
    static SqlPort.Tabular apply(QueryTemplate q, SqlPort.Tabular rows, Map<String, Object> bound,
                                 Map<String, Object> meta, PolicyAsset.Anomaly policySettings,
                                 Map<String, Object> planParams) {
        if (q.anomalyWindows()) {
            return anomalies(q, rows, bound, meta, policySettings);
        }
        if (q.rootCause()) {
            return causes(q, rows, bound, meta, policySettings, String.valueOf(planParams.get("ci_code")),
                    planParams.get("metric_name") instanceof String m ? m : "");
        }
        if (q.anomalyBand()) {
            DetectorSettings settings = settings(policySettings, meta);
            return analysed(q, () -> AnomalyBand.of(rows, from(q, bound, "anomaly_band"), to(q, bound, "anomaly_band"),
                    settings));
        }
        if (q.dependencyStatus()) {
            return dependencies(q, rows, bound, meta, policySettings, String.valueOf(planParams.get("ci_code")));
        }
        return rows;
    }

    /** Meta of a dependency_status call: the dependencies that need a look ("name(code)", comma-separated). */
    static final String TROUBLED = "dependencies_troubled";

    private static SqlPort.Tabular dependencies(QueryTemplate q, SqlPort.Tabular rows, Map<String, Object> bound,
                                                Map<String, Object> meta, PolicyAsset.Anomaly policySettings,
                                                String root) {
        DetectorSettings settings = settings(policySettings, meta);
        DependencyStatus.Result r = analysed(q, () -> DependencyStatus.of(rows, root, from(q, bound, "dependency_status"),
                to(q, bound, "dependency_status"), settings));
        meta.put(JUDGED, r.judged());
        meta.put(TROUBLED, String.join(", ", r.troubled()));
        meta.put(TROUBLED + "_count", r.troubled().size());
        meta.put(CANDIDATES_JUDGED, r.cis()); // a bound on the dependencies read is said as for likely causes
        found(meta, CANDIDATES_FOUND, r.found());
        seriesRead(meta, rows);
        return r.rows();
    }

    private static SqlPort.Tabular anomalies(QueryTemplate q, SqlPort.Tabular series, Map<String, Object> bound,
                                             Map<String, Object> meta, PolicyAsset.Anomaly policySettings) {
        DetectorSettings settings = settings(policySettings, meta);
        AnomalyAnalysis.Result r = analysed(q, () -> AnomalyAnalysis.of(series, from(q, bound, "anomaly_windows"),
                to(q, bound, "anomaly_windows"), settings));
        meta.put(JUDGED, r.judged());
        meta.put("samples_in_range", r.inRange());
        meta.put(CIS_JUDGED, r.cis());
        meta.put(CIS_WITH_WINDOWS, r.withWindows());
        found(meta, CIS_FOUND, r.found());
        seriesRead(meta, series);
        return r.windows();
    }

    /** Meta of a root_cause call: the symptom's onset found ("" none) and how many CIs were judged as causes. */
    private static SqlPort.Tabular causes(QueryTemplate q, SqlPort.Tabular rows, Map<String, Object> bound,
                                          Map<String, Object> meta, PolicyAsset.Anomaly policySettings, String symptom,
                                          String symptomMetric) {
        DetectorSettings settings = settings(policySettings, meta);
        RootCauseAnalysis.Result r = analysed(q, () -> RootCauseAnalysis.of(rows, symptom, symptomMetric,
                from(q, bound, "root_cause"), to(q, bound, "root_cause"), settings));
        meta.put(JUDGED, r.judged());
        meta.put("symptom_onset", r.onset());
        meta.put(CANDIDATES_JUDGED, r.cis());
        found(meta, CANDIDATES_FOUND, r.found());
        found(meta, CANDIDATES_CHECKED, r.checked());
        if (r.weakOnly()) {
            meta.put(CAUSES_UNDER_THRESHOLD, true);
        }
        int code = rows.columns().indexOf("ci_code");
        meta.put(CIS_READ, rows.rows().stream().map(row -> String.valueOf(row.get(code))).distinct().toList());
        seriesRead(meta, rows);
        return r.causes();
    }

    /** An analysis the detector refuses (a series it cannot judge) is an invalid request naming the template. */
    private static <T> T analysed(QueryTemplate q, java.util.function.Supplier<T> analysis) {
        try {
            return analysis.get();
        } catch (IllegalArgumentException e) {
            throw OpsException.invalid(q.name() + ": " + e.getMessage());
        }
    }

    /** How many CIs matched, when the template counted them (-1: it did not). */
    private static void found(Map<String, Object> meta, String key, int found) {
        if (found >= 0) {
            meta.put(key, found);
        }
    }

    /**
     * What every analysis records of the series it read: how many rows, and whether they were cut at the row limit
     * (judged on the first rows only, or the farthest CIs left out: said with the answer).
     */
    private static void seriesRead(Map<String, Object> meta, SqlPort.Tabular series) {
        meta.put("series_rows", series.rows().size());
        if (series.truncated()) {
            meta.put(SERIES_TRUNCATED, true);
        }
    }

    private static OffsetDateTime from(QueryTemplate q, Map<String, Object> bound, String analysis) {
        return time(q, bound, "time_from", analysis);
    }

    private static OffsetDateTime to(QueryTemplate q, Map<String, Object> bound, String analysis) {
        return time(q, bound, "time_to", analysis);
    }

    private static OffsetDateTime time(QueryTemplate q, Map<String, Object> bound, String param, String analysis) {
        if (bound.get(param) instanceof OffsetDateTime t) {
            return t;
        }
        throw OpsException.invalid(q.name() + ": a " + analysis + " template needs time_from and time_to");
    }

    /** The Policy's anomaly settings over the detector's defaults; changed ones are recorded with the call. */
    private static DetectorSettings settings(PolicyAsset.Anomaly policySettings, Map<String, Object> meta) {
        DetectorSettings settings;
        try {
            settings = DetectorSettings.with(policySettings.settings(), policySettings.troubleMeasures());
        } catch (IllegalArgumentException e) { // the validator refuses these on save: a Policy stored before it
            throw OpsException.invalid("the Policy's anomaly settings cannot be used: " + e.getMessage());
        }
        if (!policySettings.settings().isEmpty()) {
            meta.put("detector_settings", new TreeMap<>(policySettings.settings()).toString()); // the judgement's reference
        }
        if (policySettings.troubleMeasures() != null) {
            meta.put("trouble_measures", String.join(",", policySettings.troubleMeasures()));
        }
        return settings;
    }
}
