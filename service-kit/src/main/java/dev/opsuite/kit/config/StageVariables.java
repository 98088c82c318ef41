package dev.opsuite.kit.config;

import static dev.opsuite.kit.config.ConfigSection.STAGE_SERVICES;
import static dev.opsuite.kit.config.ConfigSection.TRACING;

import dev.opsuite.kit.config.ConfigVar.Default;
import java.util.List;

/** The catalog's sections "Stage services" and "Tracing". */
final class StageVariables {
    private StageVariables() {}

    /** What every stage target accepts besides one host:port. */
    private static final String REPLICAS = " Replicas: a comma-separated `host:port,host:port` list or"
            + " `dns:///name:port` (every address the name resolves to); calls are balanced round_robin over the"
            + " replicas that pass gRPC health checks, and a call failing UNAVAILABLE is repeated on another"
            + " replica, except writes unsafe to repeat (see [operations](../operations.md#replicas)). A bad target"
            + " stops the start with a message naming this variable";

    static final List<ConfigVar> ALL = List.of(
            ConfigVar.variable("OPS_PLANNER_HOST", STAGE_SERVICES, "planner-service run apart",
                    Default.of("127.0.0.1"), "address planner-service's gRPC server binds"),
            ConfigVar.variable("OPS_PLANNER_PORT", STAGE_SERVICES, "planner-service run apart", Default.of("9091"),
                    "planner-service's gRPC port (`0` = any free port)"),
            ConfigVar.variable("OPS_EXECUTOR_HOST", STAGE_SERVICES, "executor-service", Default.of("127.0.0.1"),
                    "address executor-service's gRPC server binds"),
            ConfigVar.variable("OPS_EXECUTOR_PORT", STAGE_SERVICES, "executor-service run apart",
                    Default.of("9092", "the all-in-one takes a free port"),
                    "executor-service's gRPC port (`0` = any free port)"),
            ConfigVar.variable("OPS_TRACE_HOST", STAGE_SERVICES, "trace-service run apart", Default.of("127.0.0.1"),
                    "address trace-service's gRPC server binds"),
            ConfigVar.variable("OPS_TRACE_PORT", STAGE_SERVICES, "trace-service run apart", Default.of("9093"),
                    "trace-service's gRPC port (`0` = any free port)"),
            ConfigVar.variable("OPS_PLANNER_TARGET", STAGE_SERVICES, "gateway",
                    Default.of("127.0.0.1:9091", "set by the all-in-one"), "planner-service, host:port."
                            + REPLICAS),
            ConfigVar.variable("OPS_EXECUTOR_TARGET", STAGE_SERVICES, "gateway, planner-service",
                    Default.of("127.0.0.1:9092", "gateway; none for planner-service; set by the all-in-one"),
                    "executor-service, host:port: the gateway's stage calls, and for planner-service the"
                            + " `LoadDictionary` that gives it the estate's names (without it names are resolved"
                            + " at EXECUTE only)." + REPLICAS),
            ConfigVar.variable("OPS_TRACE_TARGET", STAGE_SERVICES, "gateway",
                    Default.of("127.0.0.1:9093", "set by the all-in-one"),
                    "trace-service, host:port: traces, assets and the asset registry." + REPLICAS),
            ConfigVar.variable("OPS_REGISTRY_TARGET", STAGE_SERVICES, "planner-service, executor-service",
                    Default.none("set by the all-in-one"),
                    "trace-service host:port; stage requests may then name an asset by type, name, version and"
                            + " status without its content: the service fetches each version once"
                            + " (`AssetService.GetAsset`) and keeps it (a registry version never changes; bounded"
                            + " to 512 versions)." + REPLICAS),
            ConfigVar.variable("OPS_ASSETS_BY_REFERENCE", STAGE_SERVICES, "gateway",
                    Default.of("false", "`true` in the all-in-one"),
                    "`true`: send stage services asset references instead of contents; only when they have"
                            + " `OPS_REGISTRY_TARGET`. The gateway then also resolves references only"
                            + " (`ResolveAssetsRequest.references_only`) and fetches the policy it reads itself"
                            + " once per version. Requests that carry contents (direct gRPC calls,"
                            + " `GET …/stages/{stage}/call` replays) work either way"),
            ConfigVar.variable("OPS_STAGE_DEADLINE_MS", STAGE_SERVICES, "gateway", Default.of("10000"),
                    "deadline of every stage call"),
            ConfigVar.variable("OPS_STAGE_TRANSPORT", STAGE_SERVICES,
                    "gateway (the stage services' registry client is always `auto`)", Default.of("auto"),
                    "`auto`: a stage service served by this same JVM (the all-in-one) is called through gRPC's"
                            + " in-process transport — same services, interceptors, handler pools, deadlines and"
                            + " status codes, without encoding and loopback TCP; any other target, and every"
                            + " external client, uses TCP. `tcp`: always TCP (the benchmark measures both)."
                            + " Anything else is refused at start"),
            ConfigVar.variable("OPS_DICTIONARY_REFRESH_MS", STAGE_SERVICES, "planner-service", Default.of("1000"),
                    "how often the planner checks the estate's revision (the gateway also passes the revision"
                            + " it saw on every request)"),
            ConfigVar.variable("OPS_STAGE_TLS", STAGE_SERVICES, "all-in-one; gateway and stage services run apart",
                    Default.of("on"),
                    "`on`: stage calls over TCP speak mutual TLS with the certificates of `$OPS_DATA_DIR/tls`"
                            + " (all-in-one: made at the first start) or `OPS_STAGE_TLS_DIR` (run apart); `off`"
                            + " (any case): plaintext with the shared `OPS_STAGE_TOKEN` instead (weaker: a holder"
                            + " of it is the product); any other value means `on`"),
            ConfigVar.variable("OPS_STAGE_TLS_DIR", STAGE_SERVICES, "gateway and stage services run apart",
                    Default.none(),
                    "the directory with `ca.pem` and `<identity>.pem`/`.key` (copy the all-in-one's `data/tls`;"
                            + " each host needs `ca.pem` and its own identity's pair); a process run apart with"
                            + " neither this nor `OPS_STAGE_TLS=off` + `OPS_STAGE_TOKEN` refuses to start"),
            ConfigVar.variable("OPS_GRPC_HEALTH_PORT", STAGE_SERVICES,
                    "planner-, executor- and trace-service run apart", Default.none("no such port"),
                    "a second port on which the service answers grpc.health.v1 and nothing else, in plaintext, on"
                            + " its own address (`OPS_*_HOST`): for probes that cannot present a stage certificate,"
                            + " such as Kubernetes' `grpc:` probes (deploy/k8s). It tells whether the service is"
                            + " serving (executor- and trace-service: NOT_SERVING while their stores are unreachable),"
                            + " nothing more; the stage port itself stays mutual TLS only"),
            // #18: the stage services' own meters when run apart (the all-in-one's are in the gateway's /metrics)
            ConfigVar.variable("OPS_METRICS_PORT", STAGE_SERVICES,
                    "planner-, executor- and trace-service run apart", Default.none("no metrics port, no meters"),
                    "a port on which the service serves its meters at `GET /metrics` in the Prometheus text format"
                            + " (plain HTTP, no key; nothing else is served there): its RPCs' latency by method and"
                            + " status, its HikariCP pools, its own counters and the JVM's (see"
                            + " [metrics](../metrics.md)); `0` = any free port. The all-in-one ignores it: the"
                            + " gateway's `/metrics` has every service's meters"),
            ConfigVar.variable("OPS_METRICS_HOST", STAGE_SERVICES,
                    "planner-, executor- and trace-service run apart", Default.of("127.0.0.1"),
                    "address the metrics port (`OPS_METRICS_PORT`) binds; e.g. `0.0.0.0` for a Prometheus on"
                            + " another host — the port asks no key, so let the network decide who reaches it"),
            ConfigVar.variable("OPS_STAGE_TLS_HOSTS", STAGE_SERVICES, "all-in-one", Default.none(),
                    "comma-separated host names / IPs the stage certificates answer to besides 127.0.0.1, ::1"
                            + " and localhost (for services moved to other hosts)"),
            ConfigVar.variable("OPS_STAGE_TOKEN", STAGE_SERVICES, "all-in-one; gateway and stage services run apart",
                    Default.none("the all-in-one makes a random one"),
                    "with `OPS_STAGE_TLS=off`: the shared bearer token of every stage call; the all-in-one"
                            + " writes the one it uses to `$OPS_DATA_DIR/stage.key` (0600)"),

            ConfigVar.variable("OPS_TRACE_DB_URL", TRACING, "trace-service run apart", Default.none("required"),
                    "JDBC URL (`jdbc:postgresql:`) of the system-of-record PostgreSQL (schema `ops`)"),
            ConfigVar.variable("OPS_TRACE_DB_USER", TRACING, "trace-service run apart",
                    Default.none("the URL's or the driver's"), "user of the trace store (`OPS_TRACE_DB_URL`)"),
            ConfigVar.variable("OPS_TRACE_DB_PASSWORD", TRACING, "trace-service run apart", Default.none(),
                    "password of the trace store; never printed"),
            ConfigVar.variable("OPS_TRACE_DB_POOL", TRACING, "trace-service run apart", Default.of("8"),
                    "pooled connections to the trace store at most (1–1000)"),
            ConfigVar.variable("OPS_TRACE_BATCH_SIZE", TRACING, "gateway", Default.of("200"),
                    "traces shipped to trace-service per batch"),
            ConfigVar.variable("OPS_TRACE_QUEUE", TRACING, "gateway", Default.of("20000"),
                    "traces waiting to be shipped; a trace that finds the queue full is spilled"),
            ConfigVar.variable("OPS_TRACE_SPILL_DIR", TRACING, "gateway",
                    Default.derived("`$OPS_DATA_DIR/trace-spill`"),
                    "traces that could not be queued or stored, replayed on start; also the journal of"
                            + " `OPS_TRACE_DURABLE`"),
            ConfigVar.variable("OPS_TRACE_DURABLE", TRACING, "gateway", Default.of("off"),
                    "`off`: traces wait in memory until stored (a kill -9 loses the queued ones); `write`: each"
                            + " trace is appended to a journal in the spill directory before its answer leaves"
                            + " (survives the process being killed); `fsync`: and forced to disk (survives the"
                            + " machine going down); the journal is replayed on the next start. Anything else is"
                            + " refused at start"),
            // #18: the Execution Trace as OpenTelemetry spans (the standard OTEL_* names, read by the gateway)
            ConfigVar.variable("OTEL_EXPORTER_OTLP_ENDPOINT", TRACING, "gateway", Default.none("no export"),
                    "base URL of an OTLP/HTTP receiver (an OpenTelemetry collector, Jaeger, Tempo), e.g."
                            + " `http://localhost:4318`: every request's Execution Trace is also exported as spans"
                            + " to `<endpoint>/v1/traces` (see [tracing](../tracing.md)). Unset: no exporter, no"
                            + " thread; a caller's `traceparent` is still continued and recorded"),
            ConfigVar.variable("OTEL_EXPORTER_OTLP_PROTOCOL", TRACING, "gateway", Default.of("http/protobuf"),
                    "only `http/protobuf` is supported (the exporter sends with the JDK's HTTP client); anything"
                            + " else is refused at start"),
            ConfigVar.variable("OTEL_EXPORTER_OTLP_HEADERS", TRACING, "gateway", Default.none(),
                    "headers sent with every export, `key1=value1,key2=value2` (values URL-decoded), e.g. a"
                            + " collector's `authorization`; never printed"),
            ConfigVar.variable("OTEL_SERVICE_NAME", TRACING, "gateway", Default.of("ops-gateway"),
                    "the exported spans' `service.name`"));
}
