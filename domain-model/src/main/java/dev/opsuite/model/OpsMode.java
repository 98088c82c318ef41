package dev.opsuite.model;

import dev.opsuite.model.errors.OpsException;

/**
 * A request's {@code mode}: {@code real} runs against the sources, {@code mock} answers from the Query
 * templates' fixtures and never calls a language model. The wire keeps the guide's lowercase word (an
 * empty one is {@code real}); every RPC edge reads it here, so one place says what is accepted.
 */
public enum OpsMode {
    REAL("real"), MOCK("mock");

    /** The request field every RPC names in its refusal. */
    public static final String FIELD = "mode";
    private static final int SHOWN = 40;

    private final String word;

    OpsMode(String word) {
        this.word = word;
    }

    /** The word on the wire and in the trace ({@code ops_mode}). */
    public String word() {
        return word;
    }

    public boolean isMock() {
        return this == MOCK;
    }

    /**
     * @param word as the request carries it; "" reads as {@link #REAL}
     * @throws OpsException INVALID_ARGUMENT naming the field, for any other word
     */
    public static OpsMode of(String word) {
        if (word == null || word.isEmpty() || word.equals(REAL.word)) {
            return REAL;
        }
        if (word.equals(MOCK.word)) {
            return MOCK;
        }
        String shown = word.length() > SHOWN ? word.substring(0, SHOWN) + "…" : word;
        throw OpsException.invalidField(FIELD, "mode must be 'real' or 'mock', got '" + shown + "'");
    }
}
