package dev.opsuite.gateway.grpc;

import dev.opsuite.gateway.stages.StageClients;
import dev.opsuite.kit.json.AssetProtos;
import dev.opsuite.model.asset.QueryAsset;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.CheckStatementRequest;
import dev.opsuite.proto.v1.CheckStatementResponse;
import dev.opsuite.proto.v1.ListAssetsRequest;
import dev.opsuite.proto.v1.PreviewQueryAssetRequest;
import dev.opsuite.proto.v1.PreviewQueryRequest;
import dev.opsuite.proto.v1.PreviewQueryResponse;
import dev.opsuite.proto.v1.PreviewQueryAssetResponse;
import dev.opsuite.proto.v1.ResolveAssetsRequest;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.RetireSourceRequest;
import dev.opsuite.proto.v1.SaveAssetRequest;
import dev.opsuite.proto.v1.ScanSourceRequest;
import dev.opsuite.proto.v1.ScanSourceResponse;
import dev.opsuite.proto.v1.ScanSourceSchemaRequest;
import dev.opsuite.proto.v1.ScanSourceSchemaResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the registry does with Source and Query assets beyond storing them: Schema Scan (introspect
 * a source, save the proposal as a SchemaCatalog draft), Query preview (VALIDATE's checks in
 * planner-service, then a bounded read-only run in executor-service) and closing the pool of a
 * Source version once it is archived.
 */
final class SourceAssetApi {
    private static final Logger log = LoggerFactory.getLogger(SourceAssetApi.class);
    /** Preview runs templates (drafts too) against live sources: more than reading answers. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final StageClients clients;

    SourceAssetApi(StageClients clients) {
        this.clients = clients;
    }

    ScanSourceSchemaResponse scan(ScanSourceSchemaRequest r) {
        checkName("name", r.getName());
        String catalog = r.getCatalogName().isEmpty() ? r.getName() + "_schema" : r.getCatalogName();
        checkName("catalog_name", catalog);
        if (r.getVersion() < 0) {
            throw OpsException.invalid("version must not be negative");
        }
        mustExist("source", r.getName());
        List<ResolvedAsset> assets = resolve("source", r.getVersion() > 0 ? r.getName() + "@" + r.getVersion()
                : r.getName());
        ResolvedAsset source = find(assets, "source", r.getName()).orElseThrow(() ->
                OpsException.notFound("source " + r.getName() + " has no published version"));
        ResolvedAsset policy = find(assets, "policy", null).orElseThrow(() ->
                OpsException.invalid("no policy asset is published"));
        ScanSourceResponse scanned = clients.callExecutor("executor-service ScanSource", () -> clients.executor()
                .scanSource(ScanSourceRequest.newBuilder().setSource(source).setPolicy(policy).setCatalogName(catalog)
                        .build()));
        var saved = clients.callTrace("asset registry SaveAsset", () -> clients.assets().saveAsset(SaveAssetRequest
                .newBuilder().setAssetType("schema").setName(catalog).setContent(scanned.getCatalog())
                .setCreatedBy(dev.opsuite.gateway.auth.Authenticator.currentId()).build()));
        return ScanSourceSchemaResponse.newBuilder().setAsset(saved.getAsset()).setContent(scanned.getCatalog())
                .setSource(scanned.getSource()).addAllExcluded(scanned.getExcludedList())
                .setDurationMs(scanned.getDurationMs()).build();
    }

    PreviewQueryAssetResponse preview(PreviewQueryAssetRequest r) {
        checkName("name", r.getName());
        checkName("query", r.getQuery());
        if (r.getVersion() < 0) {
            throw OpsException.invalid("version must not be negative");
        }
        if (r.getDraft() && r.getVersion() > 0) {
            throw OpsException.invalid("give either version or draft, not both");
        }
        if (r.getMaxRows() < 0 || r.getTimeoutSeconds() < 0) {
            throw OpsException.invalid("max_rows and timeout_seconds must not be negative");
        }
        mustExist("query", r.getName());
        String ref = r.getDraft() ? r.getName() + "(draft)" : r.getVersion() > 0 ? r.getName() + "@" + r.getVersion()
                : r.getName();
        List<ResolvedAsset> assets = resolve("query", ref);
        ResolvedAsset query = find(assets, "query", r.getName()).orElseThrow(() ->
                OpsException.notFound("query asset " + ref + " was not resolved"));
        String sourceName = template(query, r.getQuery()).orElseThrow(() -> OpsException.notFound("query asset "
                + r.getName() + "@" + query.getVersion() + " has no template '" + r.getQuery() + "'"));
        ResolvedAsset source = find(assets, "source", sourceName).orElseThrow(() -> OpsException.notFound(
                "template " + r.getQuery() + " names source '" + sourceName + "', which has no published version"));
        ResolvedAsset policy = find(assets, "policy", null).orElseThrow(() ->
                OpsException.invalid("no policy asset is published"));
        CheckStatementResponse check = clients.callPlanner("planner-service CheckStatement", () -> clients.planner()
                .checkStatement(CheckStatementRequest.newBuilder().setQueryName(r.getQuery())
                        .addAllAssets(List.of(policy, query, source)).build()));
        if (!check.getAllowed()) {
            throw new OpsException(ErrorCode.POLICY_DENIED, "the policy refuses template " + r.getQuery() + ": "
                    + String.join("; ", check.getDecisionsList().stream().filter(d -> "deny".equals(d.getDecision()))
                    .map(d -> d.getRule() + ": " + d.getReason()).toList()));
        }
        // the statement must end before the stage call's deadline does, so its own timeout answers
        int cap = (int) Math.max(1, clients.deadlineMs() / 1000 - 1);
        int timeout = r.getTimeoutSeconds() == 0 ? cap : Math.min(r.getTimeoutSeconds(), cap);
        PreviewQueryResponse p = clients.callExecutor("executor-service PreviewQuery", () -> clients.executor()
                .previewQuery(PreviewQueryRequest.newBuilder().setQueryAsset(query).setQueryName(r.getQuery())
                        .setSource(source).setPolicy(policy).setParams(r.getParams()).setMaxRows(r.getMaxRows())
                        .setTimeoutSeconds(timeout).addAllRoles(CallerRoles.current()).build()));
        return PreviewQueryAssetResponse.newBuilder().setQueryAsset(r.getName() + "@" + query.getVersion()
                        + ("draft".equals(query.getStatus()) ? "(draft)" : "")).setQuery(r.getQuery())
                .setSource(p.getSource()).setLanguage(p.getLanguage()).setStatement(p.getStatement())
                .setParams(p.getParams()).addAllColumns(p.getColumnsList()).addAllRows(p.getRowsList())
                .setRowCount(p.getRowCount()).setTruncated(p.getTruncated()).setDurationMs(p.getDurationMs())
                .setMaxRows(p.getMaxRows()).setTimeoutSeconds(p.getTimeoutSeconds())
                .addAllDecisions(check.getDecisionsList()).build();
    }

    /**
     * After a Source version was archived (directly or by publishing another): its pool closes
     * now. A failure here does not undo the archive; the executor closes idle pools by itself.
     */
    void retired(String name, int version) {
        if (version < 1) {
            return;
        }
        try {
            var r = clients.callExecutor("executor-service RetireSource", () -> clients.executor().retireSource(
                    RetireSourceRequest.newBuilder().setName(name).setVersion(version).build()));
            log.info("source {}@{} archived; closed pools {}", name, version, r.getClosedList());
        } catch (OpsException e) {
            log.warn("source {}@{} archived, but its pool was not closed now ({}); idle eviction will", name, version,
                    e.getMessage());
        }
    }

    private void mustExist(String type, String name) {
        boolean exists = clients.callTrace("asset registry ListAssets", () -> clients.assets().listAssets(
                ListAssetsRequest.newBuilder().setAssetType(type).setName(name).build())).getAssetsCount() > 0;
        if (!exists) {
            throw OpsException.notFound("no " + type + " asset '" + name + "' exists");
        }
    }

    private List<ResolvedAsset> resolve(String type, String ref) {
        return clients.callTrace("asset registry ResolveAssets", () -> clients.assets().resolveAssets(
                ResolveAssetsRequest.newBuilder().putOverrides(type, ref).build())).getAssetsList();
    }

    private static Optional<ResolvedAsset> find(List<ResolvedAsset> assets, String type, String name) {
        return assets.stream().filter(a -> a.getAssetType().equals(type) && (name == null || a.getName().equals(name)))
                .findFirst();
    }

    /** The source named by the template of that name, when the asset has it. */
    private static Optional<String> template(ResolvedAsset query, String name) {
        return QueryAsset.of(AssetProtos.toDoc(query)).template(name).map(QueryTemplate::source);
    }

    private static void checkName(String field, String value) {
        if (!NAME.matcher(value).matches()) {
            throw OpsException.invalid(field + " must be 1-100 characters of [A-Za-z0-9_.-]");
        }
    }
}
