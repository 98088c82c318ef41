package dev.opsuite.planner.domain;

import dev.opsuite.planner.domain.understand.Folding;
import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The Resolver asset applied to a question: pattern rules (regex replace), transformations
 * (nfkc, lowercase, particle stripping, stopwords) and alias mappings (e.g. 서버A -> ci_code:SVR001).
 */
public final class ResolverRules {
    private final List<JsonNode> rules = new ArrayList<>();
    private final List<String> particles = new ArrayList<>();
    private final Set<String> stopwords = new HashSet<>();

    /**
     * The rules of this content, built once per content tree (the services share one tree per asset
     * version, read-only): its thousand stop words are folded once, not on every question.
     */
    public static ResolverRules of(JsonNode resolverContent) {
        return dev.opsuite.model.asset.ParsedAssets.parsed(resolverContent, ResolverRules.class, ResolverRules::new);
    }

    public ResolverRules(JsonNode resolverContent) {
        for (JsonNode r : resolverContent.path("rules")) {
            rules.add(r);
            JsonNode data = r.path("rule_data");
            if ("transformation".equals(r.path("rule_type").asText())) {
                switch (data.path("transform").asText()) {
                    case "strip_particles" -> data.path("particles").forEach(p -> particles.add(p.asText()));
                    case "stopwords" -> data.path("words").forEach(w -> stopwords.add(Folding.fold(w.asText())));
                    default -> { }
                }
            }
        }
        // longest particle first so "에서" wins over "에"
        particles.sort((a, b) -> b.length() - a.length());
    }

    /** Text after the text-level rules, and the alias mappings that fired (mention -> target). */
    public record Applied(String text, Map<String, String> aliasHits, List<String> firedRules) {}

    public Applied apply(String question) {
        String text = question;
        Map<String, String> hits = new LinkedHashMap<>();
        List<String> fired = new ArrayList<>();
        for (JsonNode r : rules) {
            JsonNode data = r.path("rule_data");
            String name = r.path("name").asText(r.path("rule_type").asText());
            switch (r.path("rule_type").asText()) {
                case "pattern_rule" -> {
                    try {
                        String next = Patterns.of(data.path("pattern").asText())
                                .matcher(text).replaceAll(data.path("replacement").asText(""));
                        if (!next.equals(text)) {
                            fired.add(name);
                        }
                        text = next;
                    } catch (PatternSyntaxException e) {
                        throw new IllegalArgumentException("resolver rule '" + name + "': bad pattern", e);
                    }
                }
                case "transformation" -> {
                    String t = data.path("transform").asText();
                    String next = switch (t) {
                        case "nfkc" -> Normalizer.normalize(text, Normalizer.Form.NFKC);
                        case "lowercase" -> text.toLowerCase(java.util.Locale.ROOT);
                        case "uppercase" -> text.toUpperCase(java.util.Locale.ROOT);
                        default -> text; // token-level transforms apply in tokens()
                    };
                    if (!next.equals(text)) {
                        fired.add(name);
                    }
                    text = next;
                }
                case "alias_mapping" -> {
                    String source = data.path("source_entity").asText();
                    if (!source.isEmpty() && Phrases.contains(Folding.fold(text), source)) {
                        hits.put(source, data.path("target_entity").asText());
                        fired.add(name);
                    }
                }
                default -> { }
            }
        }
        return new Applied(text.trim(), hits, fired);
    }

    /** A token with its Korean particle removed ("서버A의" -> "서버A"). */
    public String stripParticle(String token) {
        for (String p : particles) {
            if (token.length() > p.length() && token.endsWith(p) && Folding.isHangul(p.charAt(0))) {
                return token.substring(0, token.length() - p.length());
            }
        }
        return token;
    }

    public boolean isStopword(String token) {
        return stopwords.contains(Folding.fold(token));
    }
}
