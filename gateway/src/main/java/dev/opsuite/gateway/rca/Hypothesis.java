package dev.opsuite.gateway.rca;

import java.util.List;
import java.util.Map;

/**
 * One candidate explanation, scored 0..1 by the rule that made it (never by a model), with where in
 * the trace its evidence is, how to check it, and what to change.
 */
public record Hypothesis(String rule, String title, double score, String description, List<Evidence> evidence,
                         List<Step> verification, List<Fix> fixes) {

    /** A path into the trace (JSON, as GET /ops/traces/{id} shows it) and what was there. */
    public record Evidence(String stage, String path, String observed, Object fragment) {}

    /** A request to run that confirms or refutes the hypothesis. */
    public record Step(String description, String method, String endpoint, Map<String, Object> request) {}

    /** An asset (as the trace applied it) and the field to look at. */
    public record Fix(String assetType, String asset, String field, String suggestion) {}

    Hypothesis withScore(double s, String note) {
        return new Hypothesis(rule, title, s, note == null ? description : description + " " + note, evidence,
                verification, fixes);
    }
}
