package dev.opsuite.executor.compose;

import java.util.Map;

/**
 * Fills Mapping-asset templates: {name} from the variables, {plural:CI is/CIs are} agrees with the number
 * written just before it, and {josa:은/는} picks the Korean
 * particle that fits the text written just before it (final consonant or not).
 */
public final class Templates {
    private Templates() {}

    public static String fill(String template, Map<String, String> vars) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            String key = template.substring(i + 1, close);
            if (key.startsWith("josa:")) {
                String[] pair = key.substring(5).split("/", 2);
                out.append(pair.length == 2 ? (hasFinalConsonant(out) ? pair[0] : pair[1]) : pair[0]);
            } else if (key.startsWith("plural:")) {
                // English number agreement with the count written just before: "{total} {plural:CI is/CIs are}"
                String[] pair = key.substring(7).split("/", 2);
                out.append(pair.length == 2 ? (lastNumberIsOne(out) ? pair[0] : pair[1]) : pair[0]);
            } else if (vars.containsKey(key)) {
                out.append(vars.get(key));
            } else {
                out.append('{').append(key).append('}');
            }
            i = close + 1;
        }
        return out.toString();
    }

    /** Whether the last number before the end of the text (spaces skipped) is exactly 1. */
    static boolean lastNumberIsOne(CharSequence text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && (Character.isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == ',')) {
            start--;
        }
        return end - start == 1 && text.charAt(start) == '1' && (start == 0 || text.charAt(start - 1) != '.');
    }

    static boolean hasFinalConsonant(CharSequence text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ')' || c == ' ' || c == '"' || c == '\'') {
                continue;
            }
            if (c >= '\uAC00' && c <= '\uD7A3') {
                return (c - '\uAC00') % 28 != 0;
            }
            // Latin letters and digits read aloud: these end in a consonant sound in Korean
            return "lmnr0136".indexOf(Character.toLowerCase(c)) >= 0;
        }
        return false;
    }

    public static String number(Object value, int decimals) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && !(value instanceof Double) && !(value instanceof Float)) {
                return Long.toString(n.longValue());
            }
            return String.format(java.util.Locale.ROOT, "%." + decimals + "f", d);
        }
        return value == null ? "" : value.toString();
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{[a-z_]+}");

    /** A text never shows a placeholder: any {name} left unfilled is taken out, spaces tidied. */
    public static String stripUnfilled(String text) {
        return PLACEHOLDER.matcher(text).replaceAll("").replaceAll(" {2,}", " ").replace(" .", ".").replace(" ,", ",")
                .strip();
    }
}
