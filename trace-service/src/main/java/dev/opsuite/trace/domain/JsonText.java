package dev.opsuite.trace.domain;

/** Small checks on JSON text handed in opaque. */
final class JsonText {
    private JsonText() {}

    /**
     * Whether the JSON text has a NUL escape (backslash, "u0000") inside a string (jsonb rejects it). Escapes
     * are walked pairwise so that an escaped backslash followed by "u0000" is not mistaken for one.
     */
    static boolean containsEscapedNul(String json) {
        if (json == null) {
            return false;
        }
        int n = json.length();
        for (int i = 0; i < n; i++) {
            char c = json.charAt(i);
            if (c == '\0') {
                return true;
            }
            if (c == '\\' && i + 1 < n) {
                if (json.charAt(i + 1) == 'u' && json.startsWith("0000", i + 2)) {
                    return true;
                }
                i++; // skip the escaped character
            }
        }
        return false;
    }
}
