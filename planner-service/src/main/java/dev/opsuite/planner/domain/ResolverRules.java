package dev.opsuite.planner.domain;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.ParsedAssets;
import dev.opsuite.model.asset.ResolverAsset;
import dev.opsuite.model.asset.Text;
import dev.opsuite.planner.domain.understand.Folding;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.google.re2j.PatternSyntaxException;

/**
 * The Resolver asset applied to a question: pattern rules (regex replace), transformations
 * (nfkc, lowercase, particle stripping, stopwords) and alias mappings (e.g. 서버A -> ci_code:SVR001).
 */
public final class ResolverRules {
    private final List<ResolverAsset.Rule> rules;
    private final List<String> particles = new ArrayList<>();
    private final Set<String> stopwords = new HashSet<>();

    /**
     * The rules of the applied Resolver, built once per version (the services share one content tree per
     * asset version, read-only): its thousand stop words are folded once, not on every question.
     */
    public static ResolverRules of(AssetBundle assets) {
        AssetDoc doc = assets.get("resolver").orElse(null);
        if (doc == null || doc.content() == null || doc.content().isMissingNode()) {
            return new ResolverRules(ResolverAsset.EMPTY);
        }
        return ParsedAssets.parsed(doc.content(), ResolverRules.class, c -> new ResolverRules(ResolverAsset.of(doc)));
    }

    public ResolverRules(ResolverAsset resolver) {
        rules = resolver.rules();
        particles.addAll(resolver.particles());
        resolver.stopwords().forEach(w -> stopwords.add(Folding.fold(w)));
        // longest particle first so "에서" wins over "에"
        particles.sort((a, b) -> b.length() - a.length());
    }

    /** Text after the text-level rules, and the alias mappings that fired (mention -> target). */
    public record Applied(String text, Map<String, String> aliasHits, List<String> firedRules) {}

    public Applied apply(String question) {
        String text = question;
        Map<String, String> hits = new LinkedHashMap<>();
        List<String> fired = new ArrayList<>();
        for (ResolverAsset.Rule r : rules) {
            String name = r.name();
            if (r instanceof ResolverAsset.PatternRule p) {
                try {
                    var compiled = Patterns.of(p.pattern()); // compiled first: a bad pattern is said even when skipped
                    if (!Patterns.mayFind(p.pattern(), text)) {
                        continue;
                    }
                    String next = compiled.matcher(text).replaceAll(p.replacement());
                    if (!next.equals(text)) {
                        fired.add(name);
                    }
                    text = next;
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("resolver rule '" + name + "': bad pattern", e);
                }
            } else if (r instanceof ResolverAsset.Transformation t) {
                String next = switch (t.transform()) {
                    case "nfkc" -> Normalizer.normalize(text, Normalizer.Form.NFKC);
                    case "hanja_hangul" -> dev.opsuite.planner.domain.understand.HanjaReadings.read(text);
                    case "lowercase" -> text.toLowerCase(java.util.Locale.ROOT);
                    case "uppercase" -> text.toUpperCase(java.util.Locale.ROOT);
                    default -> text; // token-level transforms apply in tokens()
                };
                if (!next.equals(text)) {
                    fired.add(name);
                }
                text = next;
            } else if (r instanceof ResolverAsset.AliasMapping a
                    && !a.source().isEmpty() && Phrases.contains(Folding.fold(text), a.source())) {
                hits.put(a.source(), a.target());
                fired.add(name);
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
