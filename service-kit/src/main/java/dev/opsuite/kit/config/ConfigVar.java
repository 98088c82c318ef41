package dev.opsuite.kit.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One environment variable the product reads, declared once in {@link ConfigCatalog}.
 *
 * @param name    the variable's name; for a {@link Kind#FAMILY} the prefix every member shares
 *                (ending in '_')
 * @param kind    one variable, a family of them, or one that names another variable
 * @param section where the configuration reference lists it
 * @param usedBy  the processes and commands that read it (Markdown)
 * @param fallback what applies when it is unset or blank, as the code applies it
 * @param meaning what it does (Markdown)
 */
public record ConfigVar(String name, Kind kind, ConfigSection section, String usedBy, Default fallback,
                        String meaning) {
    private static final Pattern NAME = Pattern.compile("(OPS|OPENAI|OTEL)_[A-Z0-9_]*[A-Z0-9]");
    private static final Pattern PREFIX = Pattern.compile("OPS_[A-Z0-9_]*_");

    /** What a declaration stands for. */
    public enum Kind {
        /** the one variable of this exact name */
        VARIABLE,
        /** every variable whose name starts with this prefix (OPS_SECRET_&lt;NAME&gt;) */
        FAMILY,
        /** one variable whose value is the name of another variable, read in its place */
        REFERENCE
    }

    /**
     * A variable's default.
     *
     * @param literal the value the code applies when the variable is unset or blank, or null when the
     *                default is not one fixed value (nothing, or something derived)
     * @param unset   whether nothing applies at all (the feature is off, or the value is required)
     * @param text    how the reference shows it (Markdown)
     */
    public record Default(String literal, boolean unset, String text) {
        public Default {
            Objects.requireNonNull(text, "text");
            if (literal != null && unset) {
                throw new IllegalArgumentException("a default is a literal or unset, not both");
            }
        }

        /** This fixed value. */
        public static Default of(String literal) {
            return new Default(literal, false, "`" + literal + "`");
        }

        /** This fixed value, with a note (where it differs, who sets it otherwise). */
        public static Default of(String literal, String note) {
            return new Default(literal, false, "`" + literal + "` (" + note + ")");
        }

        /** Nothing: unset means off, or none. */
        public static Default none() {
            return new Default(null, true, "—");
        }

        /** Nothing, with a note (what being unset means, or who sets it). */
        public static Default none(String note) {
            return new Default(null, true, "— (" + note + ")");
        }

        /** Derived from other settings or the platform (Markdown). */
        public static Default derived(String text) {
            return new Default(null, false, text);
        }
    }

    public ConfigVar {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(fallback, "fallback");
        if (!(kind == Kind.FAMILY ? PREFIX : NAME).matcher(name).matches()) {
            throw new IllegalArgumentException("not a " + kind + " name: " + name);
        }
        if (usedBy == null || usedBy.isBlank() || meaning == null || meaning.isBlank()) {
            throw new IllegalArgumentException(name + ": used-by and meaning are required");
        }
    }

    /** A variable of this exact name. */
    public static ConfigVar variable(String name, ConfigSection section, String usedBy, Default fallback,
                                     String meaning) {
        return new ConfigVar(name, Kind.VARIABLE, section, usedBy, fallback, meaning);
    }

    /** Whether {@code variable} is this declaration's: the same name, or for a family, one with its prefix. */
    public boolean covers(String variable) {
        return kind == Kind.FAMILY ? variable.startsWith(name) : variable.equals(name);
    }

    /** The name as the reference shows it: a family's with its variable part, {@code OPS_SECRET_<NAME>}. */
    public String displayName() {
        return kind == Kind.FAMILY ? name + "<NAME>" : name;
    }
}
