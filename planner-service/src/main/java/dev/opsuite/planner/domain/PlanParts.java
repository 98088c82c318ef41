package dev.opsuite.planner.domain;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import dev.opsuite.planner.domain.understand.Claim;
import dev.opsuite.planner.domain.understand.EntityDictionary;
import dev.opsuite.planner.domain.understand.Folding;
import dev.opsuite.planner.domain.understand.LinkedEntity;
import dev.opsuite.planner.domain.understand.Signals;
import dev.opsuite.planner.domain.understand.Understanding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles plans from the parts a question named: the CIs (resolved, ambiguous with candidates,
 * or — with no dictionary — mentions for EXECUTE to resolve), filters, specs, and the record of how
 * the question was read (claims, linked CIs with scores, unexplained words, confidence).
 */
final class PlanParts {
    private final Understanding u;
    private final Signals s;
    private final String entity;
    private final List<String> unused = new ArrayList<>();

    PlanParts(Understanding u, Signals s, String entity) {
        this.u = u;
        this.s = s;
        this.entity = entity;
    }

    /** A plan being put together; {@link #plan()} settles the CIs it names. */
    final class Draft {
        private final Intent intent;
        private final View view;
        private final List<LinkedEntity> ents;
        private final List<PlanModel.Filter> filters;
        private final PlanModel.Graph graph;
        private final PlanModel.Metric metric;
        private final PlanModel.History history;
        private final List<String> blocks;
        private List<String> fields = List.of();
        private boolean count;
        private boolean compare;

        Draft(Intent intent, View view, List<LinkedEntity> ents, List<PlanModel.Filter> filters, PlanModel.Graph graph,
              PlanModel.Metric metric, PlanModel.History history, List<String> blocks) {
            this.intent = intent;
            this.view = view;
            this.ents = ents;
            this.filters = filters;
            this.graph = graph;
            this.metric = metric;
            this.history = history;
            this.blocks = blocks;
        }

        Draft withFields(List<String> f) {
            this.fields = f;
            return this;
        }

        Draft counted() {
            this.count = true;
            return this;
        }

        Draft compared() {
            this.compare = true;
            return this;
        }

        PlanModel plan() {
            String code = "";
            String name = "";
            List<String> codes = new ArrayList<>();
            List<PlanModel.Candidate> candidates = new ArrayList<>();
            PlanModel.Secondary secondary = null;
            int used = intent == Intent.PATH ? 2 : compare ? ents.size() : 1;
            for (int i = 0; i < ents.size(); i++) {
                LinkedEntity e = ents.get(i);
                if (i >= used) {
                    unused.add(e.mention());
                    continue;
                }
                if (!e.resolved()) {
                    e.candidates().forEach(c -> candidates.add(new PlanModel.Candidate(c.ciCode(), c.ciName(),
                            c.ciType(), e.rank().name().toLowerCase(java.util.Locale.ROOT) + ":" + e.mention())));
                    continue;
                }
                if (intent == Intent.PATH && i == 1) {
                    secondary = new PlanModel.Secondary(e.entity().ciCode(), List.of(), List.of(), e.entity().ciName());
                } else if (code.isEmpty()) {
                    code = e.entity().ciCode();
                    name = e.entity().ciName();
                }
                if (compare && !codes.contains(e.entity().ciCode())) {
                    codes.add(e.entity().ciCode());
                }
            }
            // names to resolve at EXECUTE: with no dictionary every unexplained word may be one; with one,
            // only name-shaped words it does not know ("쌍둥이서버" just imported, "payment-db" misspelt)
            List<String> mentions = !ents.isEmpty() ? List.of()
                    : !u.dictionaryUsed() && (needsEntity() || !u.unexplained().isEmpty()) ? fallbackMentions()
                    : u.nameShaped().stream().map(PlanParts::norm).toList();
            List<String> missing = new ArrayList<>();
            if (!candidates.isEmpty()) {
                code = "";
                missing.add("primary.ci");
            } else if (needsEntity() && code.isEmpty() && mentions.isEmpty()) {
                missing.add("primary.ci");
            }
            PlanModel.Primary primary = new PlanModel.Primary(entity, code, mentions, filters, List.of(), 0, 0,
                    compare ? codes : List.of(), fields, name);
            PlanModel.Output output = new PlanModel.Output(blocks, blocks.get(0), count);
            return new PlanModel(intent, view, primary, secondary, graph, metric, history, output, u.language(),
                    missing, candidates, "", List.of(), Map.of(), List.of());
        }

        private boolean needsEntity() {
            return intent == Intent.LOOKUP || intent == Intent.EXPAND || intent == Intent.PATH
                    || intent == Intent.AGGREGATE && (metric == null || metric.topN() == 0);
        }
    }

    Draft plan(Intent intent, View view, List<LinkedEntity> ents, List<PlanModel.Filter> filters, PlanModel.Graph graph,
               PlanModel.Metric metric, PlanModel.History history, List<String> blocks) {
        return new Draft(intent, view, ents, filters, graph, metric, history, blocks);
    }

    /** SEARCH: the words nobody else claimed are what to look for in names. */
    PlanModel search(List<PlanModel.Filter> filters) {
        List<String> keywords = u.unexplained().stream().map(PlanParts::norm).filter(k -> !k.isEmpty()).toList();
        PlanModel.Primary primary = new PlanModel.Primary(entity, "", List.of(), filters, keywords, 0, 0);
        return new PlanModel(Intent.SEARCH, View.SUMMARY, primary, null, null, null, null,
                new PlanModel.Output(List.of("text", "table"), "text"), u.language(), List.of(), List.of(), "");
    }

    /**
     * Without a dictionary (or when nothing linked) the unexplained words are the names EXECUTE
     * tries to resolve: every run of up to three words that holds one of them, in alias form
     * (folded, no spaces) — "payment service" and "payment" alike; only real names match there.
     */
    List<String> fallbackMentions() {
        // words that may be part of a name: unexplained ones, and type/filter/metric words beside them
        java.util.Set<String> nameParts = java.util.Set.of("enum", "entity_type", "value", "metric", "field");
        List<List<dev.opsuite.planner.domain.understand.Token>> runs = new ArrayList<>();
        List<dev.opsuite.planner.domain.understand.Token> run = new ArrayList<>();
        for (var t : u.analyzed().tokens()) {
            var span = new dev.opsuite.planner.domain.understand.Span(t.start(), t.end());
            boolean part = !t.function() && u.claims().stream().filter(c -> c.span().overlaps(span))
                    .allMatch(c -> nameParts.contains(c.kind()));
            if (part) {
                run.add(t);
            } else if (!t.function() || !run.isEmpty() && !t.pos().equals("J")) {
                runs.add(run);
                run = new ArrayList<>();
            }
        }
        runs.add(run);
        List<String> out = new ArrayList<>();
        for (int len = 3; len >= 1; len--) {
            for (List<dev.opsuite.planner.domain.understand.Token> r : runs) {
                for (int i = 0; i + len <= r.size(); i++) {
                    String text = u.analyzed().text().substring(r.get(i).start(), r.get(i + len - 1).end());
                    boolean hasUnexplained = u.unexplained().stream().anyMatch(w -> text.contains(w) || w.contains(text));
                    String m = norm(text);
                    if (hasUnexplained && m.length() >= 2 && !out.contains(m)) {
                        out.add(m);
                    }
                }
            }
        }
        return out.stream().limit(24).toList();
    }

    /** A mention the plan does not use: listed as not understood. */
    void setAside(String mention) {
        unused.add(mention);
    }

    static String norm(String s) {
        return Folding.fold(s).replaceAll("\\s+", "");
    }

    /** The plan with the question as read, the words nobody claimed, and the reading record. */
    PlanModel finish(PlanModel p, String normalizedQuestion, java.time.OffsetDateTime now) {
        List<String> unexplained = new ArrayList<>(u.unexplained());
        if (p.intent() == Intent.SEARCH || p.documents().enabled()) {
            unexplained.clear(); // they are the search terms (of the CIs, or of the documents)
        } else if (!p.primary().mentions().isEmpty()) {
            unexplained.removeIf(w -> p.primary().mentions().contains(norm(w)));
        }
        unused.forEach(m -> unexplained.add(m));
        s.dropped().forEach(m -> unexplained.add(m));
        // "when …?" is understood only by an answer that gives a time: events, or one sample of a measure
        // (its maximum, minimum or last, with the time it was taken)
        boolean measure = !p.metric().metricName().isEmpty();
        boolean timed = p.history().enabled() || p.metric().agg().equals(PlanModel.Metric.ANOMALY)
                || measure && p.metric().topN() == 0
                && (java.util.Set.of("max", "min", "last", PlanModel.Metric.ANOMALY).contains(p.metric().agg())
                || p.metric().agg().equals("count") && p.metric().threshold() != null); // first and last over it
        if (!timed) {
            u.of("when").forEach(c -> unexplained.add(c.text()));
        }
        // an aggregation word with no measure to apply it to ("how many samples does X
        // have") is not understood, nor one the answer does not give ("최소값과 최대값" answers one of them);
        // a superlative that orders ("highest") is the ranking's own word
        List<Claim> tops = u.of("top");
        for (Claim c : u.of("agg")) {
            boolean ordering = tops.stream().anyMatch(t -> t.span().overlaps(c.span()));
            boolean used = measure && (s.statistic(c.value()).equals(p.metric().agg()) || ordering
                    || c.value().equals("last") && p.metric().agg().equals("latest"));
            // a count answers "count", "total", "how many times" of the things it counts
            if (!used && !p.history().enabled() && !p.output().count()) {
                unexplained.add(c.text());
            }
        }
        // a trend word the answer gives no series for ("for the weekly: … average CPU on Monday") is not understood
        if (p.metric().bucket().isEmpty()) {
            u.of("trend").forEach(c -> unexplained.add(c.text()));
        }
        // a threshold with no measure to apply it to ("when was X above 90%?" naming no metric) is not understood
        if (!measure) {
            u.of("threshold").forEach(c -> unexplained.add(c.text()));
        }
        // a time the answer does not use is not understood: attributes, lists and graphs are as they are now
        // ("how was X doing yesterday evening" answers X's attributes, so "yesterday evening" is said unread)
        if (u.time().present() && !measure && !p.history().enabled()
                && !p.metric().agg().equals(PlanModel.Metric.ANOMALY)) { // (every measure's windows use it)
            u.time().spans().forEach(sp -> unexplained.add(u.analyzed().span(sp.start(), sp.end())));
        }
        // a word of the unusual that the answer looks neither for windows nor for events with ("CPU anomalies of
        // web-01 and db-07": several CIs are compared on the measure itself) is not understood, and said
        if (!p.metric().agg().equals(PlanModel.Metric.ANOMALY) && !p.history().enabled()) {
            u.of("intent").stream().filter(c -> c.value().equals("anomaly")
                    || c.value().equals(AnomalyPlans.PRESENT_GROUP)).forEach(c -> unexplained.add(c.text()));
        }
        // an event id the plan does not look for (a metric question, a second id) is not understood
        s.references().stream().filter(r -> !r.equals(p.history().eventRef())).forEach(unexplained::add);
        Map<String, Object> understanding = new LinkedHashMap<>();
        List<Map<String, Object>> claims = new ArrayList<>();
        for (Claim c : u.claims()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", c.text());
            m.put("kind", c.kind());
            m.put("value", c.value());
            m.put("score", c.score());
            m.put("start", c.span().start());
            m.put("end", c.span().end());
            claims.add(m);
        }
        claims.sort((a, b) -> (Integer) a.get("start") - (Integer) b.get("start"));
        understanding.put("claims", claims);
        List<Map<String, Object>> entities = new ArrayList<>();
        double confidence = 0.9 * (1 - Math.min(1.0, unexplained.size() / (double) Math.max(1, contentWords())));
        for (LinkedEntity e : s.entities()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mention", e.mention());
            m.put("rank", e.rank().name().toLowerCase(java.util.Locale.ROOT));
            m.put("score", e.score());
            m.put("distance", e.distance());
            List<Map<String, Object>> cands = new ArrayList<>();
            for (EntityDictionary.Entity c : e.candidates()) {
                cands.add(Map.of("ci_code", c.ciCode(), "ci_name", c.ciName(), "ci_type", c.ciType(),
                        "matched_by", e.rank().name().toLowerCase(java.util.Locale.ROOT)));
            }
            m.put("candidates", cands);
            entities.add(m);
            confidence *= e.resolved() ? Math.max(0.5, e.score()) : 0.6;
        }
        understanding.put("entities", entities);
        understanding.put("confidence", Math.round(confidence * 1000) / 1000.0);
        understanding.put("time_zone", u.time().zone());
        understanding.put("dictionary_revision", u.dictionaryRevision());
        understanding.put("problems", u.time().problems());
        understanding.put("asked_at", now.toString());
        if (!u.time().context().isEmpty()) {
            understanding.put("context_times", u.time().context());
        }
        if (!u.corrections().isEmpty()) {
            understanding.put("corrections", u.corrections());
        }
        if (!p.history().eventRef().isEmpty() && u.time().present() && !u.time().dayNamed()) {
            // "INC-5327 at 14:10": the time of day is the incident's own, not a bound of the search — said in the reading
            understanding.put("ref_time", String.join(" ", u.claims().stream().filter(c -> c.kind().equals("time")
                            && c.text().codePoints().anyMatch(Character::isLetterOrDigit))
                    .sorted(java.util.Comparator.comparingInt(c -> c.span().start())).map(Claim::text).toList()));
        }
        return new PlanModel(p.intent(), p.view(), p.primary(), p.secondary(), p.graph(), p.metric(), p.history(),
                p.output(), p.language(), p.missingSlots(), p.candidates(), normalizedQuestion, unexplained,
                understanding, List.of(), p.documents());
    }

    private long contentWords() {
        return u.analyzed().tokens().stream().filter(t -> !t.function()).count();
    }

    static double confidenceOf(PlanModel p) {
        Object c = p.understanding().get("confidence");
        return c instanceof Number n ? n.doubleValue() : 0.9;
    }
}
