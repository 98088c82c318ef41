package dev.opsuite.trace.domain.validation;

/** prompt: free-form, except that its rules, when present, are an object. */
final class PromptRules implements ContentRules {
    @Override
    public void check(Node root) {
        root.object("rules", false);
    }
}
