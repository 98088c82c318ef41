package dev.opsuite.trace.domain.validation;

/** screen: free-form, except that each action has an id. */
final class ScreenRules implements ContentRules {
    @Override
    public void check(Node root) {
        root.objects("actions", false).forEach(a -> a.string("action_id", true));
    }
}
