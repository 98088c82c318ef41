package dev.opsuite.model;

import dev.opsuite.model.errors.OpsException;
import java.util.Locale;

/**
 * A reviewer's decision on an asset version, and the one place its wire words (approve | reject) and
 * the limit of a review's comment are checked — by the gateway for the request and by the registry
 * for what it stores.
 */
public enum ReviewDecision {
    APPROVE, REJECT;

    /** The longest comment a review may carry, in characters. */
    public static final int MAX_COMMENT = 1000;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The decision a wire word names; INVALID_ARGUMENT (field decision) for anything else. */
    public static ReviewDecision parse(String word) {
        for (ReviewDecision d : values()) {
            if (d.wireName().equals(word)) {
                return d;
            }
        }
        String shown = word == null ? "" : word.length() > 40 ? word.substring(0, 40) + "…" : word;
        throw OpsException.invalidField("decision", shown.isEmpty() ? "decision is required: approve or reject"
                : "decision must be approve or reject, not '" + shown + "'");
    }

    /** The comment, stripped; INVALID_ARGUMENT (field comment) when longer than {@link #MAX_COMMENT}. */
    public static String comment(String comment) {
        String c = comment == null ? "" : comment.strip();
        if (c.codePointCount(0, c.length()) > MAX_COMMENT) {
            throw OpsException.invalidField("comment", "comment is longer than " + MAX_COMMENT + " characters");
        }
        return c;
    }
}
