package dev.opsuite.trace.domain;

import dev.opsuite.kit.errors.ErrorCode;
import dev.opsuite.kit.errors.OpsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The asset registry: which asset versions a request runs with, listings, single versions, seeding. */
public final class AssetRegistry {
    private static final Logger log = LoggerFactory.getLogger(AssetRegistry.class);
    /** Listings are bounded; a registry is hundreds of versions, not tens of thousands. */
    public static final int MAX_LIST = 10_000;

    private static final Comparator<Asset> ORDER =
            Comparator.comparing(Asset::type).thenComparing(Asset::name);

    private final AssetStore store;

    public AssetRegistry(AssetStore store) {
        this.store = Objects.requireNonNull(store);
    }

    /**
     * The asset set of one request: for each type with a default, the published version of the
     * default asset unless {@code overrides} names another one; plus every published source (the
     * executor picks sources by name), where a source override replaces the same-named one.
     * An override for a type without a default is applied too. Ordered by type, then name.
     */
    public List<Asset> resolve(Map<String, String> overrides) {
        Map<AssetType, AssetRef> refs = parseOverrides(overrides);
        Map<AssetType, String> defaults = store.defaults();

        Set<AssetKey> defaultKeys = new HashSet<>();
        defaults.forEach((type, name) -> {
            if (!refs.containsKey(type)) {
                defaultKeys.add(new AssetKey(type, name));
            }
        });
        Map<AssetKey, Asset> published = new LinkedHashMap<>();
        for (Asset a : store.publishedOf(Set.of(AssetType.SOURCE), defaultKeys)) {
            published.put(a.key(), a);
        }

        Map<AssetKey, Asset> chosen = new LinkedHashMap<>();
        for (AssetKey key : defaultKeys) {
            Asset a = published.get(key);
            if (a == null) {
                // The registry is misconfigured, not the request: say exactly what to fix.
                throw new OpsException(ErrorCode.INTERNAL, "asset_defaults names " + key
                        + " but it has no published version; publish one, change the default, or pass an override");
            }
            chosen.put(key, a);
        }
        published.values().stream().filter(a -> a.type() == AssetType.SOURCE)
                .forEach(a -> chosen.put(a.key(), a));

        refs.forEach((type, ref) -> {
            Asset a = store.find(ref).orElseThrow(() -> badOverride(type, overrides.get(type.wireName()),
                    store.exists(ref.key()) ? ref.missingReason() : "no " + ref.key() + " exists"));
            chosen.put(a.key(), a); // a source override replaces the published source of that name
        });

        List<Asset> out = new ArrayList<>(chosen.values());
        out.sort(ORDER);
        return out;
    }

    /** Versions filtered by type and status ("" = any), by type, name, newest version first. */
    public List<AssetVersion> list(String type, String status) {
        AssetType t = blank(type) ? null : AssetType.require(type.trim(), "asset_type");
        AssetStatus s = blank(status) ? null : AssetStatus.require(status.trim(), "status");
        List<AssetVersion> rows = store.list(t, s, MAX_LIST + 1);
        if (rows.size() > MAX_LIST) {
            log.warn("asset listing capped at {} versions; filter by type or status", MAX_LIST);
            return rows.subList(0, MAX_LIST);
        }
        return rows;
    }

    /** One version; version 0 means the published one. NOT_FOUND when there is no such version. */
    public Asset get(String type, String name, int version) {
        if (blank(type)) {
            throw OpsException.invalid("asset_type is required");
        }
        AssetType t = AssetType.require(type.trim(), "asset_type");
        if (blank(name)) {
            throw OpsException.invalid("name is required");
        }
        if (version < 0) {
            throw OpsException.invalid("version must be 0 (published) or positive, got " + version);
        }
        AssetRef ref = version == 0 ? AssetRef.published(t, name.trim()) : AssetRef.version(t, name.trim(), version);
        return store.find(ref).orElseThrow(() -> OpsException.notFound(
                store.exists(ref.key()) ? ref.missingReason() : "no " + ref.key() + " exists"));
    }

    /** Applies a seed: adds what is missing, leaves existing assets and defaults alone. */
    public AssetSeed.Outcome seed(AssetSeed seed) {
        AssetSeed.Outcome outcome = store.applySeed(seed);
        log.info("asset seed: {} of {} assets inserted, {} of {} defaults inserted (existing ones kept)",
                outcome.assetsInserted(), seed.assets().size(), outcome.defaultsInserted(), seed.defaults().size());
        return outcome;
    }

    private static Map<AssetType, AssetRef> parseOverrides(Map<String, String> overrides) {
        Map<AssetType, AssetRef> refs = new EnumMap<>(AssetType.class);
        overrides.forEach((typeText, value) -> {
            AssetType type = AssetType.parse(typeText).orElseThrow(() -> badOverride(null, typeText + "=" + value,
                    "'" + typeText + "' is not an asset type (one of " + AssetType.ALL_NAMES + ")"));
            try {
                refs.put(type, AssetRef.parse(type, value));
            } catch (IllegalArgumentException e) {
                throw badOverride(type, value, e.getMessage());
            }
        });
        return refs;
    }

    private static OpsException badOverride(AssetType type, String value, String reason) {
        String what = type == null ? value : type.wireName() + "=\"" + value + "\"";
        return OpsException.invalid("asset override " + what + ": " + reason);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
