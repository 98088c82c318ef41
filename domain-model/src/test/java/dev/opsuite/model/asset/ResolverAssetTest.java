package dev.opsuite.model.asset;

import static dev.opsuite.model.asset.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.opsuite.model.AssetDoc;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolverAssetTest {
    @Test
    void eachRuleIsReadByItsType() {
        ResolverAsset r = ResolverAsset.from(json("{'rules': ["
                + "{'rule_type': 'pattern_rule', 'name': 'spaces', 'rule_data': {'pattern': '\\\\s+', 'replacement': ' '}},"
                + "{'rule_type': 'pattern_rule', 'rule_data': {'pattern': 'x'}},"
                + "{'rule_type': 'transformation', 'name': 'p', 'rule_data': {'transform': 'strip_particles', 'particles': ['에서', '의']}},"
                + "{'rule_type': 'transformation', 'rule_data': {'transform': 'stopwords', 'words': ['what', 5, 'is']}},"
                + "{'rule_type': 'alias_mapping', 'name': 'a', 'rule_data': {'source_entity': '서버A', 'target_entity': 'ci_code:SVR001'}},"
                + "{'rule_type': 'rename_things', 'name': 'later'},"
                + "'no rule']}"));
        assertEquals(List.of(
                new ResolverAsset.PatternRule("spaces", "\\s+", " "),
                new ResolverAsset.PatternRule("pattern_rule", "x", ""),
                new ResolverAsset.Transformation("p", "strip_particles", List.of("에서", "의"), List.of()),
                new ResolverAsset.Transformation("transformation", "stopwords", List.of(), List.of("what", "is")),
                new ResolverAsset.AliasMapping("a", "서버A", "ci_code:SVR001"),
                new ResolverAsset.Other("later", "rename_things")), r.rules(),
                "the name defaults to the rule_type; a replacement to nothing; a word that is no string and a rule "
                        + "that is no object are left out; an unknown type is kept and does nothing");
        assertEquals(List.of("에서", "의"), r.particles());
        assertEquals(List.of("what", "is"), r.stopwords());
    }

    @Test
    void noResolverHasNoRule() {
        assertEquals(List.of(), ResolverAsset.from(null).rules());
        assertEquals(ResolverAsset.EMPTY, ResolverAsset.of(null));
        assertEquals(List.of(), ResolverAsset.EMPTY.particles());
    }

    @Test
    void anAppliedVersionIsParsedOnce() {
        AssetDoc doc = new AssetDoc("resolver", "r", 1, "published", json("{'rules': []}"));
        assertSame(ResolverAsset.of(doc), ResolverAsset.of(doc));
    }
}
