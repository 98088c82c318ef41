package dev.opsuite.conductor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.proto.v1.ToolCall;
import dev.opsuite.proto.v1.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daily budget of language-model tokens per caller (OPS_LLM_DAILY_TOKENS, the day in
 * OPS_TIMEZONE). Every trace the gateway hands to its sink is charged to the trace's caller with the
 * prompt and completion tokens of its LLM calls (planner and summary), whichever way the request
 * ended. Before a request plans or composes, a caller whose budget is used up gets no model: the
 * rules planner answers, no summary is written, and the answer says so ({@link #notice}). A request
 * in flight may overshoot by at most its own calls (each capped by OPS_LLM_MAX_TOKENS). The day's
 * usage is kept in a file of the data directory (0600), so a restart does not reset it; one gateway
 * process owns it.
 */
public final class LlmBudget {
    private static final Logger log = LoggerFactory.getLogger(LlmBudget.class);
    /** Callers counted per day at most; a caller beyond them is refused the model (fail closed). */
    private static final int MAX_CALLERS = 100_000;

    private final long dailyTokens;
    private final boolean modelConfigured;
    private final Clock clock;
    private final Optional<Path> file;
    private LocalDate day;
    private final Map<String, Long> used = new HashMap<>();

    /**
     * @param dailyTokens tokens per caller per day; negative: unlimited
     * @param modelConfigured whether a model is configured at all (else nothing is ever refused or said)
     */
    public LlmBudget(long dailyTokens, boolean modelConfigured, Clock clock, Optional<Path> file) {
        this.dailyTokens = dailyTokens;
        this.modelConfigured = modelConfigured;
        this.clock = clock;
        this.file = file;
        this.day = LocalDate.now(clock);
        file.ifPresent(this::load);
    }

    public static LlmBudget unlimited(Clock clock) {
        return new LlmBudget(-1, false, clock, Optional.empty());
    }

    /** What the answer says when the caller's budget is used up, else empty. */
    public synchronized Optional<String> notice(String caller, boolean korean) {
        if (!modelConfigured || dailyTokens < 0) {
            return Optional.empty();
        }
        rollOver();
        Long spent = used.get(caller);
        boolean full = spent == null ? used.size() >= MAX_CALLERS : spent >= dailyTokens;
        if (!full) {
            return Optional.empty();
        }
        return Optional.of(korean
                ? "오늘 " + caller + "의 언어 모델 사용 한도(" + dailyTokens + " 토큰)를 모두 써서, 이 답은 모델 없이 "
                        + "규칙 플래너로 만들었습니다 (요약 없음). 한도는 내일(" + day.plusDays(1) + ") 다시 채워집니다."
                : "Today's language-model budget of " + caller + " (" + dailyTokens + " tokens) is used up, so this "
                        + "answer was planned by the rules planner without a model (no summary). It refills on "
                        + day.plusDays(1) + ".");
    }

    /** Tokens per caller per day; negative: unlimited. */
    public long dailyTokens() {
        return dailyTokens < 0 ? -1 : dailyTokens;
    }

    /** Tokens the caller has used today. */
    public synchronized long used(String caller) {
        rollOver();
        return used.getOrDefault(caller, 0L);
    }

    /** Charges the trace's caller with the tokens of the trace's LLM calls. */
    public void charge(Trace trace) {
        long tokens = 0;
        for (ToolCall c : trace.getToolCallsList()) {
            if (c.hasLlm()) {
                tokens += Math.max(0, c.getLlm().getPromptTokens()) + Math.max(0, c.getLlm().getCompletionTokens());
            }
        }
        if (tokens > 0) {
            charge(trace.getCaller(), tokens);
        }
    }

    synchronized void charge(String caller, long tokens) {
        rollOver();
        if (!used.containsKey(caller) && used.size() >= MAX_CALLERS) {
            return;
        }
        used.merge(caller, tokens, Long::sum);
        file.ifPresent(this::save);
    }

    /** The sink every finished trace passes through on its way to the store: charged, then handed on. */
    public TraceSink charging(TraceSink sink) {
        return new TraceSink() {
            @Override
            public void submit(Trace trace) {
                charge(trace);
                sink.submit(trace);
            }

            @Override
            public Optional<Trace> pending(String traceId) {
                return sink.pending(traceId);
            }
        };
    }

    private void rollOver() {
        LocalDate today = LocalDate.now(clock);
        if (!today.equals(day)) {
            day = today;
            used.clear();
        }
    }

    private void load(Path f) {
        if (!Files.exists(f)) {
            return;
        }
        try {
            JsonNode doc = ModelJson.MAPPER.readTree(f.toFile());
            if (!day.toString().equals(doc.path("day").asText())) {
                return;
            }
            doc.path("used").fields().forEachRemaining(e -> {
                if (used.size() < MAX_CALLERS && e.getValue().canConvertToLong()) {
                    used.put(e.getKey(), Math.max(0, e.getValue().asLong()));
                }
            });
        } catch (IOException | RuntimeException e) {
            // an unreadable file counts nothing rather than stopping the gateway; said loudly
            log.warn("LLM usage file {} could not be read ({}); today's usage starts from 0", f, e.toString());
        }
    }

    private void save(Path f) {
        ObjectNode doc = ModelJson.MAPPER.createObjectNode();
        doc.put("day", day.toString());
        ObjectNode u = doc.putObject("used");
        used.forEach(u::put);
        try {
            dev.opsuite.kit.config.DataFiles.writeAtomically(f, ModelJson.MAPPER.writeValueAsBytes(doc), true);
        } catch (IOException e) {
            log.warn("LLM usage file {} could not be written ({}); usage is counted in memory", f, e.toString());
        }
    }
}
