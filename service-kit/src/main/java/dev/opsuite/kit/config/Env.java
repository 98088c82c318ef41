package dev.opsuite.kit.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where configuration comes from: the process environment, optionally overlaid (the all-in-one
 * launcher and tests pass values programmatically instead of mutating the environment).
 */
public final class Env {
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

    public Optional<String> get(String key) {
        String v = overlay.get(key);
        if (v == null) {
            v = System.getenv(key);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
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
