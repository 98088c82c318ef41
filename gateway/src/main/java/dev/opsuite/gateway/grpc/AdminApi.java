package dev.opsuite.gateway.grpc;

import dev.opsuite.conductor.Conductor;
import dev.opsuite.gateway.auth.ApiKeys;
import dev.opsuite.gateway.auth.Authenticator;
import dev.opsuite.gateway.stages.StageClients;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.ApiKeyInfo;
import dev.opsuite.proto.v1.ApplyMetricRetentionRequest;
import dev.opsuite.proto.v1.ApplyRetentionRequest;
import dev.opsuite.proto.v1.ApplyRetentionResponse;
import dev.opsuite.proto.v1.CreateApiKeyRequest;
import dev.opsuite.proto.v1.CreateApiKeyResponse;
import dev.opsuite.proto.v1.EstateServiceGrpc;
import dev.opsuite.proto.v1.ListApiKeysResponse;
import dev.opsuite.proto.v1.ListAuditRequest;
import dev.opsuite.proto.v1.ListAuditResponse;
import dev.opsuite.proto.v1.RemoveDemoEstateResponse;
import dev.opsuite.proto.v1.RemoveGoldenQueryRequest;
import dev.opsuite.proto.v1.RemoveOriginRequest;
import dev.opsuite.proto.v1.RevokeApiKeyRequest;
import dev.opsuite.proto.v1.RevokeApiKeyResponse;
import dev.opsuite.proto.v1.SearchAuditEventsRequest;
import dev.opsuite.proto.v1.SearchGoldenQueriesRequest;
import dev.opsuite.proto.v1.WhoAmIResponse;
import java.util.concurrent.TimeUnit;

/** The administrative RPCs of OpsService: API keys, who am I, the audit log, removing the demo estate, metric retention. */
final class AdminApi {
    private final StageClients clients;
    private final ApiKeys keys;
    private final Conductor conductor;

    AdminApi(StageClients clients, ApiKeys keys, Conductor conductor) {
        this.clients = clients;
        this.keys = keys;
        this.conductor = conductor;
    }

    RemoveDemoEstateResponse removeDemoEstate() {
        var removed = clients.callExecutor("executor-service RemoveOrigin", () ->
                EstateServiceGrpc.newBlockingStub(clients.executorChannel()).withDeadlineAfter(10, TimeUnit.MINUTES)
                        .removeOrigin(RemoveOriginRequest.newBuilder().setOrigin("demo").build()));
        clients.estateGeneration().incrementAndGet();
        return RemoveDemoEstateResponse.newBuilder().setRemovedCis(removed.getRemovedCis())
                .setRemovedDocuments(removed.getRemovedDocuments())
                .setRemovedGoldenQueries(removeDemoGoldenQueries()).build();
    }

    /**
     * Metric retention, on the executor that holds the estate. The estate generation moves on, as after an
     * import: an answer cached from samples now gone is not served again.
     */
    ApplyRetentionResponse applyRetention(ApplyRetentionRequest r) {
        var done = clients.callExecutor("executor-service ApplyMetricRetention", () ->
                EstateServiceGrpc.newBlockingStub(clients.executorChannel()).withDeadlineAfter(30, TimeUnit.MINUTES)
                        .applyMetricRetention(ApplyMetricRetentionRequest.newBuilder().setKeep(r.getKeep()).build()));
        clients.estateGeneration().incrementAndGet();
        return ApplyRetentionResponse.newBuilder().setCutoff(done.getCutoff())
                .addAllDroppedPartitions(done.getDroppedPartitionsList()).setDeletedMetricRows(done.getDeletedMetricRows())
                .setDeletedRollupRows(done.getDeletedRollupRows()).build();
    }

    /**
     * The default golden queries about demo CIs (tagged both "default" and "demo" by the seeder) go
     * with the demo: their baselines answer about CIs that no longer exist, so each run would fail and
     * refuse every publish of the assets they are bound to. An operator's own queries are kept.
     */
    private long removeDemoGoldenQueries() {
        var demo = clients.callTrace("trace-service SearchGoldenQueries", () -> clients.golden().searchGoldenQueries(
                SearchGoldenQueriesRequest.newBuilder().setTag("demo").setLimit(1000).build())).getQueriesList();
        long n = 0;
        for (var q : demo) {
            if (q.getTagsList().contains("default")) {
                clients.callTrace("trace-service RemoveGoldenQuery", () -> clients.golden().removeGoldenQuery(
                        RemoveGoldenQueryRequest.newBuilder().setQueryId(q.getQueryId()).build()));
                n++;
            }
        }
        return n;
    }

    CreateApiKeyResponse createApiKey(CreateApiKeyRequest r) {
        var created = keys.create(r.getName().strip(), r.getRolesList());
        return CreateApiKeyResponse.newBuilder().setKey(info(created.key())).setToken(created.token()).build();
    }

    ListApiKeysResponse listApiKeys() {
        var data = ListApiKeysResponse.newBuilder();
        keys.list().forEach(k -> data.addKeys(info(k)));
        return data.build();
    }

    RevokeApiKeyResponse revokeApiKey(RevokeApiKeyRequest r) {
        var revoked = keys.revoke(r.getId().strip())
                .orElseThrow(() -> OpsException.notFound("no API key " + r.getId().strip()));
        return RevokeApiKeyResponse.newBuilder().setKey(info(revoked)).build();
    }

    WhoAmIResponse whoAmI() {
        var p = Authenticator.current().orElseThrow(() -> OpsException.unauthenticated("not authenticated"));
        return WhoAmIResponse.newBuilder().setName(p.name()).setKind(p.kind()).addAllRoles(p.roles())
                .setDataScope(dev.opsuite.guard.DataScope.of(conductor.publishedPolicy(), p.roles()).toProto())
                .setLlmTokensUsedToday(conductor.llm().used(p.id()))
                .setLlmTokensDaily(conductor.llm().dailyTokens()).build();
    }

    ListAuditResponse listAudit(ListAuditRequest r) {
        var found = clients.callTrace("trace-service SearchAuditEvents", () -> clients.audit().searchAuditEvents(
                SearchAuditEventsRequest.newBuilder().setLimit(r.getLimit()).setBeforeId(r.getBeforeId())
                        .setPrincipal(r.getPrincipal()).setAction(r.getAction()).setOutcome(r.getOutcome()).build()));
        return ListAuditResponse.newBuilder().addAllEvents(found.getEventsList())
                .setNextBeforeId(found.getNextBeforeId()).build();
    }

    private static ApiKeyInfo info(ApiKeys.KeyInfo k) {
        return ApiKeyInfo.newBuilder().setId(k.id()).setName(k.name()).addAllRoles(k.roles())
                .setCreatedAt(k.createdAt()).setRevokedAt(k.revokedAt()).build();
    }
}
