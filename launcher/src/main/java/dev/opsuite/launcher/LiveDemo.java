package dev.opsuite.launcher;

import dev.opsuite.estate.demo.DemoLiveState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;

/**
 * The demo estate's live state in the embedded Redis ({@link DemoLiveState}): written at every start
 * (the embedded Redis keeps nothing across restarts) as its admin user, and kept live — the running
 * servers beat every {@link #BEAT_SECONDS} seconds, the others stay silent. The window's end is read
 * from the loaded estate (its last metric sample) so the open alerts carry the times events.csv has.
 */
final class LiveDemo implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveDemo.class);
    static final int BEAT_SECONDS = 10;

    private final int port;
    private final String adminPassword;
    /** Replaced after the embedded Redis restarted: the old pool's connections died with the old server. */
    private volatile JedisPooled redis;
    private final DemoLiveState.State state;
    private final List<DemoLiveState.Heartbeat> beating;
    private final ScheduledExecutorService ticker;

    private LiveDemo(int port, String adminPassword, DemoLiveState.State state) {
        this.port = port;
        this.adminPassword = adminPassword;
        this.redis = pool(port, adminPassword);
        this.state = state;
        this.beating = state.heartbeats().stream().filter(DemoLiveState.Heartbeat::beating).toList();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-heartbeats");
            t.setDaemon(true);
            return t;
        });
    }

    /** Writes the live state and starts the heartbeats; empty when the estate holds no demo metrics. */
    static Optional<LiveDemo> start(int port, String adminPassword, long seed, int days, String jdbcUrl, String user,
                                    String password) throws SQLException {
        Optional<Instant> end = estateEnd(jdbcUrl, user, password);
        if (end.isEmpty()) {
            log.info("live demo state: the estate has no metrics, nothing written to Redis");
            return Optional.empty();
        }
        DemoLiveState.State state = DemoLiveState.build(seed, end.get(), days, Instant.now());
        LiveDemo demo = new LiveDemo(port, adminPassword, state);
        demo.write();
        demo.ticker.scheduleAtFixedRate(demo::beat, BEAT_SECONDS, BEAT_SECONDS, TimeUnit.SECONDS);
        log.info("live demo state in Redis: {} heartbeats ({} beating), {} open alerts, {} queues",
                state.heartbeats().size(), demo.beating.size(), state.openAlerts().size(), state.queues().size());
        return Optional.of(demo);
    }

    private static JedisPooled pool(int port, String adminPassword) {
        return new JedisPooled(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder()
                .password(adminPassword).timeoutMillis(5_000).clientName("ops-demo-loader").build());
    }

    /** After the embedded Redis restarted (same port and passwords, nothing kept): a new pool, the state again. */
    void rewrite() {
        JedisPooled old = redis;
        redis = pool(port, adminPassword);
        old.close();
        write();
        log.info("live demo state written again after the embedded Redis restarted");
    }

    /** The last metric sample of the estate: the demo window's end (as DemoLoader generated it). */
    private static Optional<Instant> estateEnd(String jdbcUrl, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            s.setQueryTimeout(30);
            try (ResultSet r = s.executeQuery("SELECT max(ts) FROM ci_metric")) {
                java.sql.Timestamp t = r.next() ? r.getTimestamp(1) : null;
                return Optional.ofNullable(t).map(java.sql.Timestamp::toInstant);
            }
        }
    }

    /** Everything in one pipeline (again after the embedded Redis restarted); earlier keys are replaced, never merged. */
    void write() {
        // a running server has just beaten, also when written again long after the start (a restarted Redis):
        // its start-time sample would make every running server look silent until the next beat
        long now = Instant.now().getEpochSecond();
        try (AbstractPipeline p = redis.pipelined()) {
            p.del(DemoLiveState.HEARTBEATS, DemoLiveState.OPEN_ALERTS);
            for (DemoLiveState.Heartbeat h : state.heartbeats()) {
                long seen = h.beating() ? Math.max(now, h.lastSeen()) : h.lastSeen();
                p.zadd(DemoLiveState.HEARTBEATS, seen, h.ciCode());
                String key = String.format(DemoLiveState.HEARTBEAT_KEY, h.ciCode());
                p.del(key);
                p.hset(key, Map.of("last_seen", Long.toString(seen), "status", h.status(),
                        "agent", "node-exporter"));
            }
            List<DemoLiveState.OpenAlert> alerts = state.openAlerts().stream()
                    .sorted(java.util.Comparator.comparingLong(DemoLiveState.OpenAlert::openedAt)).toList();
            for (int i = 0; i < alerts.size(); i++) {
                DemoLiveState.OpenAlert a = alerts.get(i);
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("alert_id", a.alertId());
                fields.put("ci_code", a.ciCode());
                fields.put("ci_name", a.ciName());
                fields.put("severity", a.severity());
                fields.put("title", a.title());
                fields.put("opened_at", Long.toString(a.openedAt()));
                // ids in opening order (XREVRANGE lists the newest first); the sequence keeps them unique
                p.xadd(DemoLiveState.OPEN_ALERTS, new StreamEntryID(a.openedAt() * 1000, i), fields);
            }
            for (DemoLiveState.Queue q : state.queues()) {
                String key = String.format(DemoLiveState.QUEUE_KEY, q.ciCode());
                p.del(key);
                p.hset(key, Map.of("depth", Long.toString(q.depth()), "consumers", Long.toString(q.consumers()),
                        "oldest_age_s", Long.toString(q.oldestAgeSeconds()), "updated_at", Long.toString(q.updatedAt())));
            }
            p.sync();
        }
    }

    /** The running servers' heartbeats; a failure (Redis restarting) is logged and the next beat tries again. */
    private void beat() {
        long now = Instant.now().getEpochSecond();
        try (AbstractPipeline p = redis.pipelined()) {
            for (DemoLiveState.Heartbeat h : beating) {
                p.zadd(DemoLiveState.HEARTBEATS, now, h.ciCode());
                p.hset(String.format(DemoLiveState.HEARTBEAT_KEY, h.ciCode()), "last_seen", Long.toString(now));
            }
            p.sync();
        } catch (RuntimeException e) {
            log.debug("demo heartbeats: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        redis.close();
    }
}
