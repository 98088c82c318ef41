package dev.opsuite.executor.redis;

import dev.opsuite.executor.domain.RedisPort;
import dev.opsuite.executor.domain.SourceCheck;
import dev.opsuite.executor.domain.SourceHealthPort;
import dev.opsuite.executor.domain.SourcePoolPort;
import dev.opsuite.executor.domain.SqlPort;
import dev.opsuite.executor.source.SecretResolver;
import dev.opsuite.executor.source.SourcePools;
import dev.opsuite.executor.source.SourceTargets;
import dev.opsuite.guard.RedisCommandGuard;
import dev.opsuite.guard.RedisTemplates;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * RedisPort on Jedis: one pool per Source asset version (host/port or a redis:// / rediss:// URI,
 * database index, TLS ({@link RedisTls}: the CA of {@code tls_ca_ref} or the JDK's trust store, host
 * names verified, a client certificate of {@code tls_cert_ref}/{@code tls_key_ref}), user and password by reference, socket and connect timeouts, at most
 * {@code limits.max_connections} connections). Before anything is sent the command is checked by
 * the guard again (the allowlist, never a command of the question's making), and each argument
 * goes out as its own bulk string: nothing is ever parsed from a joined command line.
 */
public final class RedisCommandAdapter implements RedisPort, SourceHealthPort, SourcePoolPort, AutoCloseable {
    static final int DEFAULT_CONNECT_TIMEOUT_MS = 2_000;
    /** "java.net.SocketException: " before a cause's words: a class name says nothing to the reader. */
    private static final java.util.regex.Pattern JAVA_CLASS =
            java.util.regex.Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ");

    private final SecretResolver secrets;
    private final SourcePools<JedisPooled> pools;
    private final SourceTargets targets;

    public RedisCommandAdapter(SecretResolver secrets, SourcePools<JedisPooled> pools, SourceTargets targets) {
        this.secrets = secrets;
        this.pools = pools;
        this.targets = targets;
    }

    @Override
    public SqlPort.Tabular run(AssetDoc source, RedisTemplates.Bound command, int maxRows, int timeoutSeconds) {
        if (!RedisCommandGuard.READ_COMMANDS.contains(command.command())) { // the last line, whoever called
            throw OpsException.denied("redis command " + command.command() + " is not on the read-only allowlist");
        }
        SourceAsset asset = SourceAsset.of(source);
        return with(source, command.command(), jedis -> new RedisReader(jedis, asset.limits().maxKeys())
                .read(command, Math.max(1, maxRows)));
    }

    /** Runs {@code call} on the source's pool; Jedis failures become the product's errors, secrets scrubbed. */
    <T> T with(AssetDoc source, String what, java.util.function.Function<redis.clients.jedis.UnifiedJedis, T> call) {
        SourceAsset asset = SourceAsset.of(source);
        try {
            return call.apply(pool(source));
        } catch (JedisAccessControlException e) {
            throw new OpsException(ErrorCode.UNAVAILABLE, "source " + source.name() + " refused the credentials", e);
        } catch (JedisConnectionException e) {
            if (timedOut(e)) {
                throw new OpsException(ErrorCode.DEADLINE_EXCEEDED, "source " + source.name() + " did not answer "
                        + what + " within " + socketTimeoutMs(asset, source) + " ms", e);
            }
            Connected c = connected(source);
            Optional<String> tls = RedisTls.handshakeFailure(e, c.tls().orElse(null), c.target().host());
            String said = e.getMessage() == null ? "no answer" : JAVA_CLASS.matcher(e.getMessage()).replaceAll("");
            boolean closed = said.contains("end of stream") || said.contains("Connection reset")
                    || said.contains("Broken pipe");
            if (tls.isEmpty() && closed && c.tls().isPresent()) { // a TLS 1.3 server's alert comes after the handshake
                tls = RedisTlsProbe.closedBecause(c.tls().get(), c.target().host(), c.target().port(),
                        intOf(c.conn(), "connect_timeout_ms", DEFAULT_CONNECT_TIMEOUT_MS));
            }
            if (tls.isPresent()) {
                throw new OpsException(ErrorCode.UNAVAILABLE, "source " + source.name() + " is unavailable: the TLS "
                        + "handshake with " + c.target().host() + ":" + c.target().port() + " failed: "
                        + scrub(source, tls.get()), e);
            }
            throw new OpsException(ErrorCode.UNAVAILABLE, "source " + source.name() + " is unavailable: "
                    + scrub(source, said) + (closed && c.tls().isEmpty() ? " (the server closed the connection; a "
                    + "server that speaks only TLS does that to a plain one: connection.tls?)" : ""), e);
        } catch (JedisDataException e) {
            // e.g. WRONGTYPE, or "unknown command 'TS.GET'" where RedisTimeSeries is not loaded: said as it is
            throw new OpsException(ErrorCode.INVALID_ARGUMENT, "source " + source.name() + " rejected "
                    + what + ": " + scrub(source, e.getMessage()), e);
        } catch (JedisException e) {
            throw new OpsException(ErrorCode.UNAVAILABLE, "source " + source.name() + " failed: "
                    + scrub(source, e.getMessage()), e);
        }
    }

    /** PING answered; read-only here means the executor sends only allowlisted commands (not a server ACL). */
    @Override
    public SourceCheck check(AssetDoc source) {
        long start = System.nanoTime();
        try {
            String transport = connected(source).tls().map(RedisTls.Settings::describe).orElse("over plain TCP (no TLS)");
            Object pong = with(source, "PING", jedis -> jedis.sendCommand(RedisReader.command("PING")));
            String version = with(source, "INFO", RedisReader::serverVersion);
            return new SourceCheck(pong != null, true, ms(start), "Redis " + version + " " + transport + "; only the "
                    + "read-only command allowlist is sent (give the source a read-only ACL user for defence in depth)");
        } catch (RuntimeException e) {
            return new SourceCheck(false, false, ms(start), e.getMessage() == null ? "unreachable"
                    : scrub(source, e.getMessage()));
        }
    }

    private JedisPooled pool(AssetDoc source) {
        return pools.get(source, s -> {
            SourceAsset asset = SourceAsset.of(s);
            Connected c = connected(s);
            Map<String, String> conn = c.conn();
            Target t = c.target();
            targets.check(s.name(), t.host(), t.port()); // before any connection: SSRF through a Source asset
            DefaultJedisClientConfig.Builder cfg = DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis(intOf(conn, "connect_timeout_ms", DEFAULT_CONNECT_TIMEOUT_MS))
                    .socketTimeoutMillis(socketTimeoutMs(asset, s)).database(t.database()).ssl(t.tls())
                    .clientName("ops-executor").clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
            c.tls().ifPresent(tls -> {
                // Jedis given ssl(true) alone checks no host name: the parameters always go along
                cfg.sslParameters(tls.parameters());
                if (tls.factory() != null) {
                    cfg.sslSocketFactory(tls.factory());
                }
            });
            String user = conn.getOrDefault("user", t.user());
            String password = conn.getOrDefault("password", t.password());
            if (user != null && !user.isEmpty()) {
                cfg.user(user);
            }
            if (password != null && !password.isEmpty()) {
                cfg.password(password);
            }
            ConnectionPoolConfig pool = new ConnectionPoolConfig();
            pool.setMaxTotal(Math.max(1, asset.limits().maxConnections()));
            pool.setMaxIdle(Math.max(1, asset.limits().maxConnections()));
            pool.setMinIdle(0);
            pool.setMaxWait(Duration.ofSeconds(3)); // a busy pool fails as unavailable, not after the budget
            pool.setTestOnBorrow(false);
            return new JedisPooled(new HostAndPort(t.host(), t.port()), cfg.build(), pool);
        });
    }

    private record Target(String host, int port, int database, boolean tls, String user, String password) {}

    /** A connection with its references resolved, where it leads, and its TLS settings (empty: plain TCP). */
    private record Connected(Map<String, String> conn, Target target, Optional<RedisTls.Settings> tls) {}

    private Connected connected(AssetDoc s) {
        SourceAsset asset = SourceAsset.of(s);
        Map<String, String> conn = secrets.resolve(s.name(), asset.connection());
        Target t = target(s.name(), conn);
        return new Connected(conn, t, RedisTls.of(s.name(), asset.connection(), conn, t.tls()));
    }

    /** host/port/database/tls members, or a redis:// (rediss:// for TLS) URI: redis://[user:password@]host:port/db. */
    private static Target target(String source, Map<String, String> conn) {
        String uri = conn.get("uri");
        if (uri == null || uri.isBlank()) {
            return new Target(conn.getOrDefault("host", SourceAsset.Connection.DEFAULT_HOST),
                    intOf(conn, "port", SourceAsset.Connection.DEFAULT_REDIS_PORT),
                    intOf(conn, "database", SourceAsset.Connection.DEFAULT_REDIS_DATABASE),
                    "true".equalsIgnoreCase(conn.getOrDefault("tls", "false")), null, null);
        }
        URI u;
        try {
            u = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw OpsException.invalid("source " + source + ": the URI cannot be parsed");
        }
        if (!"redis".equals(u.getScheme()) && !"rediss".equals(u.getScheme()) || u.getHost() == null) {
            throw OpsException.invalid("source " + source + ": a Redis URI is redis://host:port/db or rediss://…");
        }
        String path = u.getPath() == null ? "" : u.getPath().replaceFirst("^/", "");
        int db = SourceAsset.Connection.DEFAULT_REDIS_DATABASE;
        if (!path.isEmpty()) {
            try {
                db = Integer.parseInt(path);
            } catch (NumberFormatException e) {
                throw OpsException.invalid("source " + source + ": the URI's path must be a database index");
            }
        }
        String user = null;
        String password = null;
        if (u.getUserInfo() != null) {
            String[] up = u.getUserInfo().split(":", 2);
            user = up.length == 2 ? up[0] : null;
            password = up.length == 2 ? up[1] : up[0];
        }
        return new Target(u.getHost(), u.getPort() < 0 ? SourceAsset.Connection.DEFAULT_REDIS_PORT : u.getPort(), db,
                "rediss".equals(u.getScheme()), user, password);
    }

    /** The socket timeout: the connection's {@code timeout_ms}, at most the source's max_duration_seconds. */
    private int socketTimeoutMs(SourceAsset asset, AssetDoc source) {
        int limit = Math.max(1, asset.limits().maxDurationSeconds()) * 1000;
        String given = asset.connection().literals().get("timeout_ms");
        try {
            return given == null ? limit : Math.max(1, Math.min(limit, Integer.parseInt(given)));
        } catch (NumberFormatException e) {
            throw OpsException.invalid("source " + source.name() + ": connection.timeout_ms must be a whole number");
        }
    }

    private static int intOf(Map<String, String> conn, String key, int byDefault) {
        String v = conn.get(key);
        try {
            return v == null || v.isBlank() ? byDefault : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw OpsException.invalid("connection." + key + " must be a whole number");
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private String scrub(AssetDoc source, String message) {
        return secrets.scrub(SourceAsset.of(source).connection(), message);
    }

    private static int ms(long start) {
        return (int) ((System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public List<String> retire(String name, int version) {
        return pools.retire(name, version);
    }

    @Override
    public List<String> openPools() {
        return pools.open();
    }

    @Override
    public void close() {
        pools.close();
    }
}
