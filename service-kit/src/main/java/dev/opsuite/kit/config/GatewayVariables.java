package dev.opsuite.kit.config;

import static dev.opsuite.kit.config.ConfigSection.GATEWAY;
import static dev.opsuite.kit.config.ConfigSection.LIMITS;

import dev.opsuite.kit.config.ConfigVar.Default;
import java.util.List;

/** The catalog's sections "Gateway and access" and "Limits". */
final class GatewayVariables {
    private GatewayVariables() {}

    static final List<ConfigVar> ALL = List.of(
            ConfigVar.variable("OPS_HTTP_PORT", GATEWAY,
                    "all-in-one, gateway, `./ops import`, `./ops keys`, `./ops demo`, `./ops status`, `./ops ask`",
                    Default.of("8080"),
                    "REST + gRPC port of the gateway (`0` = any free port); the command-line tools call the"
                            + " product on 127.0.0.1 at this port"),
            ConfigVar.variable("OPS_HTTP_HOST", GATEWAY, "gateway", Default.of("127.0.0.1"),
                    "address the gateway binds; anything but a loopback address is refused at start unless"
                            + " `OPS_ANONYMOUS_ROLE=none`, and so is a name that does not resolve"),
            ConfigVar.variable("OPS_ANONYMOUS_ROLE", GATEWAY, "gateway", Default.of("viewer"),
                    "role of a caller without a key, on loopback only: `viewer`, `none` (every call needs a key)"
                            + " or a lesser role a Policy asset names, such as `guest`; a built-in role above"
                            + " `viewer` is refused at start"),
            ConfigVar.variable("OPS_ACCESS_POLICY", GATEWAY, "gateway", Default.none("the default Policy"),
                    "name of the Policy asset whose `rbac.operations` narrows the access table"),
            ConfigVar.variable("OPS_ACCESS_REFRESH_MS", GATEWAY, "gateway", Default.of("2000"),
                    "how often the gateway re-reads that Policy, in the background; requests never wait for it"),
            ConfigVar.variable("OPS_KEYS_FILE", GATEWAY, "gateway", Default.derived("`$OPS_DATA_DIR/keys.json`"),
                    "API keys (id, name, roles, salt, PBKDF2 hash; mode 0600); another gateway sharing the keys"
                            + " points here"),
            ConfigVar.variable("OPS_ADMIN_KEY_FILE", GATEWAY,
                    "gateway, `./ops import`, `./ops keys`, `./ops demo`, `./ops status`, `./ops curl`",
                    Default.derived("`$OPS_DATA_DIR/admin.key`"),
                    "where the first start (no active admin key) writes a new admin key's token, mode 0600, and"
                            + " where the command-line tools read it when `OPS_API_KEY` is not set; an empty"
                            + " value counts as unset (the default file)"),
            ConfigVar.variable("OPS_OIDC_ISSUER", GATEWAY, "gateway", Default.none("OIDC off"),
                    "accept OIDC / JWT bearer tokens of this issuer (matched exactly) beside API keys; then"
                            + " `OPS_OIDC_JWKS_URL` and `OPS_OIDC_AUDIENCE` are required too, else the start is"
                            + " refused"),
            ConfigVar.variable("OPS_OIDC_JWKS_URL", GATEWAY, "gateway", Default.none(),
                    "the issuer's JWKS, whose keys must sign the tokens; https (http only on loopback)"),
            ConfigVar.variable("OPS_OIDC_AUDIENCE", GATEWAY, "gateway", Default.none(),
                    "a token's audience must contain this"),
            ConfigVar.variable("OPS_OIDC_ROLES_CLAIM", GATEWAY, "gateway", Default.of("roles"),
                    "the claim holding the roles (an array, or a space- or comma-separated string); names that"
                            + " are not role names are dropped"),
            ConfigVar.variable("OPS_OIDC_NAME_CLAIM", GATEWAY, "gateway", Default.of("preferred_username"),
                    "the claim holding the caller's display name"),
            ConfigVar.variable("OPS_TIMEZONE", GATEWAY, "gateway", Default.of("Asia/Seoul"),
                    "zone of \"now\", of the days and times a question names (date answers, ranges) and of the"
                            + " day of `OPS_LLM_DAILY_TOKENS`"),
            ConfigVar.variable("OPS_NOW", GATEWAY, "gateway", Default.none("the system clock"),
                    "fixed \"now\" (RFC 3339 with offset, e.g. `2026-11-27T15:00:00+09:00`), for reproducible"
                            + " runs of a question set; anything else is refused at start"),

            ConfigVar.variable("OPS_RATE_PER_SECOND", LIMITS, "gateway", Default.of("50"),
                    "requests per second per authenticated caller (all anonymous callers are one) on ask,"
                            + " query, UI actions, stage test, preview, scan and import (`0`: no rate limit);"
                            + " beyond it a 429 (gRPC `RESOURCE_EXHAUSTED`, message `rate limited: …`) with"
                            + " `Retry-After: 1`, before anything runs"),
            ConfigVar.variable("OPS_CONCURRENT_PER_CALLER", LIMITS, "gateway", Default.of("16"),
                    "calls in flight per caller on the same operations (at least 1); beyond it the same 429"),
            ConfigVar.variable("OPS_MAX_IN_FLIGHT", LIMITS, "gateway", Default.of("48"),
                    "working requests (every POST over REST or gRPC: asks, queries, UI actions, stage tests,"
                            + " previews, scans, imports, asset writes) in flight across all callers (at least 1);"
                            + " one more is refused on the event loop, before it takes a worker thread (503"
                            + " `overloaded: …`, `Retry-After: 1`; gRPC `UNAVAILABLE`), instead of queueing until"
                            + " every answer is too late; health, ping and reads are never shed"),
            ConfigVar.variable("OPS_MAX_REQUEST_BYTES", LIMITS, "gateway", Default.of("4194304"),
                    "larger REST bodies get 413"),
            ConfigVar.variable("OPS_MAX_QUESTION_CHARS", LIMITS, "gateway", Default.of("2000"),
                    "longer questions get 400"),
            ConfigVar.variable("OPS_IMPORT_MAX_MB", LIMITS, "executor-service", Default.of("2048"),
                    "largest accepted import upload, in MiB; a larger one is refused as it arrives (413, gRPC"
                            + " `RESOURCE_EXHAUSTED`)"),
            ConfigVar.variable("OPS_IMPORT_THREADS", LIMITS, "executor-service", Default.of("2"),
                    "imports running at once"),
            ConfigVar.variable("OPS_IMPORT_QUEUE", LIMITS, "executor-service", Default.of("8"),
                    "uploads waiting for an import thread; one more is refused (429, gRPC `RESOURCE_EXHAUSTED`: too"
                            + " many imports queued)"),
            ConfigVar.variable("OPS_IMPORT_SPOOL_DIR", LIMITS, "executor-service", Default.derived("`java.io.tmpdir`"),
                    "where an upload is spooled before it is validated whole"),
            ConfigVar.variable("OPS_IMPORT_MIN_FREE_MB", LIMITS, "executor-service", Default.of("512"),
                    "free space (MiB) the spool never eats into: an upload is refused (503) before it starts, or"
                            + " as it grows (checked every 64 MiB), when the disk would go below it"),
            ConfigVar.variable("OPS_IMPORT_PROGRESS_MS", LIMITS, "executor-service", Default.of("100"),
                    "least time between two progress events within one pass of a streamed import (`Accept:"
                            + " text/event-stream`, `./ops import`); each pass's start is told at once"));
}
