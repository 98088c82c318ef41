package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.config.Env;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Data survives a restart of the embedded default on the same OPS_DATA_DIR; nothing is reloaded.
 * The second start sends its stage calls over TCP (OPS_STAGE_TRANSPORT=tcp), as between separate
 * processes, and must answer the same.
 */
class RestartTest {

    @Test
    void tracesAndEstateSurviveARestart() throws Exception {
        Path data = TempData.create("ops-restart-");
        Env env = Env.of(Map.of("OPS_HTTP_PORT", "0", "OPS_DATA_DIR", data.toString(),
                "OPS_ASSET_SEED_DIR", Path.of("..", "assets", "defaults").toAbsolutePath().toString(),
                "OPS_DEMO_DAYS", "1", "OPS_GOLDEN_DEFAULTS", "false"));
        try {
            restartKeeps(env);
        } finally {
            TempData.delete(data);
        }
    }

    private static void restartKeeps(Env env) throws Exception {
        String traceId;
        String answer;
        try (AllInOne first = AllInOne.start(LauncherConfig.from(env))) {
            Http.Reply r = new Http(first.httpPort()).post("/ops/ci/ask", Http.ask("서버B의 디스크 사용량은?"));
            assertEquals(200, r.status(), r.raw());
            traceId = r.data().path("meta").path("trace_id").asText();
            answer = r.data().path("answer").asText();
            assertTrue(answer.contains("SVR002"), answer);
        }
        try (AllInOne second = AllInOne.start(LauncherConfig.from(env.with(Map.of("OPS_STAGE_TRANSPORT", "tcp"))))) {
            Http http = new Http(second.httpPort());
            Http.Reply stored = http.get("/ops/traces/" + traceId);
            assertEquals(200, stored.status(), "trace written before the restart: " + stored.raw());
            assertEquals(answer, stored.data().path("answer").path("text").asText());
            Http.Reply again = http.post("/ops/ci/ask", Http.ask("서버B의 디스크 사용량은?"));
            assertEquals(answer, again.data().path("answer").asText(), "same estate, same latest value");
        }
    }
}
