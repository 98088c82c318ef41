package dev.opsuite.model.asset;

import static dev.opsuite.model.asset.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyAssetTest {
    @Test
    void anEmptyPolicyReadsAsEveryDeclaredDefault() {
        PolicyAsset p = PolicyAsset.from(json("{}"));
        assertEquals(new PolicyAsset.Budget(10, 3, 60), p.budget());
        assertEquals(new PolicyAsset.Replan(3, 2), p.replan());
        assertEquals(new PolicyAsset.Rca(0.3, 0.75, 0.45, 3000, 50, 5, 1.5, 500), p.rca());
        assertEquals(new PolicyAsset.Regression(3.0, 1000), p.regression());
        assertEquals(List.of("SELECT"), p.security().allowedOperations());
        assertEquals(List.of(), p.security().blockedTables());
        assertEquals("blocked table: {table}", p.security().blockedTableReason().in("ko"));
        assertEquals(List.of(), p.security().rejectRules());
        assertEquals(List.of(), p.security().commands().rules());
        assertFalse(p.rbac().declared());
        assertFalse(p.dataAccess().declared());
        assertEquals(p, PolicyAsset.DEFAULTS);
        assertEquals(PolicyAsset.DEFAULTS, PolicyAsset.from(null));
        assertEquals(PolicyAsset.DEFAULTS, PolicyAsset.of(null));
    }

    @Test
    void givenValuesAreRead_wholeDoublesAsIntegers_andUnknownMembersIgnored() {
        PolicyAsset p = PolicyAsset.from(json("{'budget': {'max_steps': 4, 'max_depth': 5.0, 'timeout_seconds': 9,"
                + " 'colour': 'red'}, 'replan': {'max_replans': 0, 'max_internal_retries': 7, 'auto_retry': true},"
                + " 'rca': {'min_score': 0.5, 'high': 0.9, 'medium': 0.6, 'slow_stage_ms': 100, 'history_traces': 20,"
                + " 'history_min': 3, 'history_factor': 2, 'history_min_delta_ms': 0},"
                + " 'regression': {'latency_factor': 2.5, 'latency_min_delta_ms': 0}, 'owner': 'ops'}"));
        assertEquals(new PolicyAsset.Budget(4, 5, 9), p.budget());
        assertEquals(new PolicyAsset.Replan(0, 7), p.replan());
        assertEquals(new PolicyAsset.Rca(0.5, 0.9, 0.6, 100, 20, 3, 2.0, 0), p.rca());
        assertEquals(new PolicyAsset.Regression(2.5, 0), p.regression());
        assertEquals("HIGH", p.rca().confidence(0.9));
        assertEquals("MEDIUM", p.rca().confidence(0.7));
        assertEquals("LOW", p.rca().confidence(0.59));
    }

    @Test
    void aMemberOfTheWrongKindReadsAsItsDefault_notCoerced() {
        PolicyAsset p = PolicyAsset.from(json("{'budget': {'max_steps': '4', 'max_depth': true, 'timeout_seconds': null},"
                + " 'replan': 'often', 'rca': {'min_score': 'high'},"
                + " 'security': {'blocked_tables': 'secrets', 'allowed_operations': ['SELECT', 5, 'UPDATE'],"
                + " 'reject_rules': ['no', {'patterns': ['drop it', 3]}]}}"));
        assertEquals(PolicyAsset.Budget.from(json("{}")), p.budget());
        assertEquals(PolicyAsset.DEFAULTS.replan(), p.replan());
        assertEquals(PolicyAsset.Rca.DEFAULT_MIN_SCORE, p.rca().minScore());
        assertEquals(List.of(), p.security().blockedTables());
        assertEquals(List.of("SELECT", "UPDATE"), p.security().allowedOperations());
        assertEquals(1, p.security().rejectRules().size());
        assertEquals(new PolicySecurity.RejectRule("security", List.of("drop it"), Text.EMPTY),
                p.security().rejectRules().get(0));
    }

    @Test
    void anEmptyAllowedOperationsListMeansSelect() {
        assertEquals(List.of("SELECT"),
                PolicyAsset.from(json("{'security': {'allowed_operations': []}}")).security().allowedOperations());
    }

    @Test
    void securityQuestionsAreTyped_withLocalizedReasons() {
        PolicySecurity s = PolicyAsset.from(json("{'security': {'blocked_tables': ['payroll'],"
                + " 'blocked_table_reason': {'ko': '차단: {table}', 'en': 'blocked: {table}'},"
                + " 'reject_rules': [{'policy': 'privacy', 'patterns': ['salary'], 'reason': 'no salaries'}],"
                + " 'commands': {'request_words': ['please'], 'rules': [{'verbs': ['drop'], 'ko_stems': ['삭제'],"
                + " 'reason': {'en': 'read only'}}]}}}")).security();
        assertEquals(List.of("payroll"), s.blockedTables());
        assertEquals("차단: {table}", s.blockedTableReason().in("ko"));
        assertEquals("blocked: {table}", s.blockedTableReason().in("ja"));
        assertEquals("privacy", s.rejectRules().get(0).policy());
        assertEquals("no salaries", s.rejectRules().get(0).reason().in("ko"));
        assertEquals(List.of("please"), s.commands().requestWords());
        PolicySecurity.CommandRule rule = s.commands().rules().get(0);
        assertEquals("read_only", rule.policy());
        assertEquals(List.of("drop"), rule.verbs());
        assertEquals(List.of("삭제"), rule.koStems());
        assertEquals("read only", rule.reason().in("ko"));
        assertEquals(List.of(), rule.phrasalVerbs());
    }

    @Test
    void rbacIsDeclaredOnlyWhenGiven_andOperationsSayWhetherTheyListRoles() {
        Rbac r = PolicyAsset.from(json("{'rbac': {'default_roles': ['viewer'], 'roles': {'viewer':"
                + " {'allowed_intents': ['status']}, 'admin': {'allowed_intents': ['*']}},"
                + " 'operations': {'StageTest': ['admin', 'operator'], 'Odd': 'admin'}}}")).rbac();
        assertTrue(r.declared());
        assertEquals(List.of("viewer"), r.defaultRoles());
        assertEquals(List.of("status"), r.intentsOf("viewer"));
        assertEquals(List.of(), r.intentsOf("nobody"));
        assertEquals(List.of(new Rbac.Operation("StageTest", true, List.of("admin", "operator")),
                new Rbac.Operation("Odd", false, List.of())), r.operations());
        assertTrue(PolicyAsset.from(json("{'rbac': {}}")).rbac().declared());
    }

    @Test
    void dataAccessIsParsedWithItsProblemsInsteadOfDefaults() {
        DataAccess ok = PolicyAsset.from(json("{'data_access': {'scopes': [{'role': 'payments', 'scope':"
                + " {'owner': ['Payment-Team']}}, {'role': 'noc', 'scope': '*'}], 'default_scope': 'none'}}")).dataAccess();
        assertTrue(ok.declared());
        assertEquals(List.of(), ok.problems());
        assertEquals(new DataAccess.RoleScope("payments", new DataAccess.Scope(false, false,
                Map.of("owner", Set.of("payment-team")))), ok.scopes().get(0));
        assertTrue(ok.scopes().get(1).scope().all());
        assertTrue(ok.defaultScope().orElseThrow().none());

        DataAccess bad = DataAccess.from(json("{'scopes': [{'scope': {'shoe_size': ['9']}}], 'default_scope': 3}"));
        assertEquals(List.of("data_access.scopes[0].role: a role name is required",
                "data_access.scopes[0].scope.shoe_size: not a CI field a scope can filter on " + DataAccess.FIELDS,
                "data_access.default_scope: must be \"*\", \"none\" or an object of CI fields " + DataAccess.FIELDS),
                bad.problems());
        assertEquals(List.of("data_access: must be an object"), DataAccess.from(json("'all'")).problems());
        assertFalse(DataAccess.from(json("null")).declared());
    }

    @Test
    void aVersionIsParsedOncePerContent() {
        JsonNode content = json("{'budget': {'max_depth': 2}}");
        AssetBundle bundle = new AssetBundle(List.of(new AssetDoc("policy", "p", 1, "published", content)));
        PolicyAsset first = bundle.policy();
        assertSame(first, bundle.policy());
        assertSame(first, new AssetBundle(List.of(new AssetDoc("policy", "p", 1, "draft", content))).policy());
        PolicyAsset other = PolicyAsset.of(new AssetDoc("policy", "p", 1, "published", content.deepCopy()));
        assertNotSame(first, other); // another tree (an override) is parsed on its own
        assertEquals(first, other);
        assertEquals(2, first.budget().maxDepth());
        assertSame(PolicyAsset.DEFAULTS, new AssetBundle(List.of()).policy());
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < ParsedAssets.MAX_PARSED + 10; i++) {
            PolicyAsset.of(new AssetDoc("policy", "p", i, "published", json("{'budget': {'max_steps': " + (i + 1) + "}}")));
        }
        assertTrue(ParsedAssets.size() <= ParsedAssets.MAX_PARSED);
    }
}
