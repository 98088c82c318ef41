package dev.opsuite.kit.config;

import static dev.opsuite.kit.config.ConfigSection.SOURCES;
import static dev.opsuite.kit.config.ConfigSection.STORES;

import dev.opsuite.kit.config.ConfigVar.Default;
import java.util.List;

/** The catalog's sections "Stores and data" and "Sources and secrets". */
final class StoreVariables {
    private StoreVariables() {}

    static final List<ConfigVar> ALL = List.of(
            ConfigVar.variable("OPS_DATA_DIR", STORES,
                    "all-in-one, gateway, `./ops import`, `./ops keys`, `./ops demo`, `./ops status`, `./ops curl`",
                    Default.of("data", "git-ignored"),
                    "embedded PostgreSQL and Neo4j data, stage certificates (`tls/`), API keys, the admin key,"
                            + " trace spill and LLM usage; survives restarts. A gateway run apart keeps its keys,"
                            + " admin key and trace spill under it too, and its LLM usage only when it is set"),
            ConfigVar.variable("OPS_ASSET_SEED_DIR", STORES, "all-in-one, trace-service run apart",
                    Default.of("assets/defaults", "all-in-one; none for trace-service run apart"),
                    "default assets loaded as published v1 when absent; an asset only the seed has written"
                            + " follows a changed seed (see [Assets](../../README.md#assets)); a path that is not a"
                            + " directory refuses the start"),
            ConfigVar.variable("OPS_DEMO", STORES, "all-in-one", Default.of("true"),
                    "load the demo estate when the estate is empty; only `false` (any case) leaves it out"),
            ConfigVar.variable("OPS_DEMO_SEED", STORES, "all-in-one", Default.of("20261125"),
                    "seed of the demo estate's generator"),
            ConfigVar.variable("OPS_DEMO_DAYS", STORES, "all-in-one", Default.of("7"),
                    "days of demo metrics"),
            ConfigVar.variable("OPS_GOLDEN_DEFAULTS", STORES, "all-in-one", Default.of("true"),
                    "create the default golden set (`golden.json` in `OPS_ASSET_SEED_DIR`) once, in the background"
                            + " after the start, each with a baseline taken by asking it; a query created (or"
                            + " deleted) stays as the operator leaves it (marker `golden-defaults.json` in"
                            + " `OPS_DATA_DIR`), one that failed is tried again at the next start; without the demo"
                            + " estate its questions about demo CIs are left out. Only `false` (any case) turns it"
                            + " off"),
            ConfigVar.variable("OPS_STORE_CHECK_MS", STORES, "all-in-one", Default.of("1000"),
                    "how often the embedded PostgreSQL and Neo4j are checked; a dead one is restarted on its"
                            + " data directory and port"),
            ConfigVar.variable("OPS_NEO4J_JVM_OPTS", STORES, "all-in-one (embedded-stores: the Neo4j child JVM)",
                    Default.none(),
                    "extra JVM options of the embedded Neo4j process, after the built-in ones (so `-Xmx` here"
                            + " wins); read from the process environment only"),
            ConfigVar.variable("OPS_NEO4J_CLASSPATH_FILE", STORES, "all-in-one (embedded-stores)",
                    Default.derived("`embedded-neo4j/target/neo4j-classpath.txt` in the working directory or"
                            + " above"),
                    "the file holding the classpath of the Neo4j JVM; a system property of the same name wins"
                            + " over the variable; a name that is not a file refuses the start"),
            ConfigVar.variable("OPS_ESTATE_DB_URL", STORES, "executor-service",
                    Default.none("set by the all-in-one"),
                    "JDBC URL of the writable estate store of the importer; the importer (and its store probe)"
                            + " runs only when this and `OPS_ESTATE_NEO4J_URI` are both set"),
            ConfigVar.variable("OPS_ESTATE_DB_USER", STORES, "executor-service",
                    Default.of("postgres", "set by the all-in-one"), "user of the estate store (`OPS_ESTATE_DB_URL`)"),
            ConfigVar.variable("OPS_ESTATE_DB_PASSWORD", STORES, "executor-service",
                    Default.none("set by the all-in-one"), "password of the estate store (`OPS_ESTATE_DB_URL`)"),
            ConfigVar.variable("OPS_METRIC_PARTITIONS", STORES, "executor-service", Default.of("month"),
                    "how the importer cuts `ci_metric` into new partitions: `month` (one per UTC month) or `day` (one"
                            + " per UTC day, so that `./ops estate retention` drops whole days without deleting rows"
                            + " one by one: for large estates). A month keeps the kind of partition it started with"
                            + " (docs/estate.md, \"Partitions and retention\")"),
            ConfigVar.variable("OPS_METRIC_ROLLUP_SECONDS", STORES, "executor-service", Default.of("30"),
                    "how often the metric rollups catch up with metrics written by anyone but the importer (its"
                            + " own files are rolled up in their import): the (hour, metric) pairs such writes marked"
                            + " pending are recomputed in the background, `OPS_METRIC_ROLLUP_HOURS` at a time; `0` turns the"
                            + " job off (a pending hour's ranges are then read from the raw rows). Runs where the"
                            + " importer runs (`OPS_ESTATE_DB_URL`)"),
            ConfigVar.variable("OPS_METRIC_ROLLUP_HOURS", STORES, "executor-service", Default.of("24"),
                    "pending (hour, metric) pairs one run of the rollup job recomputes at most (one transaction);"
                            + " the next run takes the rest"),
            ConfigVar.variable("OPS_ESTATE_NEO4J_URI", STORES, "executor-service",
                    Default.none("set by the all-in-one"),
                    "Bolt URI of the graph store of the importer (see `OPS_ESTATE_DB_URL`)"),
            ConfigVar.variable("OPS_ESTATE_NEO4J_USER", STORES, "executor-service",
                    Default.none("no authentication; set by the all-in-one"),
                    "user of the estate graph store (`OPS_ESTATE_NEO4J_URI`); unset: the driver connects without"
                            + " authentication"),
            ConfigVar.variable("OPS_ESTATE_NEO4J_PASSWORD", STORES, "executor-service",
                    Default.none("set by the all-in-one"), "password of the estate graph store"),

            ConfigVar.variable("OPS_SOURCE_HOSTS", SOURCES, "executor-service",
                    Default.of("127.0.0.0/8,::1/128,localhost"),
                    "where Source assets may point: comma-separated host names, IPs, CIDRs, or `*`; link-local"
                            + " (cloud metadata), wildcard and multicast addresses, metadata host names and the"
                            + " product's own ports are refused whatever it says"),
            ConfigVar.variable("OPS_SOURCE_DENIED_PORTS", SOURCES, "executor-service",
                    Default.none("set by the all-in-one"),
                    "comma-separated ports a Source may never use (the product's own); the all-in-one replaces"
                            + " any value given with trace-service's port and the gateway's"),
            ConfigVar.variable("OPS_SOURCE_POOLS_MAX", SOURCES, "executor-service", Default.of("32"),
                    "open pools (and Neo4j drivers) per adapter, least recently used closed first"),
            ConfigVar.variable("OPS_SOURCE_POOL_IDLE_MINUTES", SOURCES, "executor-service", Default.of("30"),
                    "pools and drivers unused this long are closed"),
            ConfigVar.variable("OPS_BREAKER_PROBE_MS", SOURCES, "executor-service", Default.of("2000"),
                    "how often a Source whose circuit breaker is open is checked (at least 100); the check"
                            + " closes it"),
            ConfigVar.variable("OPS_DOCS_DIR", SOURCES, "executor-service",
                    Default.derived("`$OPS_DATA_DIR/documents` in the all-in-one; unset: no document index"),
                    "where the document collections' Lucene indexes live (one directory per collection);"
                            + " without it a `documents` Source answers that no index is kept and documents"
                            + " cannot be imported"),
            ConfigVar.variable("OPS_SECRETS_FILE", SOURCES, "executor-service", Default.none(),
                    "properties file of secret values for `*_ref`, keyed by the reference as written; an"
                            + " `OPS_SECRET_<NAME>` variable wins over it; a file that cannot be read refuses"
                            + " the start"),
            new ConfigVar("OPS_SECRET_", ConfigVar.Kind.FAMILY, SOURCES, "executor-service",
                    Default.none("the all-in-one sets `PG_PORT`, `PG_DATABASE`, `PG_USER`, `PG_PASSWORD`,"
                            + " `NEO4J_URI`, `NEO4J_USER`, `NEO4J_PASSWORD`, and the older `OPS_PG_PORT`,"
                            + " `OPS_PG_DATABASE`, `OPS_PG_USER`, `OPS_PG_PASSWORD`, `OPS_NEO4J_URI`"),
                    "the value of a Source asset's secret reference `NAME` (`user_ref`, `password_ref`, any"
                            + " `*_ref`; the default Source assets reference `PG_PORT` …): the reference"
                            + " upper-cased, other characters as `_`, an `OPS_SECRET_` prefix written in it"
                            + " counted once; blank counts as unset. Only these variables and"
                            + " `OPS_SECRETS_FILE` are read through a reference, never any other variable;"
                            + " values never appear in assets, traces, logs or responses"));
}
