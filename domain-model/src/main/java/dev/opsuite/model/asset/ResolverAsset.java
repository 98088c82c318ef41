package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.opsuite.model.AssetDoc;
import java.util.ArrayList;
import java.util.List;

/**
 * The Resolver asset, typed: the rules every planner screens a question with, in order — rewrites by
 * a regular expression ({@link PatternRule}), text or word transformations ({@link Transformation}) and
 * phrases naming a CI ({@link AliasMapping}). Anything parses: an absent member, or one of the wrong
 * kind, reads as its default ({@link Read}); a rule that is no object is left out, and a rule of a type
 * the product does not know is kept as {@link Other} (it does nothing).
 */
public record ResolverAsset(List<Rule> rules) {
    public static final String PATTERN_RULE = "pattern_rule";
    public static final String TRANSFORMATION = "transformation";
    public static final String ALIAS_MAPPING = "alias_mapping";
    /** Transformations that set how words are read rather than rewriting the question. */
    public static final String STRIP_PARTICLES = "strip_particles";
    public static final String STOPWORDS = "stopwords";
    /** The Resolver of a request that applies none: no rule. */
    public static final ResolverAsset EMPTY = from(MissingNode.getInstance());

    public ResolverAsset {
        rules = List.copyOf(rules);
    }

    /** One rule; {@code name} is recorded among the plan's fired rules (by default its rule_type). */
    public sealed interface Rule permits PatternRule, Transformation, AliasMapping, Other {
        String name();
    }

    /** pattern_rule: {@code pattern} (RE2) replaced by {@code replacement} wherever it matches. */
    public record PatternRule(String name, String pattern, String replacement) implements Rule {}

    /**
     * transformation: {@code transform} nfkc, lowercase or uppercase rewrites the question; strip_particles
     * ({@code particles}) and stopwords ({@code words}) set how words are read.
     */
    public record Transformation(String name, String transform, List<String> particles, List<String> words)
            implements Rule {
        public Transformation {
            particles = List.copyOf(particles);
            words = List.copyOf(words);
        }
    }

    /** alias_mapping: the phrase {@code source} names the CI {@code target} ("ci_code:CODE"). */
    public record AliasMapping(String name, String source, String target) implements Rule {}

    /** A rule of a type the product does not know: it does nothing. */
    public record Other(String name, String type) implements Rule {}

    /** The Korean particles of every strip_particles transformation, in the asset's order. */
    public List<String> particles() {
        return wordsOf(STRIP_PARTICLES, true);
    }

    /** The words of every stopwords transformation, in the asset's order. */
    public List<String> stopwords() {
        return wordsOf(STOPWORDS, false);
    }

    private List<String> wordsOf(String transform, boolean particles) {
        List<String> out = new ArrayList<>();
        for (Rule r : rules) {
            if (r instanceof Transformation t && t.transform().equals(transform)) {
                out.addAll(particles ? t.particles() : t.words());
            }
        }
        return List.copyOf(out);
    }

    static Rule rule(JsonNode r) {
        String type = Read.string(r.path("rule_type"), "");
        String name = Read.string(r.path("name"), type);
        JsonNode d = r.path("rule_data");
        return switch (type) {
            case PATTERN_RULE -> new PatternRule(name, Read.string(d.path("pattern"), ""),
                    Read.string(d.path("replacement"), ""));
            case TRANSFORMATION -> new Transformation(name, Read.string(d.path("transform"), ""),
                    Read.strings(d.path("particles")), Read.strings(d.path("words")));
            case ALIAS_MAPPING -> new AliasMapping(name, Read.string(d.path("source_entity"), ""),
                    Read.string(d.path("target_entity"), ""));
            default -> new Other(name, type);
        };
    }

    /** Parses a Resolver content (null or missing: {@link #EMPTY}); unknown members are ignored. */
    public static ResolverAsset from(JsonNode content) {
        JsonNode c = content == null ? MissingNode.getInstance() : content;
        return new ResolverAsset(Read.objects(c.path("rules")).stream().map(ResolverAsset::rule).toList());
    }

    /** The typed content of an applied Resolver (none, or no content: {@link #EMPTY}), parsed once per content. */
    public static ResolverAsset of(AssetDoc resolver) {
        if (resolver == null || resolver.content() == null || resolver.content().isMissingNode()) {
            return EMPTY;
        }
        return ParsedAssets.parsed(resolver.content(), ResolverAsset.class, ResolverAsset::from);
    }
}
