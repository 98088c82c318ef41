package dev.opsuite.kit.proto;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import dev.opsuite.proto.v1.Candidate;
import dev.opsuite.proto.v1.Claim;
import dev.opsuite.proto.v1.DocumentsSpec;
import dev.opsuite.proto.v1.EntityLink;
import dev.opsuite.proto.v1.Filter;
import dev.opsuite.proto.v1.GraphSpec;
import dev.opsuite.proto.v1.HistorySpec;
import dev.opsuite.proto.v1.MetricSpec;
import dev.opsuite.proto.v1.OutputSpec;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.PrimarySpec;
import dev.opsuite.proto.v1.SecondarySpec;
import dev.opsuite.proto.v1.ThresholdSpec;
import dev.opsuite.proto.v1.Understanding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Plan between its proto message and the domain's {@link PlanModel}, field by field — no JSON in
 * between (it replaced a proto-JSON round trip through Jackson on every stage call of an ask). The
 * result is the one the JSON bridge gave, to the last detail, so nothing downstream can tell: an
 * unset string of a record that keeps nulls reads as null, an unset enum as null, the reading's
 * numbers as Integer / Double and its 64-bit revision as the text proto JSON writes for it, and a
 * part of the plan is sent as a (possibly empty) message exactly when the JSON carried it
 * ({@code PlanProtosTest} holds the two to each other over every plan the golden questions make).
 */
public final class PlanProtos {
    private PlanProtos() {}

    // ---- proto → domain ----

    public static PlanModel fromProto(Plan p) {
        return new PlanModel(intent(p.getIntent()), view(p.getView()),
                p.hasPrimary() ? primary(p.getPrimary()) : null, p.hasSecondary() ? secondary(p.getSecondary()) : null,
                p.hasGraph() ? graph(p.getGraph()) : null, p.hasMetric() ? metric(p.getMetric()) : null,
                p.hasHistory() ? history(p.getHistory()) : null, p.hasOutput() ? output(p.getOutput()) : null,
                p.getLanguage(), p.getMissingSlotsList(), candidates(p.getCandidatesList()), p.getNormalizedQuestion(),
                p.getUnexplainedList(), p.hasUnderstanding() ? understanding(p.getUnderstanding()) : null,
                p.getAdjustmentsList(), p.hasDocuments() ? documents(p.getDocuments()) : null);
    }

    private static Intent intent(dev.opsuite.proto.v1.Intent i) {
        return switch (i) {
            case INTENT_LOOKUP -> Intent.LOOKUP;
            case INTENT_SEARCH -> Intent.SEARCH;
            case INTENT_LIST -> Intent.LIST;
            case INTENT_AGGREGATE -> Intent.AGGREGATE;
            case INTENT_EXPAND -> Intent.EXPAND;
            case INTENT_PATH -> Intent.PATH;
            default -> null;
        };
    }

    private static View view(dev.opsuite.proto.v1.View v) {
        return switch (v) {
            case VIEW_SUMMARY -> View.SUMMARY;
            case VIEW_COMPOSITION -> View.COMPOSITION;
            case VIEW_DEPENDENCY -> View.DEPENDENCY;
            case VIEW_IMPACT -> View.IMPACT;
            case VIEW_PATH -> View.PATH;
            case VIEW_NEIGHBORS -> View.NEIGHBORS;
            default -> null;
        };
    }

    private static PlanModel.Primary primary(PrimarySpec s) {
        return new PlanModel.Primary(s.getEntity(), s.getCiCode(), s.getMentionsList(), filters(s.getFiltersList()),
                s.getKeywordsList(), s.getLimit(), s.getOffset(), s.getCiCodesList(), s.getFieldsList(), s.getCiName());
    }

    private static PlanModel.Secondary secondary(SecondarySpec s) {
        return new PlanModel.Secondary(s.getCiCode(), s.getMentionsList(), filters(s.getFiltersList()), s.getCiName());
    }

    private static List<PlanModel.Filter> filters(List<Filter> fs) {
        List<PlanModel.Filter> out = new ArrayList<>(fs.size());
        fs.forEach(f -> out.add(new PlanModel.Filter(orNull(f.getField()), orNull(f.getOp()), f.getValuesList())));
        return out;
    }

    private static PlanModel.Graph graph(GraphSpec g) {
        return new PlanModel.Graph(g.getDepth(), g.getRelationTypesList(), g.getDirection(), g.getLimit());
    }

    private static PlanModel.Metric metric(MetricSpec m) {
        PlanModel.Threshold t = m.hasThreshold() ? new PlanModel.Threshold(orNull(m.getThreshold().getOp()),
                m.getThreshold().getValue(), m.getThreshold().getUpper()) : null;
        return new PlanModel.Metric(m.getMetricName(), m.getAgg(), m.getTimeRange(), m.getTimeFrom(), m.getTimeTo(),
                m.getBucket(), m.getTopN(), m.getOrder(), m.getTimeStated(), t);
    }

    private static PlanModel.History history(HistorySpec h) {
        return new PlanModel.History(h.getEnabled(), h.getEventTypesList(), h.getSeveritiesList(), h.getTimeRange(),
                h.getTimeFrom(), h.getTimeTo(), h.getLimit(), h.getTimeStated(), h.getAnchor(), h.getWindowHours(),
                h.getEventRef());
    }

    private static PlanModel.Output output(OutputSpec o) {
        return new PlanModel.Output(o.getBlocksList(), o.getPrimary(), o.getCount());
    }

    private static PlanModel.Documents documents(DocumentsSpec d) {
        return new PlanModel.Documents(d.getEnabled(), d.getOnly(), d.getText(), d.getKindsList());
    }

    private static List<PlanModel.Candidate> candidates(List<Candidate> cs) {
        List<PlanModel.Candidate> out = new ArrayList<>(cs.size());
        cs.forEach(c -> out.add(new PlanModel.Candidate(orNull(c.getCiCode()), orNull(c.getCiName()),
                orNull(c.getCiType()), orNull(c.getMatchedBy()))));
        return out;
    }

    /** The reading as the map the planner wrote: fields at their default are absent, as in proto JSON. */
    private static Map<String, Object> understanding(Understanding u) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (u.getClaimsCount() > 0) {
            List<Object> claims = new ArrayList<>(u.getClaimsCount());
            for (Claim c : u.getClaimsList()) {
                Map<String, Object> x = new LinkedHashMap<>();
                putText(x, "text", c.getText());
                putText(x, "kind", c.getKind());
                putText(x, "value", c.getValue());
                putDouble(x, "score", c.getScore());
                putInt(x, "start", c.getStart());
                putInt(x, "end", c.getEnd());
                claims.add(x);
            }
            m.put("claims", claims);
        }
        if (u.getEntitiesCount() > 0) {
            List<Object> entities = new ArrayList<>(u.getEntitiesCount());
            for (EntityLink e : u.getEntitiesList()) {
                Map<String, Object> x = new LinkedHashMap<>();
                putText(x, "mention", e.getMention());
                putText(x, "rank", e.getRank());
                putDouble(x, "score", e.getScore());
                putInt(x, "distance", e.getDistance());
                if (e.getCandidatesCount() > 0) {
                    List<Object> cs = new ArrayList<>(e.getCandidatesCount());
                    for (Candidate c : e.getCandidatesList()) {
                        Map<String, Object> y = new LinkedHashMap<>();
                        putText(y, "ci_code", c.getCiCode());
                        putText(y, "ci_name", c.getCiName());
                        putText(y, "ci_type", c.getCiType());
                        putText(y, "matched_by", c.getMatchedBy());
                        cs.add(y);
                    }
                    x.put("candidates", cs);
                }
                entities.add(x);
            }
            m.put("entities", entities);
        }
        putDouble(m, "confidence", u.getConfidence());
        putText(m, "time_zone", u.getTimeZone());
        if (u.getDictionaryRevision() != 0) {
            m.put("dictionary_revision", Long.toString(u.getDictionaryRevision())); // proto JSON writes int64 as text
        }
        if (u.getProblemsCount() > 0) {
            m.put("problems", new ArrayList<Object>(u.getProblemsList()));
        }
        putText(m, "ref_time", u.getRefTime());
        putText(m, "asked_at", u.getAskedAt());
        if (u.getContextTimesCount() > 0) {
            m.put("context_times", new ArrayList<Object>(u.getContextTimesList()));
        }
        if (u.getCorrectionsCount() > 0) {
            m.put("corrections", new ArrayList<Object>(u.getCorrectionsList()));
        }
        return m;
    }

    private static void putText(Map<String, Object> m, String key, String v) {
        if (!v.isEmpty()) {
            m.put(key, v);
        }
    }

    private static void putDouble(Map<String, Object> m, String key, double v) {
        if (v != 0) {
            m.put(key, v);
        }
    }

    private static void putInt(Map<String, Object> m, String key, int v) {
        if (v != 0) {
            m.put(key, v);
        }
    }

    private static String orNull(String s) {
        return s.isEmpty() ? null : s;
    }

    // ---- domain → proto ----

    public static Plan toProto(PlanModel p) {
        Plan.Builder b = Plan.newBuilder();
        if (p.intent() != null) {
            b.setIntent(dev.opsuite.proto.v1.Intent.valueOf("INTENT_" + p.intent().name()));
        }
        if (p.view() != null) {
            b.setView(dev.opsuite.proto.v1.View.valueOf("VIEW_" + p.view().name()));
        }
        PlanModel.Primary pr = p.primary();
        b.setPrimary(PrimarySpec.newBuilder().setEntity(pr.entity()).setCiCode(pr.ciCode()).addAllMentions(pr.mentions())
                .addAllFilters(protoFilters(pr.filters())).addAllKeywords(pr.keywords()).setLimit(pr.limit())
                .setOffset(pr.offset()).addAllCiCodes(pr.ciCodes()).addAllFields(pr.fields()).setCiName(pr.ciName()));
        PlanModel.Secondary se = p.secondary();
        b.setSecondary(SecondarySpec.newBuilder().setCiCode(se.ciCode()).addAllMentions(se.mentions())
                .addAllFilters(protoFilters(se.filters())).setCiName(se.ciName()));
        PlanModel.Graph g = p.graph();
        b.setGraph(GraphSpec.newBuilder().setDepth(g.depth()).addAllRelationTypes(g.relationTypes())
                .setDirection(g.direction()).setLimit(g.limit()));
        PlanModel.Metric m = p.metric();
        MetricSpec.Builder mb = MetricSpec.newBuilder().setMetricName(m.metricName()).setAgg(m.agg())
                .setTimeRange(m.timeRange()).setTimeFrom(m.timeFrom()).setTimeTo(m.timeTo()).setBucket(m.bucket())
                .setTopN(m.topN()).setOrder(m.order()).setTimeStated(m.timeStated());
        if (m.threshold() != null) {
            mb.setThreshold(ThresholdSpec.newBuilder().setOp(orEmpty(m.threshold().op())).setValue(m.threshold().value())
                    .setUpper(m.threshold().upper()));
        }
        b.setMetric(mb);
        PlanModel.History h = p.history();
        b.setHistory(HistorySpec.newBuilder().setEnabled(h.enabled()).addAllEventTypes(h.eventTypes())
                .addAllSeverities(h.severities()).setTimeRange(h.timeRange()).setTimeFrom(h.timeFrom())
                .setTimeTo(h.timeTo()).setLimit(h.limit()).setTimeStated(h.timeStated()).setAnchor(h.anchor())
                .setWindowHours(h.windowHours()).setEventRef(h.eventRef()));
        b.setOutput(OutputSpec.newBuilder().addAllBlocks(p.output().blocks()).setPrimary(p.output().primary())
                .setCount(p.output().count()));
        b.setLanguage(p.language()).addAllMissingSlots(p.missingSlots()).setNormalizedQuestion(p.normalizedQuestion())
                .addAllUnexplained(p.unexplained()).addAllAdjustments(p.adjustments());
        for (PlanModel.Candidate c : p.candidates()) {
            b.addCandidates(candidate(c.ciCode(), c.ciName(), c.ciType(), c.matchedBy()));
        }
        if (!p.understanding().isEmpty()) {
            b.setUnderstanding(understanding(p.understanding()));
        }
        PlanModel.Documents d = p.documents();
        b.setDocuments(DocumentsSpec.newBuilder().setEnabled(d.enabled()).setOnly(d.only()).setText(d.text())
                .addAllKinds(d.kinds()));
        return b.build();
    }

    private static List<Filter> protoFilters(List<PlanModel.Filter> fs) {
        List<Filter> out = new ArrayList<>(fs.size());
        fs.forEach(f -> out.add(Filter.newBuilder().setField(orEmpty(f.field())).setOp(orEmpty(f.op()))
                .addAllValues(f.values()).build()));
        return out;
    }

    private static Candidate candidate(Object code, Object name, Object type, Object matchedBy) {
        return Candidate.newBuilder().setCiCode(text(code)).setCiName(text(name)).setCiType(text(type))
                .setMatchedBy(text(matchedBy)).build();
    }

    /**
     * The reading map to its message. The planner writes only the message's fields; a key it does
     * not know is refused, as the strict JSON parse refused it.
     */
    private static Understanding understanding(Map<String, Object> m) {
        Understanding.Builder u = Understanding.newBuilder();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            switch (e.getKey()) {
                case "claims" -> list(v).forEach(c -> u.addClaims(claim(map(c))));
                case "entities" -> list(v).forEach(x -> u.addEntities(entity(map(x))));
                case "confidence" -> u.setConfidence(number(v).doubleValue());
                case "time_zone" -> u.setTimeZone(text(v));
                case "dictionary_revision" -> u.setDictionaryRevision(v instanceof Number n ? n.longValue()
                        : Long.parseLong(v.toString()));
                case "problems" -> list(v).forEach(x -> u.addProblems(text(x)));
                case "ref_time" -> u.setRefTime(text(v));
                case "asked_at" -> u.setAskedAt(text(v));
                case "context_times" -> list(v).forEach(x -> u.addContextTimes(text(x)));
                case "corrections" -> list(v).forEach(x -> u.addCorrections(text(x)));
                default -> throw new IllegalArgumentException("cannot write PlanModel: the reading has no field "
                        + e.getKey());
            }
        }
        return u.build();
    }

    private static Claim claim(Map<?, ?> c) {
        return Claim.newBuilder().setText(text(c.get("text"))).setKind(text(c.get("kind"))).setValue(text(c.get("value")))
                .setScore(number(c.get("score")).doubleValue()).setStart(number(c.get("start")).intValue())
                .setEnd(number(c.get("end")).intValue()).build();
    }

    private static EntityLink entity(Map<?, ?> e) {
        EntityLink.Builder b = EntityLink.newBuilder().setMention(text(e.get("mention"))).setRank(text(e.get("rank")))
                .setScore(number(e.get("score")).doubleValue()).setDistance(number(e.get("distance")).intValue());
        Object cs = e.get("candidates");
        if (cs != null) {
            list(cs).forEach(c -> {
                Map<?, ?> x = map(c);
                b.addCandidates(candidate(x.get("ci_code"), x.get("ci_name"), x.get("ci_type"), x.get("matched_by")));
            });
        }
        return b.build();
    }

    private static List<?> list(Object v) {
        if (v instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException("cannot write PlanModel: a list was expected, not " + v);
    }

    private static Map<?, ?> map(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException("cannot write PlanModel: an object was expected, not " + v);
    }

    private static Number number(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            return n;
        }
        return Double.parseDouble(v.toString());
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
