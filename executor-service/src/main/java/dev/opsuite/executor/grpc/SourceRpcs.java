package dev.opsuite.executor.grpc;

import dev.opsuite.executor.domain.QueryPreviewer;
import dev.opsuite.executor.domain.SchemaScanner;
import dev.opsuite.executor.domain.SourcePoolPort;
import dev.opsuite.kit.json.AssetProtos;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.PolicyAsset;
import dev.opsuite.model.asset.QueryAsset;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.PreviewQueryRequest;
import dev.opsuite.proto.v1.PreviewQueryResponse;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.RetireSourceRequest;
import dev.opsuite.proto.v1.RetireSourceResponse;
import dev.opsuite.proto.v1.ScanSourceRequest;
import dev.opsuite.proto.v1.ScanSourceResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Proto mapping of the Source-asset RPCs: RetireSource, ScanSource, PreviewQuery. */
public final class SourceRpcs {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final SchemaScanner scanner;
    private final QueryPreviewer previewer;
    private final List<SourcePoolPort> pools;

    public SourceRpcs(SchemaScanner scanner, QueryPreviewer previewer, List<SourcePoolPort> pools) {
        this.scanner = scanner;
        this.previewer = previewer;
        this.pools = List.copyOf(pools);
    }

    RetireSourceResponse retire(RetireSourceRequest r) {
        name("name", r.getName());
        if (r.getVersion() < 0) {
            throw OpsException.invalid("version must not be negative");
        }
        List<String> closed = new ArrayList<>();
        pools.forEach(p -> closed.addAll(p.retire(r.getName(), r.getVersion())));
        return RetireSourceResponse.newBuilder().addAllClosed(closed).build();
    }

    ScanSourceResponse scan(ScanSourceRequest r) {
        AssetDoc source = asset("source", r.hasSource() ? r.getSource() : null);
        AssetDoc policy = asset("policy", r.hasPolicy() ? r.getPolicy() : null);
        name("catalog_name", r.getCatalogName());
        long start = System.nanoTime();
        SchemaScanner.Proposal p = scanner.scan(source, PolicyAsset.of(policy), r.getCatalogName());
        return ScanSourceResponse.newBuilder().setCatalog(Structs.toStruct(p.catalog())).setSource(source.ref())
                .addAllExcluded(p.excluded()).setDurationMs((int) ((System.nanoTime() - start) / 1_000_000)).build();
    }

    private final dev.opsuite.guard.PlanValidator guard = new dev.opsuite.guard.PlanValidator();

    PreviewQueryResponse preview(PreviewQueryRequest r) {
        AssetDoc query = asset("query", r.hasQueryAsset() ? r.getQueryAsset() : null);
        AssetDoc source = asset("source", r.hasSource() ? r.getSource() : null);
        AssetDoc policy = asset("policy", r.hasPolicy() ? r.getPolicy() : null);
        name("query_name", r.getQueryName());
        if (!dev.opsuite.guard.DataScope.of(PolicyAsset.of(policy), r.getRolesList()).all()) {
            throw OpsException.denied("query preview shows a template's raw rows, so it is open only to callers whose "
                    + "data scope is every CI; ask with the question instead, which your scope applies to");
        }
        QueryPreviewer.Preview p = previewer.preview(QueryAsset.of(query), r.getQueryName(), source, PolicyAsset.of(policy),
                Structs.toMap(r.getParams()), r.getMaxRows(), r.getTimeoutSeconds(), () -> recheck(r));
        PreviewQueryResponse.Builder b = PreviewQueryResponse.newBuilder().addAllColumns(p.columns())
                .setRowCount(p.rows().size()).setTruncated(p.truncated()).setDurationMs(p.durationMs())
                .setStatement(p.statement()).setParams(Structs.toStruct(p.params())).setSource(p.source())
                .setLanguage(p.language()).setMaxRows(p.maxRows()).setTimeoutSeconds(p.timeoutSeconds());
        p.rows().forEach(row -> b.addRows(Structs.toListValue(row)));
        return b.build();
    }

    /** The same statement checks as VALIDATE, here where it runs: a caller of this port cannot skip them. */
    private void recheck(PreviewQueryRequest r) {
        List<dev.opsuite.guard.PlanValidator.Decision> denied = guard.checkTemplate(r.getQueryName(),
                AssetProtos.toBundle(List.of(r.getQueryAsset(), r.getSource(), r.getPolicy()))).stream()
                .filter(d -> "deny".equals(d.decision())).toList();
        if (!denied.isEmpty()) {
            throw OpsException.denied("the template is refused by the Policy: " + String.join("; ",
                    denied.stream().map(d -> d.rule() + ": " + d.reason()).toList()));
        }
    }

    private static AssetDoc asset(String type, ResolvedAsset a) {
        if (a == null || !type.equals(a.getAssetType())) {
            throw OpsException.invalid("a " + type + " asset is required");
        }
        var bundle = AssetProtos.toBundle(List.of(a));
        return "source".equals(type) ? bundle.sources().get(a.getName()) : bundle.require(type);
    }

    private static void name(String field, String value) {
        if (!NAME.matcher(value).matches()) {
            throw OpsException.invalid(field + " must be 1-100 characters of [A-Za-z0-9_.-]");
        }
    }
}
