package dev.opsuite.trace.domain;

import dev.opsuite.model.AssetType;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.trace.domain.validation.AssetValidator;
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
    private final AssetValidator validator = new AssetValidator();

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
        return resolve(overrides, true);
    }

    /**
     * The same set as {@link #resolve(Map)}; without content, published versions come without
     * their contents ({@link Asset#contentJson()} null): for callers that need references only.
     */
    public List<Asset> resolve(Map<String, String> overrides, boolean withContent) {
        Map<AssetType, AssetRef> refs = parseOverrides(overrides);
        Map<AssetType, String> defaults = store.defaults();

        Set<AssetKey> defaultKeys = new HashSet<>();
        defaults.forEach((type, name) -> {
            if (!refs.containsKey(type)) {
                defaultKeys.add(new AssetKey(type, name));
            }
        });
        Map<AssetKey, Asset> published = new LinkedHashMap<>();
        for (Asset a : store.publishedOf(Set.of(AssetType.SOURCE), defaultKeys, withContent)) {
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
        return list(type, status, "");
    }

    /**
     * Versions filtered by type, status and name ("" = any), by type, name, newest version first;
     * with a name, that is the name's history.
     */
    public List<AssetVersion> list(String type, String status, String name) {
        AssetType t = blank(type) ? null : AssetType.require(type.trim(), "asset_type");
        AssetStatus s = blank(status) ? null : AssetStatus.require(status.trim(), "status");
        String n = blank(name) ? null : name.trim();
        List<AssetVersion> rows = store.list(t, s, n, MAX_LIST + 1);
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

    /**
     * Validates the content for its type and stores it as the next version, a draft. The content's
     * "name" must be the asset name (it is set when absent). {@code createdBy} is recorded as its author.
     */
    public AssetVersion save(String type, String name, Map<String, Object> content, String createdBy) {
        AssetKey key = key(type, name);
        Map<String, Object> c = new LinkedHashMap<>(content == null ? Map.of() : content);
        c.putIfAbsent("name", key.name());
        validator.requireValid(key.type(), key.name(), c);
        String json = AssetContent.write(c);
        if (JsonText.containsEscapedNul(json)) {
            throw OpsException.invalid(key + " content contains a NUL character, which cannot be stored");
        }
        String author = createdBy == null ? "" : createdBy.strip();
        if (author.length() > 200) {
            throw OpsException.invalid("created_by is longer than 200 characters");
        }
        AssetVersion saved = store.insertDraft(key, json, author);
        log.info("saved {} version {} as draft (by {})", key, saved.version(), author.isEmpty() ? "?" : author);
        return saved;
    }

    /** Publishes one version (also an archived one: a rollback); the published one before is archived. */
    public AssetStore.Published publish(String type, String name, int version) {
        AssetKey key = key(type, name);
        requireVersion(version);
        AssetStore.Published p = store.publish(key, version).orElseThrow(() -> missing(key, version));
        log.info("published {} version {} (archived version {})", key, version, p.archivedVersion());
        return p;
    }

    /** Archives one version; the published version of a type's default asset is refused (CONFLICT). */
    public AssetVersion archive(String type, String name, int version) {
        AssetKey key = key(type, name);
        requireVersion(version);
        boolean isDefault = key.name().equals(store.defaults().get(key.type()));
        AssetVersion v = store.archive(key, version, isDefault).orElseThrow(() -> missing(key, version));
        if (v.status() == AssetStatus.PUBLISHED) {
            throw OpsException.failedPrecondition(key + " version " + version + " is the published default for "
                    + key.type().wireName() + "; publish another version first");
        }
        return v;
    }

    /** The changes from one version's content to another's, by JSON path. */
    public List<AssetChange> diff(String type, String name, int fromVersion, int toVersion) {
        AssetKey key = key(type, name);
        requireVersion(fromVersion);
        requireVersion(toVersion);
        Asset from = store.find(AssetRef.version(key.type(), key.name(), fromVersion))
                .orElseThrow(() -> missing(key, fromVersion));
        Asset to = store.find(AssetRef.version(key.type(), key.name(), toVersion))
                .orElseThrow(() -> missing(key, toVersion));
        return dev.opsuite.kit.json.JsonDiff.diff(AssetContent.parse(from.contentJson()),
                AssetContent.parse(to.contentJson())).stream()
                .map(c -> new AssetChange(c.path(), AssetChange.Op.valueOf(c.op().name()), c.before(), c.after()))
                .toList();
    }

    private static AssetKey key(String type, String name) {
        if (blank(type)) {
            throw OpsException.invalid("asset_type is required");
        }
        AssetType t = AssetType.require(type.trim(), "asset_type");
        if (blank(name)) {
            throw OpsException.invalid("name is required");
        }
        return new AssetKey(t, name.trim());
    }

    private static void requireVersion(int version) {
        if (version < 1) {
            throw OpsException.invalid("version must be positive, got " + version);
        }
    }

    private OpsException missing(AssetKey key, int version) {
        return OpsException.notFound(store.exists(key) ? key + " has no version " + version : "no " + key + " exists");
    }

    /**
     * Applies a seed: adds what is missing, publishes a changed seed of an asset only the seed has
     * written, leaves everything an operator wrote alone.
     */
    public AssetSeed.Outcome seed(AssetSeed seed) {
        AssetSeed.Outcome outcome = store.applySeed(seed);
        log.info("asset seed: {} of {} assets inserted, {} of {} defaults inserted (existing ones kept), {} untouched "
                        + "seeded assets upgraded to the shipped defaults {}", outcome.assetsInserted(), seed.assets().size(),
                outcome.defaultsInserted(), seed.defaults().size(), outcome.upgraded().size(), outcome.upgraded());
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
