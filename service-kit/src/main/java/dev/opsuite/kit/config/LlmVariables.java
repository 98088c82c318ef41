package dev.opsuite.kit.config;

import static dev.opsuite.kit.config.ConfigSection.LLM;

import dev.opsuite.kit.config.ConfigVar.Default;
import java.util.List;

/**
 * The catalog's section "LLM" (planner-service, executor-service and the gateway — for the RCA
 * narrative — read it through LlmConfig).
 */
final class LlmVariables {
    private LlmVariables() {}

    private static final String SERVICES = "planner-service, executor-service, gateway";

    static final List<ConfigVar> ALL = List.of(
            ConfigVar.variable("OPS_LLM_MODEL", LLM, SERVICES, Default.none("LLM off"),
                    "chat model; set it with `OPENAI_BASE_URL` or a key to switch the LLM on (the gateway's own"
                            + " call is the RCA narrative, `POST /ops/rca` with `options.use_llm`)"),
            ConfigVar.variable("OPENAI_BASE_URL", LLM, SERVICES, Default.of("https://api.openai.com/v1"),
                    "any OpenAI-compatible chat-completions endpoint"),
            ConfigVar.variable("OPENAI_API_KEY", LLM, SERVICES, Default.none(),
                    "API key, taken by reference (see `OPS_LLM_API_KEY_REF`); never logged, traced or returned"),
            new ConfigVar("OPS_LLM_API_KEY_REF", ConfigVar.Kind.REFERENCE, LLM, SERVICES,
                    Default.of("OPENAI_API_KEY"),
                    "the name of the variable that holds the API key (read in place of `OPENAI_API_KEY`)"),
            ConfigVar.variable("OPS_LLM_TIMEOUT_MS", LLM, SERVICES, Default.of("8000"),
                    "per-call timeout (at least 1)"),
            ConfigVar.variable("OPS_LLM_MAX_RETRIES", LLM, SERVICES, Default.of("2"),
                    "retries of 429 and 5xx answers (timeouts are not retried)"),
            ConfigVar.variable("OPS_LLM_BACKOFF_MS", LLM, SERVICES, Default.of("500"),
                    "first backoff between retries, doubled each time"),
            ConfigVar.variable("OPS_LLM_BACKOFF_MAX_MS", LLM, SERVICES, Default.of("4000"),
                    "longest backoff (at least `OPS_LLM_BACKOFF_MS`)"),
            ConfigVar.variable("OPS_LLM_MAX_TOKENS", LLM, SERVICES, Default.of("1024"),
                    "every completion's `max_completion_tokens` is at most this, whatever an asset asks"),
            ConfigVar.variable("OPS_LLM_MAX_PROMPT_CHARS", LLM, SERVICES, Default.of("32000"),
                    "a prompt (all messages) larger than this many characters is not sent: the call fails as"
                            + " refused and the rules answer (at least 100)"),
            ConfigVar.variable("OPS_LLM_SENSITIVE_FIELDS", LLM, SERVICES,
                    Default.of("password,passwd,secret,token,api_key,apikey,authorization,credential,private_key"),
                    "comma-separated fields whose values are masked in the prompts and responses stored in"
                            + " traces; a value replaces the whole list"),
            ConfigVar.variable("OPS_LLM_DAILY_TOKENS", LLM, "gateway", Default.of("200000"),
                    "language-model tokens (prompt + completion, planner, summary and RCA narrative) per caller per day in"
                            + " `OPS_TIMEZONE`; past it the caller's requests get no model — the rules planner"
                            + " answers, no summary, and a `warning` block says so; kept in"
                            + " `$OPS_DATA_DIR/llm-usage.json` (0600) across restarts; negative = unlimited"));
}
