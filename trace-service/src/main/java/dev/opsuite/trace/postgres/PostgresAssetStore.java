package dev.opsuite.trace.postgres;

import dev.opsuite.trace.domain.Asset;
import dev.opsuite.trace.domain.AssetKey;
import dev.opsuite.trace.domain.AssetRef;
import dev.opsuite.trace.domain.AssetSeed;
import dev.opsuite.trace.domain.AssetStatus;
import dev.opsuite.trace.domain.AssetStore;
import dev.opsuite.model.AssetType;
import dev.opsuite.trace.domain.AssetVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** {@link AssetStore} on PostgreSQL tables {@code ops.assets} and {@code ops.asset_defaults}. */
public final class PostgresAssetStore implements AssetStore {
    private static final String COLUMNS =
            "SELECT asset_type, name, version, status, created_at, content::text FROM ops.assets";

    private static final String PUBLISHED_WHERE = " FROM ops.assets WHERE status = 'published' AND (asset_type = ANY(?)"
            + " OR (asset_type, name) IN (SELECT * FROM unnest(?::text[], ?::text[])))";
    private static final String PUBLISHED_OF = "SELECT asset_type, name, version, status, created_at, content::text"
            + PUBLISHED_WHERE;
    /** The same rows without reading (de-TOASTing and printing) the contents: ≈ 42 KB of JSON per request. */
    private static final String PUBLISHED_REFS_OF = "SELECT asset_type, name, version, status, created_at, NULL::text"
            + PUBLISHED_WHERE;

    // WHERE NOT EXISTS keeps any existing version (an operator's edits win over the seed);
    // ON CONFLICT covers two replicas seeding at the same moment.
    private static final String SEED_ASSET = """
            INSERT INTO ops.assets (asset_type, name, version, status, content, created_at, published_at, seeded)
            SELECT ?, ?, 1, 'published', ?::jsonb, now(), now(), true
            WHERE NOT EXISTS (SELECT 1 FROM ops.assets WHERE asset_type = ? AND name = ?)
            ON CONFLICT DO NOTHING
            """;

    private static final String SEED_DEFAULT =
            "INSERT INTO ops.asset_defaults (asset_type, name) VALUES (?, ?) ON CONFLICT (asset_type) DO NOTHING";

    private static final String VERSION_COLUMNS = "asset_type, name, version, status, created_at";

    // Runs under the per-name lock, so max(version) + 1 is free.
    private static final String INSERT_DRAFT = "INSERT INTO ops.assets (asset_type, name, version, status, content,"
            + " created_by) SELECT ?, ?, COALESCE(MAX(version), 0) + 1, 'draft', ?::jsonb, ? FROM ops.assets"
            + " WHERE asset_type = ? AND name = ? RETURNING " + VERSION_COLUMNS;

    private final DataSource db;

    public PostgresAssetStore(DataSource db) {
        this.db = db;
    }

    @Override
    public Map<AssetType, String> defaults() {
        Map<AssetType, String> out = new EnumMap<>(AssetType.class);
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT asset_type, name FROM ops.asset_defaults");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Optional<AssetType> type = AssetType.parse(rs.getString(1));
                if (type.isPresent()) {
                    out.put(type.get(), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.failure("read asset defaults", e);
        }
    }

    @Override
    public List<Asset> publishedOf(Set<AssetType> allOfTypes, Set<AssetKey> keys, boolean withContent) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(withContent ? PUBLISHED_OF : PUBLISHED_REFS_OF)) {
            ps.setArray(1, c.createArrayOf("text", allOfTypes.stream().map(AssetType::wireName).toArray()));
            ps.setArray(2, c.createArrayOf("text", keys.stream().map(k -> k.type().wireName()).toArray()));
            ps.setArray(3, c.createArrayOf("text", keys.stream().map(AssetKey::name).toArray()));
            return assets(ps);
        } catch (SQLException e) {
            throw Jdbc.failure("resolve assets", e);
        }
    }

    @Override
    public Optional<Asset> find(AssetRef ref) {
        String sql = COLUMNS + " WHERE asset_type = ? AND name = ?" + switch (ref.selector()) {
            case PUBLISHED -> " AND status = 'published'";
            case VERSION -> " AND version = ?";
            case LATEST_DRAFT -> " AND status = 'draft' ORDER BY version DESC LIMIT 1";
        };
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ref.type().wireName());
            ps.setString(2, ref.name());
            if (ref.selector() == AssetRef.Selector.VERSION) {
                ps.setInt(3, ref.version());
            }
            List<Asset> found = assets(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw Jdbc.failure("read asset", e);
        }
    }

    @Override
    public boolean exists(AssetKey key) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT 1 FROM ops.assets WHERE asset_type = ? AND name = ? LIMIT 1")) {
            ps.setString(1, key.type().wireName());
            ps.setString(2, key.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read asset", e);
        }
    }

    @Override
    public List<AssetVersion> list(AssetType type, AssetStatus status, String name, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT asset_type, name, version, status, created_at FROM ops.assets WHERE true");
        List<String> args = new ArrayList<>();
        if (type != null) {
            sql.append(" AND asset_type = ?");
            args.add(type.wireName());
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.wireName());
        }
        if (name != null) {
            sql.append(" AND name = ?");
            args.add(name);
        }
        sql.append(" ORDER BY asset_type, name, version DESC LIMIT ").append(limit);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            List<AssetVersion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(version(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.failure("list assets", e);
        }
    }

    @Override
    public AssetSeed.Outcome applySeed(AssetSeed seed) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement assets = c.prepareStatement(SEED_ASSET);
                 PreparedStatement defaults = c.prepareStatement(SEED_DEFAULT)) {
                for (AssetSeed.SeedAsset a : seed.assets()) {
                    assets.setString(1, a.type().wireName());
                    assets.setString(2, a.name());
                    assets.setString(3, a.contentJson());
                    assets.setString(4, a.type().wireName());
                    assets.setString(5, a.name());
                    assets.addBatch();
                }
                for (Map.Entry<AssetType, String> d : seed.defaults().entrySet()) {
                    defaults.setString(1, d.getKey().wireName());
                    defaults.setString(2, d.getValue());
                    defaults.addBatch();
                }
                int assetsInserted = seed.assets().isEmpty() ? 0 : sum(assets.executeBatch());
                int defaultsInserted = seed.defaults().isEmpty() ? 0 : sum(defaults.executeBatch());
                List<String> upgraded = new ArrayList<>();
                for (AssetSeed.SeedAsset a : seed.assets()) {
                    if (upgradeSeeded(c, a)) {
                        upgraded.add(a.type().wireName() + "/" + a.name());
                    }
                }
                c.commit();
                return new AssetSeed.Outcome(assetsInserted, defaultsInserted, upgraded);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("apply asset seed", e);
        }
    }

    /**
     * When the newest version of the seed asset's name is a published version the seed wrote and its
     * content differs from the seed's, publishes the seed's content as the next version (seeded, the old
     * one archived). True when it did.
     */
    private static boolean upgradeSeeded(Connection c, AssetSeed.SeedAsset a) throws SQLException {
        lock(c, new AssetKey(a.type(), a.name()));
        int version;
        try (PreparedStatement ps = c.prepareStatement("SELECT version, status = 'published' AND seeded"
                + " AND content <> ?::jsonb FROM ops.assets WHERE asset_type = ? AND name = ?"
                + " ORDER BY version DESC LIMIT 1")) {
            ps.setString(1, a.contentJson());
            ps.setString(2, a.type().wireName());
            ps.setString(3, a.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(2)) {
                    return false;
                }
                version = rs.getInt(1);
            }
        }
        try (PreparedStatement archive = c.prepareStatement("UPDATE ops.assets SET status = 'archived'"
                + " WHERE asset_type = ? AND name = ? AND version = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO ops.assets (asset_type, name, version, status,"
                     + " content, created_at, published_at, seeded) VALUES (?, ?, ?, 'published', ?::jsonb, now(), now(), true)")) {
            archive.setString(1, a.type().wireName());
            archive.setString(2, a.name());
            archive.setInt(3, version);
            archive.executeUpdate();
            insert.setString(1, a.type().wireName());
            insert.setString(2, a.name());
            insert.setInt(3, version + 1);
            insert.setString(4, a.contentJson());
            insert.executeUpdate();
        }
        return true;
    }

    @Override
    public AssetVersion insertDraft(AssetKey key, String contentJson, String createdBy) {
        return inTransaction("save asset", c -> {
            lock(c, key);
            try (PreparedStatement ps = c.prepareStatement(INSERT_DRAFT)) {
                ps.setString(1, key.type().wireName());
                ps.setString(2, key.name());
                ps.setString(3, contentJson);
                ps.setString(4, createdBy == null ? "" : createdBy);
                ps.setString(5, key.type().wireName());
                ps.setString(6, key.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return version(rs);
                }
            }
        });
    }

    @Override
    public Optional<Published> publish(AssetKey key, int version) {
        return inTransaction("publish asset", c -> {
            lock(c, key);
            if (status(c, key, version).isEmpty()) {
                return Optional.empty();
            }
            int archived = 0;
            try (PreparedStatement ps = c.prepareStatement("UPDATE ops.assets SET status = 'archived'"
                    + " WHERE asset_type = ? AND name = ? AND status = 'published' AND version <> ? RETURNING version")) {
                bindKey(ps, key, version);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        archived = rs.getInt(1);
                    }
                }
            }
            AssetVersion published = update(c, key, version,
                    "status = 'published', published_at = COALESCE(CASE WHEN status = 'published' THEN published_at END, now())");
            return Optional.of(new Published(published, archived));
        });
    }

    @Override
    public Optional<AssetVersion> archive(AssetKey key, int version, boolean keepPublished) {
        return inTransaction("archive asset", c -> {
            lock(c, key);
            Optional<AssetStatus> status = status(c, key, version);
            if (status.isEmpty()) {
                return Optional.empty();
            }
            boolean keep = keepPublished && status.get() == AssetStatus.PUBLISHED;
            return Optional.of(update(c, key, version, keep ? "status = 'published'" : "status = 'archived'"));
        });
    }

    /** Serialises writers of one asset name until the transaction ends (cheaper than a table lock). */
    private static void lock(Connection c, AssetKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(? || '/' || ?))")) {
            ps.setString(1, key.type().wireName());
            ps.setString(2, key.name());
            ps.execute();
        }
    }

    private static Optional<AssetStatus> status(Connection c, AssetKey key, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status FROM ops.assets WHERE asset_type = ? AND name = ? AND version = ? FOR UPDATE")) {
            bindKey(ps, key, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(AssetStatus.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)))
                        : Optional.empty();
            }
        }
    }

    private static AssetVersion update(Connection c, AssetKey key, int version, String set) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ops.assets SET " + set
                + " WHERE asset_type = ? AND name = ? AND version = ? RETURNING " + VERSION_COLUMNS)) {
            bindKey(ps, key, version);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return version(rs);
            }
        }
    }

    private static void bindKey(PreparedStatement ps, AssetKey key, int version) throws SQLException {
        ps.setString(1, key.type().wireName());
        ps.setString(2, key.name());
        ps.setInt(3, version);
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(String operation, Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Jdbc.failure(operation, e);
        }
    }

    private static List<Asset> assets(PreparedStatement ps) throws SQLException {
        List<Asset> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Asset(version(rs), rs.getString(6)));
            }
        }
        return out;
    }

    private static AssetVersion version(ResultSet rs) throws SQLException {
        return new AssetVersion(
                AssetType.parse(rs.getString(1)).orElseThrow(),
                rs.getString(2),
                rs.getInt(3),
                AssetStatus.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                rs.getObject(5, OffsetDateTime.class).toInstant());
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int k : counts) {
            n += Math.max(k, 0);
        }
        return n;
    }
}
