package dev.opsuite.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.asset.PolicyAsset;
import dev.opsuite.model.asset.QueryTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataScopeTest {
    private static final Map<String, String> PAY_PROD = Map.of("ci_code", "APP001", "owner", "payment-team",
            "environment", "prod", "ci_type", "app");
    private static final Map<String, String> PAY_DEV = Map.of("ci_code", "APP050", "owner", "payment-team",
            "environment", "dev", "ci_type", "app");
    private static final Map<String, String> DB = Map.of("ci_code", "DB003", "owner", "dba-team",
            "environment", "prod", "ci_type", "database");
    private static final Map<String, String> DEV_DB = Map.of("ci_code", "DB030", "owner", "dba-team",
            "environment", "dev", "ci_type", "database");

    private static PolicyAsset policy(String dataAccess) throws Exception {
        return PolicyAsset.from(ModelJson.MAPPER.readTree("{\"data_access\": " + dataAccess + "}"));
    }

    private static final String ISSUE_EXAMPLE = "{\"scopes\": ["
            + "{\"role\": \"payments\", \"scope\": {\"owner\": [\"payment-team\"], \"environment\": [\"prod\", \"stage\"]}},"
            + "{\"role\": \"contractor\", \"scope\": {\"environment\": [\"DEV\"]}},"
            + "{\"role\": \"noc\", \"scope\": \"*\"},"
            + "{\"role\": \"auditor\", \"scope\": {\"ci_code\": [\"DB003\"]}}]}";

    @Test
    void everyFieldOfOneScopeMustMatch() throws Exception {
        DataScope s = DataScope.of(policy(ISSUE_EXAMPLE), List.of("viewer", "payments"));
        assertFalse(s.all());
        assertEquals(List.of("payments"), s.roles());
        assertTrue(s.admits(PAY_PROD));
        assertFalse(s.admits(PAY_DEV), "payment-team but dev");
        assertFalse(s.admits(DB), "prod but another owner");
        assertFalse(s.admits(Map.of("ci_code", "X")), "a CI without the fields is outside");
    }

    @Test
    void severalScopedRolesSeeTheUnionAndValuesIgnoreCase() throws Exception {
        DataScope s = DataScope.of(policy(ISSUE_EXAMPLE), List.of("payments", "contractor"));
        assertTrue(s.admits(PAY_PROD) && s.admits(PAY_DEV) && s.admits(DEV_DB));
        assertFalse(s.admits(DB));
        assertTrue(DataScope.of(policy(ISSUE_EXAMPLE), List.of("payments", "auditor")).admits(DB), "explicit codes");
    }

    @Test
    void aTagScopeAdmitsACiCarryingAnyOfItsTags() throws Exception {
        PolicyAsset p = policy("{\"scopes\": [{\"role\": \"pci_audit\", \"scope\": {\"tag\": [\"PCI\", \"sox\"]}},"
                + "{\"role\": \"pci_prod\", \"scope\": {\"tag\": [\"pci\"], \"environment\": [\"prod\"]}}]}");
        DataScope audit = DataScope.of(p, List.of("pci_audit"));
        assertTrue(audit.admits(Map.of("ci_code", "APP001", "tags", "tier1|pci")), "one of its tags is listed");
        assertTrue(audit.admits(Map.of("ci_code", "APP002", "tags", "SOX")), "tags compare case-insensitively");
        assertFalse(audit.admits(Map.of("ci_code", "APP003", "tags", "tier1|pcix")), "whole tags only");
        assertFalse(audit.admits(Map.of("ci_code", "APP004")), "a CI without tags is outside");
        DataScope prod = DataScope.of(p, List.of("pci_prod"));
        assertTrue(prod.admits(Map.of("ci_code", "A", "tags", "pci", "environment", "prod")));
        assertFalse(prod.admits(Map.of("ci_code", "B", "tags", "pci", "environment", "dev")), "and every other field");
        assertTrue(p.dataAccess().problems().isEmpty(), p.dataAccess().problems().toString());
        assertFalse(policy("{\"scopes\": [{\"role\": \"x\", \"scope\": {\"tags\": [\"pci\"]}}]}").dataAccess().problems()
                .isEmpty(), "the scope field is tag; tags is the CI fact, not a field a Policy names");
    }

    @Test
    void aStarRoleSeesEverythingAndUnlistedRolesNeitherWidenNorNarrow() throws Exception {
        assertTrue(DataScope.of(policy(ISSUE_EXAMPLE), List.of("payments", "noc")).all());
        assertTrue(DataScope.of(policy(ISSUE_EXAMPLE), List.of("viewer", "operator")).all(), "default_scope is *");
        assertFalse(DataScope.of(policy(ISSUE_EXAMPLE), List.of("viewer", "payments")).all(), "viewer adds nothing");
        assertTrue(DataScope.of(PolicyAsset.from(ModelJson.MAPPER.readTree("{}")), List.of("payments")).all(), "no data_access: no scope");
    }

    @Test
    void defaultScopeAppliesWhenNoRoleIsListed() throws Exception {
        DataScope none = DataScope.of(policy("{\"scopes\": [], \"default_scope\": \"none\"}"), List.of("viewer"));
        assertFalse(none.all());
        assertFalse(none.admits(PAY_PROD));
        assertEquals("none", none.key());
        DataScope prodOnly = DataScope.of(policy("{\"default_scope\": {\"environment\": [\"prod\"]}}"), List.of("viewer"));
        assertTrue(prodOnly.admits(DB));
        assertFalse(prodOnly.admits(DEV_DB));
    }

    @Test
    void theKeyIsStableAcrossOrder() throws Exception {
        DataScope a = DataScope.of(policy(ISSUE_EXAMPLE), List.of("payments", "contractor"));
        DataScope b = DataScope.of(policy(ISSUE_EXAMPLE), List.of("contractor", "payments"));
        assertEquals(a.key(), b.key());
    }

    @Test
    void aBrokenDataAccessIsReportedAndScopesEveryoneToNothing() throws Exception {
        PolicyAsset bad = policy("{\"scopes\": [{\"role\": \"payments\", \"scope\": {\"team\": [\"x\"]}},"
                + "{\"scope\": {\"owner\": []}}, {\"role\": \"r\", \"scope\": 7}], \"default_scope\": \"all\"}");
        List<String> problems = bad.dataAccess().problems();
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("data_access.scopes[0].scope.team:"), problems.toString());
        DataScope s = DataScope.of(bad, List.of("viewer"));
        assertFalse(s.all());
        assertFalse(s.admits(PAY_PROD));
        assertTrue(policy(ISSUE_EXAMPLE).dataAccess().problems().isEmpty());
    }

    @Test
    void aTemplateWithoutAScopingClauseCannotRunScoped() throws Exception {
        QueryTemplate unscoped = template("{\"name\": \"q\", \"statement\": \"SELECT ci_code FROM ci\"}");
        assertTrue(ScopedTemplates.problem(unscoped).isPresent());
        QueryTemplate declaredNotUsed = template("{\"name\": \"q\", \"statement\": \"SELECT ci_code FROM ci\","
                + "\"params\": [{\"name\": \"scope_all\"}, {\"name\": \"scope_ci_codes\"}], \"scope\": {\"columns\": []}}");
        assertTrue(ScopedTemplates.problem(declaredNotUsed).isPresent());
        QueryTemplate scoped = template("{\"name\": \"q\", \"statement\": \"SELECT ci_code FROM ci WHERE "
                + "(:scope_all OR ci_code = ANY(:scope_ci_codes))\", \"params\": [{\"name\": \"scope_all\"}, "
                + "{\"name\": \"scope_ci_codes\"}], \"scope\": {\"columns\": [\"ci_code\"]}}");
        assertTrue(ScopedTemplates.problem(scoped).isEmpty());
        assertEquals(List.of("ci_code"), ScopedTemplates.columns(scoped));
    }

    private static QueryTemplate template(String json) throws Exception {
        return QueryTemplate.from(ModelJson.MAPPER.readTree(json));
    }
}
