package dev.opsuite.gateway.auth;

import java.util.Map;
import java.util.Optional;

/**
 * Who may call what: the one table of the role each operation of the gateway needs, read by the
 * gRPC interceptor (and so by every transcoded REST route) and by the import route. An operation
 * missing from the table is refused — new RPCs are closed until someone writes their row.
 *
 * <p>The Policy asset's {@code rbac} still decides which intents a role may ask for; this table
 * decides who reaches an operation at all. It is code, not an asset, on purpose: an asset writer
 * must not be able to widen who may import, mint keys or publish.
 */
public final class Access {
    /** Operations open to everyone, authenticated or not: they reveal nothing. */
    public static final String OPEN = "open";
    /**
     * Operations for any caller holding a role at all — viewer or a Policy asset's own lesser role
     * (guest): what they may then ask is the Policy's rbac, per intent.
     */
    public static final String ANY_ROLE = "any_role";

    private static final Map<String, String> REQUIRED = Map.ofEntries(
            Map.entry("Ask", ANY_ROLE),
            Map.entry("AskStream", ANY_ROLE),         // Ask, streamed (gRPC, and SSE at POST /ops/ci/ask/stream)
            Map.entry("Query", ANY_ROLE),
            Map.entry("RunUiAction", ANY_ROLE),
            Map.entry("GetTrace", ANY_ROLE),          // their own traces; operator all
            Map.entry("ListTraces", ANY_ROLE),
            Map.entry("Rca", ANY_ROLE),               // over traces the caller may read
            Map.entry("GetStageCall", "operator"),
            Map.entry("WhoAmI", ANY_ROLE),
            Map.entry("ListAssetVersions", "operator"),
            Map.entry("GetAssetVersion", "operator"),
            Map.entry("DiffAssetVersions", "operator"),
            Map.entry("CheckSourceHealth", "operator"),
            Map.entry("PreviewQueryAsset", "operator"),
            Map.entry("StageTest", "operator"),
            Map.entry("ListGoldenQueries", "operator"),
            Map.entry("GetGoldenQuery", "operator"),
            Map.entry("ListRegressionRuns", "operator"),
            Map.entry("RunRegression", "operator"),
            Map.entry("RunRegressionSet", "operator"),
            Map.entry("CreateGoldenQuery", "asset_admin"),  // golden queries guard publishing
            Map.entry("SetGoldenBaseline", "asset_admin"),
            Map.entry("DeleteGoldenQuery", "asset_admin"),
            Map.entry("ScanSourceSchema", "asset_admin"), // saves a SchemaCatalog draft
            Map.entry("CreateAssetVersion", "asset_admin"),
            Map.entry("PublishAssetVersion", "asset_admin"),
            Map.entry("ArchiveAssetVersion", "asset_admin"),
            Map.entry("ReviewAssetVersion", "reviewer"),     // a second pair of eyes on a warning gate
            Map.entry("Import", "estate_admin"),
            Map.entry("RemoveDemoEstate", "estate_admin"),
            Map.entry("ApplyRetention", "estate_admin"),
            Map.entry("CreateApiKey", "admin"),
            Map.entry("ListApiKeys", "admin"),
            Map.entry("RevokeApiKey", "admin"),
            Map.entry("ListAudit", "admin"),
            Map.entry("Metrics", "operator"),              // GET /metrics (Prometheus scrapes with a key)
            Map.entry("GetHealth", OPEN),
            Map.entry("Ping", OPEN));

    private Access() {}

    /** The role an operation needs ({@link #OPEN} for none), or empty when the table has no row. */
    public static Optional<String> required(String operation) {
        return Optional.ofNullable(REQUIRED.get(operation));
    }

    /** Whether a caller holding these roles may run the operation (no row: never). */
    public static boolean allows(String operation, Principal caller) {
        String role = REQUIRED.get(operation);
        if (role == null) {
            return false;
        }
        if (OPEN.equals(role)) {
            return true;
        }
        return caller != null && (ANY_ROLE.equals(role) ? !caller.roles().isEmpty() : caller.has(role));
    }
}
