package dev.opsuite.kit.config;

/** The sections of the configuration reference, in the order it lists them. */
public enum ConfigSection {
    GATEWAY("Gateway and access"),
    STAGE_SERVICES("Stage services"),
    STORES("Stores and data"),
    SOURCES("Sources and secrets"),
    LIMITS("Limits"),
    TRACING("Tracing"),
    LLM("LLM"),
    COMMAND_LINE("Command line"),
    BENCHMARK("Benchmark");

    private final String title;

    ConfigSection(String title) {
        this.title = title;
    }

    /** The heading the reference gives the section. */
    public String title() {
        return title;
    }
}
