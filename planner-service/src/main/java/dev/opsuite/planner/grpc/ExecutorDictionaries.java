package dev.opsuite.planner.grpc;

import dev.opsuite.kit.grpc.Channels;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.asset.QueryBinding;
import dev.opsuite.model.asset.QueryBinding.When;
import dev.opsuite.planner.domain.understand.DictionaryTables;
import dev.opsuite.planner.domain.understand.EntityDictionary;
import dev.opsuite.guard.DataScope;
import dev.opsuite.guard.PlanValidator;
import dev.opsuite.proto.v1.ExecutorServiceGrpc;
import dev.opsuite.proto.v1.LoadDictionaryRequest;
import dev.opsuite.proto.v1.LoadDictionaryResponse;
import dev.opsuite.proto.v1.ResolvedAsset;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The estate dictionary for entity linking, loaded from executor-service (LoadDictionary) and kept
 * per Query/Source asset version and mode. The estate's revision is checked at most every
 * refresh interval; a changed revision (an import) reloads it before the next question is read.
 * The dictionary templates pass VALIDATE's statement checks first. When executor-service cannot be
 * reached the last dictionary stays in use; with none, names are left to EXECUTE's resolver.
 */
public final class ExecutorDictionaries implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExecutorDictionaries.class);
    private static final long DEADLINE_MS = 60_000;
    private static final int MAX_KEYS = 16;

    private final ManagedChannel channel;
    private final long refreshMs;
    private final PlanValidator validator;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    private static final class Held {
        volatile EntityDictionary dictionary;
        volatile long checkedAt;
        volatile long generation;
        /** The dictionary restricted to each data scope asked with, for the dictionary held now. */
        final Map<String, EntityDictionary> scoped = new ConcurrentHashMap<>();
        volatile EntityDictionary scopedOf;
    }

    public ExecutorDictionaries(String executorTarget, long refreshMs, PlanValidator validator) {
        this.channel = Channels.to(executorTarget, 64 * 1024 * 1024, Channels.Transport.AUTO, "planner",
                dev.opsuite.proto.v1.ExecutorServiceGrpc.SERVICE_NAME);
        this.refreshMs = refreshMs;
        this.validator = validator;
    }

    /**
     * The dictionary for these assets as a caller with this data scope may see it (only its CIs'
     * names), or empty when the Query asset declares none or none can be had.
     */
    public Optional<EntityDictionary> current(List<ResolvedAsset> assets, AssetBundle bundle, String mode,
                                              String primaryEntity, long generation, DataScope scope) {
        return current(assets, bundle, mode, primaryEntity, generation).map(d -> {
            if (scope.all()) {
                return d;
            }
            Held h = held.get(key(assets, mode));
            if (h == null) {
                return d.restrictedTo(e -> scope.admits(EntityDictionary.scopeFields(e)));
            }
            if (h.scopedOf != d) {
                h.scoped.clear();
                h.scopedOf = d;
            }
            if (h.scoped.size() > MAX_KEYS) {
                h.scoped.clear();
            }
            return h.scoped.computeIfAbsent(scope.key(),
                    k -> d.restrictedTo(e -> scope.admits(EntityDictionary.scopeFields(e))));
        });
    }

    private Optional<EntityDictionary> current(List<ResolvedAsset> assets, AssetBundle bundle, String mode,
                                              String primaryEntity, long generation) {
        if (!declaresDictionary(bundle) || !templatesAllowed(bundle)) {
            return Optional.empty();
        }
        String key = key(assets, mode);
        if (held.size() > MAX_KEYS && !held.containsKey(key)) {
            held.clear();
        }
        Held h = held.computeIfAbsent(key, k -> new Held());
        long now = System.currentTimeMillis();
        if (h.dictionary != null && now - h.checkedAt < refreshMs && h.generation == generation) {
            return Optional.of(h.dictionary);
        }
        synchronized (h) {
            if (h.dictionary != null && System.currentTimeMillis() - h.checkedAt < refreshMs && h.generation == generation) {
                return Optional.of(h.dictionary);
            }
            h.generation = generation;
            try {
                h.dictionary = load(assets, mode, h.dictionary, primaryEntity);
                h.checkedAt = System.currentTimeMillis();
            } catch (StatusRuntimeException e) {
                channel.resetConnectBackoff();
                log.warn("estate dictionary not loaded ({}); {}", e.getStatus().getCode(),
                        h.dictionary == null ? "names are resolved at EXECUTE" : "the last one stays in use");
            }
            return Optional.ofNullable(h.dictionary);
        }
    }

    private EntityDictionary load(List<ResolvedAsset> assets, String mode, EntityDictionary previous, String entity) {
        LoadDictionaryRequest.Builder req = LoadDictionaryRequest.newBuilder().setMode(mode)
                .setKnownRevision(previous == null ? 0 : previous.revision());
        assets.stream().filter(a -> a.getAssetType().equals("query") || a.getAssetType().equals("source"))
                .forEach(req::addAssets);
        long t0 = System.nanoTime();
        Iterator<LoadDictionaryResponse> chunks = ExecutorServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS).loadDictionary(req.build());
        DictionaryTables tables = new DictionaryTables(entity);
        long revision = -1;
        boolean unchanged = false;
        while (chunks.hasNext()) {
            LoadDictionaryResponse c = chunks.next();
            revision = c.getRevision();
            unchanged |= c.getUnchanged();
            if (c.getColumnsCount() > 0) {
                tables.add(c.getColumnsList(), c.getRowsList().stream().map(Structs::toList).toList());
            }
        }
        if (unchanged && previous != null) {
            return previous;
        }
        EntityDictionary d = tables.build(revision);
        log.info("estate dictionary revision {}: {} CIs in {} ms", revision, d.size(),
                (System.nanoTime() - t0) / 1_000_000);
        return d;
    }

    private static boolean declaresDictionary(AssetBundle bundle) {
        return !bundle.query().serving(When.DICTIONARY).isEmpty();
    }

    /** Every dictionary template passes the same statement checks as a plan's templates. */
    private boolean templatesAllowed(AssetBundle bundle) {
        if (bundle.get("policy").isEmpty()) {
            return false;
        }
        for (QueryBinding b : bundle.query().bindings()) {
            if (b.when().serves(When.DICTIONARY) || b.when().serves(When.DICTIONARY_REVISION)) {
                boolean denied = validator.checkTemplate(b.query(), bundle).stream()
                        .anyMatch(d -> "deny".equals(d.decision()));
                if (denied) {
                    log.warn("dictionary template {} is denied by the policy; not used", b.query());
                    return false;
                }
            }
        }
        return true;
    }

    private static String key(List<ResolvedAsset> assets, String mode) {
        StringBuilder k = new StringBuilder(mode);
        for (ResolvedAsset a : assets) {
            if (a.getAssetType().equals("query") || a.getAssetType().equals("source")) {
                k.append('|').append(a.getAssetType()).append(':').append(a.getName()).append('@').append(a.getVersion())
                        .append(a.getStatus());
                if (a.getVersion() == 0) { // inline content without a version: its own content is the key
                    k.append('#').append(a.getContent().hashCode());
                }
            }
        }
        return k.toString();
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
