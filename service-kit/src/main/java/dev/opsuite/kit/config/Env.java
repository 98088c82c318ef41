package dev.opsuite.kit.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where configuration comes from: the process environment, optionally overlaid (the all-in-one
 * launcher and tests pass values programmatically instead of mutating the environment).
 *
 * <p>Strict mode (system property {@value #STRICT_PROPERTY}{@code =true}, on in every test run):
 * reading a name that {@link ConfigCatalog} does not declare throws, so a new variable cannot be read
 * without being declared and documented. The one exception is the variable a declared
 * {@link ConfigVar.Kind#REFERENCE} names (the operator chooses that name).
 */
public final class Env {
    /** The system property that turns strict mode on ("true"). */
    public static final String STRICT_PROPERTY = "ops.env.strict";

    private final Map<String, String> overlay;

    private Env(Map<String, String> overlay) {
        this.overlay = Map.copyOf(overlay);
    }

    public static Env system() {
        return new Env(Map.of());
    }

    public static Env of(Map<String, String> overlay) {
        return new Env(overlay);
    }

    /** A new Env with these values on top of this one's. */
    public Env with(Map<String, String> more) {
        Map<String, String> m = new HashMap<>(overlay);
        m.putAll(more);
        return new Env(m);
    }

    /** The value, trimmed; unset and blank are both empty. */
    public Optional<String> get(String key) {
        if ("true".equals(System.getProperty(STRICT_PROPERTY)) && !ConfigCatalog.declares(key)
                && !namedByReference(key)) {
            throw new IllegalStateException(key + " is read but not declared in " + ConfigCatalog.class.getName()
                    + " (strict mode, " + STRICT_PROPERTY + "=true): declare it there and regenerate"
                    + " docs/reference/configuration.md");
        }
        return raw(key);
    }

    private Optional<String> raw(String key) {
        String v = overlay.get(key);
        if (v == null) {
            v = System.getenv(key);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** Whether a declared reference (OPS_LLM_API_KEY_REF) names this variable here. */
    private boolean namedByReference(String key) {
        return ConfigCatalog.references().stream().anyMatch(r -> raw(r.name()).filter(key::equals).isPresent());
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public int getInt(String key, int fallback) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + v.get() + "'");
        }
    }

    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalArgumentException(key + " is not set"));
    }
}
