package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a question was read: its analysis, every claim (who accounts for which words), the CIs it
 * names, the time it names, thresholds, counts and depth, and the words nobody claimed.
 */
public final class Understanding {
    /** A metric condition: op gt | ge | lt | le | between. */
    public record Threshold(String op, double value, double upper, Span span) {}

    private final Analyzed analyzed;
    private final String language;
    private final List<Claim> claims;
    private final List<LinkedEntity> entities;
    private final TimeReading time;
    private final List<Threshold> thresholds;
    private final Integer topN;
    private final Integer depth;
    private final List<String> unexplained;
    private final List<String> nameShaped;
    private final long dictionaryRevision;
    private final boolean dictionaryUsed;
    private final java.util.Set<Span> negated;
    private final List<String> corrections;

    Understanding(Analyzed analyzed, String language, List<Claim> claims, List<LinkedEntity> entities,
                  TimeReading time, List<Threshold> thresholds, Integer topN, Integer depth, List<String> unexplained,
                  List<String> nameShaped, long dictionaryRevision, boolean dictionaryUsed, java.util.Set<Span> negated,
                  List<String> corrections) {
        this.negated = java.util.Set.copyOf(negated);
        this.corrections = List.copyOf(corrections);
        this.nameShaped = List.copyOf(nameShaped);
        this.analyzed = analyzed;
        this.language = language;
        this.claims = List.copyOf(claims);
        this.entities = List.copyOf(entities);
        this.time = time;
        this.thresholds = List.copyOf(thresholds);
        this.topN = topN;
        this.depth = depth;
        this.unexplained = List.copyOf(unexplained);
        this.dictionaryRevision = dictionaryRevision;
        this.dictionaryUsed = dictionaryUsed;
    }

    /** Words the question took back, each with the one it put in their place ("memory → disk usage"). */
    public List<String> corrections() {
        return corrections;
    }

    /** "not the VMs", "stopped인거 빼고", "not the whole tree": the question says it does not mean this. */
    public boolean negated(Claim c) {
        return negated.contains(c.span());
    }

    public Analyzed analyzed() {
        return analyzed;
    }

    public String language() {
        return language;
    }

    public List<Claim> claims() {
        return claims;
    }

    public List<LinkedEntity> entities() {
        return entities;
    }

    public TimeReading time() {
        return time;
    }

    public List<Threshold> thresholds() {
        return thresholds;
    }

    public Optional<Integer> topN() {
        return Optional.ofNullable(topN);
    }

    public Optional<Integer> depth() {
        return Optional.ofNullable(depth);
    }

    public List<String> unexplained() {
        return unexplained;
    }

    /** Unclaimed words shaped like names ("payment-db", "쌍둥이서버"): a CI the dictionary does not know. */
    public List<String> nameShaped() {
        return nameShaped;
    }

    public long dictionaryRevision() {
        return dictionaryRevision;
    }

    /** False when no entity dictionary was available: names are then resolved at EXECUTE. */
    public boolean dictionaryUsed() {
        return dictionaryUsed;
    }

    /** Claims of a kind ("metric", "enum", "intent"…), in question order. */
    public List<Claim> of(String kind) {
        List<Claim> out = new ArrayList<>();
        for (Claim c : claims) {
            if (c.kind().equals(kind)) {
                out.add(c);
            }
        }
        out.sort((x, y) -> x.span().start() - y.span().start());
        return out;
    }

    public boolean has(String kind, String value) {
        return claims.stream().anyMatch(c -> c.kind().equals(kind) && c.value().equals(value));
    }

    public Optional<Claim> first(String kind, String value) {
        return of(kind).stream().filter(c -> c.value().equals(value)).findFirst();
    }

    /** Share of the content words nobody claimed, 0..1. */
    public double unexplainedShare() {
        long content = analyzed.tokens().stream().filter(t -> !t.function()).count();
        return content == 0 ? 0 : Math.min(1.0, unexplained.size() / (double) content);
    }
}
