package dev.opsuite.trace;

import dev.opsuite.kit.config.Env;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything trace-service is configured with, read from the environment in {@link #from(Env)}
 * and nowhere else. The launcher and tests may also build one directly.
 *
 * @param host          OPS_TRACE_HOST, address the gRPC server binds (default 127.0.0.1)
 * @param port          OPS_TRACE_PORT, gRPC port (default 9093; 0 picks a free port)
 * @param dbUrl         OPS_TRACE_DB_URL, JDBC URL of the PostgreSQL holding schema {@code ops} (required)
 * @param dbUser        OPS_TRACE_DB_USER, may be null (then the URL or driver default applies)
 * @param dbPassword    OPS_TRACE_DB_PASSWORD, may be null; never printed
 * @param dbPoolSize    OPS_TRACE_DB_POOL, maximum pooled connections (default 8)
 * @param assetSeedDir  OPS_ASSET_SEED_DIR, seed assets loaded on start when present
 */
public record TraceConfig(String host, int port, String dbUrl, String dbUser, String dbPassword, int dbPoolSize,
                          Optional<Path> assetSeedDir) {

    public static final int DEFAULT_PORT = 9093;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_POOL = 8;

    public TraceConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dbUrl, "dbUrl");
        Objects.requireNonNull(assetSeedDir, "assetSeedDir");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("OPS_TRACE_PORT must be between 0 and 65535, got " + port);
        }
        if (!dbUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("OPS_TRACE_DB_URL must be a jdbc:postgresql: URL");
        }
        if (dbPoolSize < 1 || dbPoolSize > 1_000) {
            throw new IllegalArgumentException("OPS_TRACE_DB_POOL must be between 1 and 1000, got " + dbPoolSize);
        }
    }

    public static TraceConfig from(Env env) {
        return new TraceConfig(
                env.get("OPS_TRACE_HOST", DEFAULT_HOST),
                env.getInt("OPS_TRACE_PORT", DEFAULT_PORT),
                env.require("OPS_TRACE_DB_URL"),
                env.get("OPS_TRACE_DB_USER").orElse(null),
                env.get("OPS_TRACE_DB_PASSWORD").orElse(null),
                env.getInt("OPS_TRACE_DB_POOL", DEFAULT_POOL),
                env.get("OPS_ASSET_SEED_DIR").map(Path::of));
    }

    /** The same configuration on another port (tests and the all-in-one use port 0). */
    public TraceConfig withPort(int newPort) {
        return new TraceConfig(host, newPort, dbUrl, dbUser, dbPassword, dbPoolSize, assetSeedDir);
    }

    public TraceConfig withAssetSeedDir(Path dir) {
        return new TraceConfig(host, port, dbUrl, dbUser, dbPassword, dbPoolSize, Optional.ofNullable(dir));
    }

    /** Secrets stay out of logs: the password is masked, the URL's query (may carry one) dropped. */
    @Override
    public String toString() {
        int q = dbUrl.indexOf('?');
        String url = q < 0 ? dbUrl : dbUrl.substring(0, q) + "?…";
        return "TraceConfig[host=" + host + ", port=" + port + ", dbUrl=" + url + ", dbUser=" + dbUser
                + ", dbPassword=" + (dbPassword == null ? "unset" : "****") + ", dbPoolSize=" + dbPoolSize
                + ", assetSeedDir=" + assetSeedDir.map(Path::toString).orElse("unset") + "]";
    }
}
