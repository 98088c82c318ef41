package dev.opsuite.executor.source;

import dev.opsuite.executor.domain.GraphPort;
import dev.opsuite.executor.domain.RedisPort;
import dev.opsuite.executor.domain.SourceChecker;
import dev.opsuite.executor.domain.SqlPort;
import dev.opsuite.guard.RedisTemplates;
import dev.opsuite.kit.resilience.Breakers;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;

/**
 * The SQL, graph and Redis ports behind a circuit breaker per Source version: once a store is known down
 * (it refused or dropped connections twice in a row) every call that needs it fails at once as
 * UNAVAILABLE instead of after the driver's connect timeout, and the source's health check, run in
 * the background every {@code probeEvery}, closes the breaker when the store answers again. A
 * statement that fails on a reachable store (a timeout, a bad template) does not count.
 */
public final class SourceBreakers implements SqlPort, GraphPort, RedisPort, AutoCloseable {
    private final SqlPort sql;
    private final GraphPort graph;
    private final RedisPort redis;
    private final SourceChecker checker;
    private final Breakers breakers;
    private final MeterRegistry meters;

    public SourceBreakers(SqlPort sql, GraphPort graph, SourceChecker checker, Duration probeEvery) {
        this(sql, graph, (s, c, r, t) -> {
            throw OpsException.failedPrecondition("this executor has no Redis adapter");
        }, checker, probeEvery);
    }

    public SourceBreakers(SqlPort sql, GraphPort graph, RedisPort redis, SourceChecker checker, Duration probeEvery) {
        this(sql, graph, redis, checker, probeEvery, dev.opsuite.kit.metrics.ProcessMetrics.off().registry());
    }

    /** @param meters where each call to a Source is timed (ops_executor_source_calls_seconds) */
    public SourceBreakers(SqlPort sql, GraphPort graph, RedisPort redis, SourceChecker checker, Duration probeEvery,
                          MeterRegistry meters) {
        this.sql = sql;
        this.graph = graph;
        this.redis = redis;
        this.checker = checker;
        this.breakers = new Breakers("executor-sources", probeEvery);
        this.meters = meters;
    }

    @Override
    public Tabular query(AssetDoc source, String statement, Map<String, Object> params, int maxRows, int timeoutSeconds) {
        return guarded(source, () -> SourceAsset.of(source).isNeo4j()
                ? graph.query(source, statement, params, maxRows, timeoutSeconds)
                : sql.query(source, statement, params, maxRows, timeoutSeconds));
    }

    @Override
    public Tabular run(AssetDoc source, RedisTemplates.Bound command, int maxRows, int timeoutSeconds) {
        return guarded(source, () -> redis.run(source, command, maxRows, timeoutSeconds));
    }

    @Override
    public boolean hasExtension(AssetDoc source, String extension) {
        return guarded(source, () -> sql.hasExtension(source, extension));
    }

    /** Each breaker's state, for health. */
    public List<Breakers.State> states() {
        return breakers.states();
    }

    /** How many breakers are not closed (failing fast, or probing whether to close). */
    public int openCount() {
        return (int) breakers.states().stream().filter(s -> !"CLOSED".equals(s.state())).count();
    }

    private <T> T guarded(AssetDoc source, java.util.function.Supplier<T> call) {
        String name = "source:" + source.ref() + (source.version() == 0 ? "#" + source.content().hashCode() : "");
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = breakers.call(name, call,
                    e -> e instanceof OpsException o && o.code() == ErrorCode.UNAVAILABLE,
                    () -> checker.check(source).reachable(),
                    last -> OpsException.knownDown("source " + source.ref() + " is unavailable (known down, failing fast "
                            + "until a background check reaches it again; last error: " + last + ")"));
            outcome = "ok";
            return result;
        } catch (OpsException e) {
            outcome = e.code() == ErrorCode.UNAVAILABLE ? "unavailable" : "error";
            throw e;
        } finally {
            // labels: the Source's name (an asset name, never its host or URL), its type and how the call ended
            Timer.builder("ops.executor.source.calls").description("Calls to a Source's store, by Source and outcome")
                    .tags("source", source.name(), "type", typeOf(source), "outcome", outcome)
                    .register(meters).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** The Source's type when it is one of the known ones (a label: a bounded set). */
    private static String typeOf(AssetDoc source) {
        try {
            String type = SourceAsset.of(source).type();
            return SourceAsset.TYPES.contains(type) ? type : "other";
        } catch (RuntimeException e) {
            return "other";
        }
    }

    @Override
    public void close() {
        breakers.close();
    }
}
