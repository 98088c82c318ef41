package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The console end-to-end flake, on a stack of its own: with the default golden set on, the estate
 * grows after the baselines were taken (the console's ambiguity test imports two CIs, one a running
 * server in dc1-seoul), and then a ci_queries draft whose only change is a query's title is
 * published. No behaviour changed, so the gate must pass without a review: the list question about
 * running servers in Seoul now names one CI more, which is data, not a Mapping's wording.
 */
class TitleOnlyPublishEndToEndTest {
    private static final Map<String, String> ON = Map.of("OPS_DEMO_DAYS", "1", "OPS_GOLDEN_DEFAULTS", "true",
            "OPS_CONCURRENT_PER_CALLER", "1000");

    @Test
    void aTitleOnlyDraftPassesTheGateAfterTheEstateGrew() throws Exception {
        Path data = TempData.create("ops-title-only-");
        try (AllInOne ops = OpsStack.start(data, ON)) {
            GoldenSeeder.Outcome made = ops.goldenDefaults().get(15, TimeUnit.MINUTES);
            assertTrue(made.failed().isEmpty(), "failed: " + made.failed());
            Http http = new Http(ops).as("asset_admin");
            // the console's ambiguity test, as it imports them
            importCsv(http, "cis", "ci_code,ci_name,ci_type,status,environment,location,owner,aliases\n"
                    + "TWN001,twin-a,server,running,prod,dc1-seoul,team-t,twin-host|쌍둥이서버\n"
                    + "TWN002,twin-b,server,running,prod,dc2-busan,team-t,twin-host|쌍둥이서버\n");
            importCsv(http, "metrics", "ts,ci_code,metric_name,value\n"
                    + "2026-11-20T10:00:00+09:00,TWN001,cpu_usage,11.5\n2026-11-20T10:00:00+09:00,TWN002,cpu_usage,22.5\n");

            String asset = "/ops/assets/query/ci_queries";
            ObjectNode content = (ObjectNode) http.get(asset).data().path("content").deepCopy();
            ObjectNode first = (ObjectNode) content.path("queries").get(0);
            first.put("title", first.path("title").asText() + " (renamed)");
            ObjectNode save = ModelJson.MAPPER.createObjectNode();
            save.set("content", content);
            Http.Reply saved = http.post(asset, save.toString());
            assertEquals(200, saved.status(), saved.raw());
            int version = saved.data().path("version").asInt();

            Http.Reply published = http.post(asset + "/publish", "{\"version\":" + version + "}");
            JsonNode gate = published.status() == 200 ? published.data().path("gate")
                    : published.body().path("data").path("gate");
            List<String> notPass = new ArrayList<>();
            gate.path("runs").forEach(run -> {
                if (!run.path("judgment").asText().equals("pass")) {
                    notPass.add(run.path("judgment").asText() + " " + run.path("query_id").asText() + ": "
                            + run.path("verdict_reason").asText());
                }
            });
            assertTrue(gate.path("runs").size() >= 40, "the default set is bound to ci_queries: " + gate);
            assertEquals(List.of(), notPass, "a title-only change judged as a behaviour or data change");
            assertEquals(200, published.status(), published.raw());
            assertEquals("pass", gate.path("judgment").asText(), gate.toString());
        } finally {
            TempData.delete(data);
        }
    }

    private static void importCsv(Http http, String kind, String csv) throws Exception {
        Http.Reply r = http.postBytes("/ops/import/" + kind + "?file_name=" + kind + ".csv",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv", "estate_admin");
        assertEquals(200, r.status(), r.raw());
    }
}
