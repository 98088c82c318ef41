package dev.opsuite.planner.domain.understand;

import java.util.List;

/**
 * A span of the question linked to CIs of the estate: exactly one candidate when resolved, several
 * of the same rank when ambiguous. {@code particle} is the Korean particle right after the span
 * ("에서", "를", "가"…), which tells what role the CI plays in the sentence.
 */
public record LinkedEntity(Span span, String mention, EntityDictionary.Rank rank, int distance,
                           List<EntityDictionary.Entity> candidates, String particle) {
    public boolean resolved() {
        return candidates.size() == 1;
    }

    public EntityDictionary.Entity entity() {
        return candidates.get(0);
    }

    public double score() {
        return Math.max(0, rank.score - 0.05 * distance);
    }

    public LinkedEntity narrowedTo(List<EntityDictionary.Entity> kept) {
        return new LinkedEntity(span, mention, rank, distance, List.copyOf(kept), particle);
    }
}
