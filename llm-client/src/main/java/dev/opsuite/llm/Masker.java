package dev.opsuite.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what must never reach a trace: the values of configured secrets (the API key first of
 * all) wherever they occur, and the values of sensitive fields, both as JSON members
 * ("password": "…") and as key=value / key: value text.
 */
public final class Masker {
    public static final String MASK = "***";
    private final List<String> secrets;
    private final List<Pattern> fieldPatterns = new ArrayList<>();

    public Masker(List<String> secretValues, List<String> sensitiveFields) {
        // short values would mask ordinary words; a real key or password is longer than this
        this.secrets = secretValues.stream().filter(s -> s != null && s.length() >= 6).toList();
        for (String f : sensitiveFields) {
            String name = Pattern.quote(f.toLowerCase(Locale.ROOT).strip());
            if (name.length() <= "\\Q\\E".length()) {
                continue;
            }
            fieldPatterns.add(Pattern.compile("(\"[^\"]*" + name + "[^\"]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
                    Pattern.CASE_INSENSITIVE));
            fieldPatterns.add(Pattern.compile("(\\b[\\w.-]*" + name + "[\\w.-]*\\s*[=:]\\s*)(?![\"\\s])[^\\s,;&]+",
                    Pattern.CASE_INSENSITIVE));
        }
        fieldPatterns.add(Pattern.compile("(\\bBearer\\s+)[A-Za-z0-9._~+/=-]{6,}"));
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        for (Pattern p : fieldPatterns) {
            Matcher m = p.matcher(out);
            out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + (r.group(0).endsWith("\"")
                    && r.group(1).contains("\"") ? "\"" + MASK + "\"" : MASK)));
        }
        return out;
    }
}
