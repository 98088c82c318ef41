package dev.opsuite.estate;

/** Quoting operator-supplied text inside error messages without letting it flood or break them. */
final class Texts {
    private static final int MAX_EXCERPT = 60;

    private Texts() {}

    static String excerpt(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length() && sb.length() < MAX_EXCERPT; i++) {
            char c = value.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return value.length() > MAX_EXCERPT ? sb + "..." : sb.toString();
    }
}
