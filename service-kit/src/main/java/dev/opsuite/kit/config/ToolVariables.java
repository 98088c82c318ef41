package dev.opsuite.kit.config;

import static dev.opsuite.kit.config.ConfigSection.BENCHMARK;
import static dev.opsuite.kit.config.ConfigSection.COMMAND_LINE;

import dev.opsuite.kit.config.ConfigVar.Default;
import java.util.List;

/** The catalog's sections "Command line" (the {@code ops} script and its commands) and "Benchmark". */
final class ToolVariables {
    private ToolVariables() {}

    static final List<ConfigVar> ALL = List.of(
            ConfigVar.variable("OPS_API_KEY", COMMAND_LINE,
                    "`./ops import`, `./ops keys`, `./ops demo`, `./ops status`, `./ops curl`, `./ops ask` (which asks anonymously without it)",
                    Default.derived("the admin key file (`OPS_ADMIN_KEY_FILE`)"),
                    "the key the command-line tools present"),
            ConfigVar.variable("OPS_JAVA_OPTS", COMMAND_LINE, "`./ops up`, `./ops bench`",
                    Default.of("-Xms256m -Xmx1g -XX:+UseSerialGC"),
                    "JVM options of the all-in-one (the benchmark starts its product with them too)"),
            ConfigVar.variable("OPS_DEBUG", COMMAND_LINE, "`./ops up`", Default.none(),
                    "`1`: a failed start prints the stack trace, as `./ops up --debug` does"),
            ConfigVar.variable("OPS_STATUS_COMMIT", COMMAND_LINE, "`./ops status`",
                    Default.none("set by `./ops status`"),
                    "the commit shown beside the version (the script passes `git rev-parse --short HEAD`)"),

            ConfigVar.variable("OPS_BENCH_PRODUCT_CP", BENCHMARK, "`./ops bench`",
                    Default.none("set by `./ops bench`; required"),
                    "classpath of the product the benchmark starts"),
            ConfigVar.variable("OPS_BENCH_COMMIT", BENCHMARK, "`./ops bench`", Default.none("set by `./ops bench`"),
                    "commit recorded in the results (the script passes `git rev-parse --short HEAD`)"),
            ConfigVar.variable("OPS_BENCH_RESULTS", BENCHMARK, "`./ops bench`", Default.of("bench/results"),
                    "where the results go: `<UTC>-<mode>.json` and `.md`, the newest also as `latest.json` /"
                            + " `latest.md`"),
            ConfigVar.variable("OPS_BENCH_SEED", BENCHMARK, "`./ops bench`", Default.of("20261125"),
                    "seed of the generated scale estate"),
            ConfigVar.variable("OPS_BENCH_KEEP", BENCHMARK, "`./ops bench`", Default.of("false"),
                    "`true`: keep the temporary directory (CSV files, data, `product.log`)"));
}
