package dev.opsuite.trace.domain.validation;

import static dev.opsuite.trace.domain.validation.AssetSpec.group;
import static dev.opsuite.trace.domain.validation.Field.field;
import static dev.opsuite.trace.domain.validation.Kind.OBJECT;
import static dev.opsuite.trace.domain.validation.Kind.STRING;
import static dev.opsuite.trace.domain.validation.Kind.STRINGS;
import static dev.opsuite.trace.domain.validation.Kind.arrayOf;

import dev.opsuite.model.AssetType;
import java.util.List;

/** The fields of a Resolver asset (read by PLAN before a question is understood). */
final class ResolverFields {
    private ResolverFields() {}

    static AssetSpec spec() {
        return new AssetSpec(AssetType.RESOLVER,
                "How a question is normalised before it is read: rules applied in order — regular-expression "
                        + "rewrites, text transformations, aliases that name CIs — and the word lists (Korean "
                        + "particles, stopwords) the reading uses.",
                "PLAN (planner-service: every planner screens the question with it; the rules planner's vocabulary).",
                List.of(
                        group("Rules",
                                Field.assetName(),
                                field("rules", arrayOf(OBJECT), "The rules, applied to each question in this order.")
                                        .required(),
                                field("rules[].name", STRING, "Name recorded among the plan's fired rules when the "
                                        + "rule changes the question.").defaultIs("the `rule_type`"),
                                field("rules[].rule_type", STRING, "What the rule does: `pattern_rule` rewrites with a "
                                        + "regular expression, `transformation` transforms the text or the words, "
                                        + "`alias_mapping` names a CI by a phrase.")
                                        .required().oneOf("alias_mapping", "pattern_rule", "transformation"),
                                field("rules[].rule_data", OBJECT, "The rule's settings, per `rule_type` below.")
                                        .required(),
                                field("rules[].rule_data.pattern", STRING, "pattern_rule (required there): a regular "
                                        + "expression (RE2: no look-around or back-references), replaced wherever it "
                                        + "matches."),
                                field("rules[].rule_data.replacement", STRING, "pattern_rule: the replacement text "
                                        + "(`$1` is the first group).").byDefault("\"\""),
                                field("rules[].rule_data.transform", STRING, "transformation: `nfkc`, `lowercase` and "
                                        + "`uppercase` rewrite the question, `hanja_hangul` reads Korean written in Hanja "
                                        + "in Hangul (前月 → 전월, by the Korean morphological dictionary); `strip_particles` and `stopwords` set how "
                                        + "words are read; any other does nothing.")
                                        .known("nfkc", "hanja_hangul", "lowercase", "uppercase", "strip_particles", "stopwords"),
                                field("rules[].rule_data.particles", STRINGS, "strip_particles: Korean particles cut "
                                        + "off the end of words (서버A의 → 서버A), longest first."),
                                field("rules[].rule_data.words", STRINGS, "stopwords: words read as carrying no "
                                        + "meaning (besides English stopwords)."),
                                field("rules[].rule_data.source_entity", STRING, "alias_mapping (required there): a "
                                        + "phrase that names a CI in questions (\"서버A\")."),
                                field("rules[].rule_data.target_entity", STRING, "alias_mapping (required there): the "
                                        + "CI it names, as `ci_code:CODE`."))));
    }
}
