package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The default golden set (assets/defaults/golden.json) on a stack of its own: created on the first
 * start with a baseline each, covering every intent and view, direct answers and rejects; not created
 * again at the next start, a deleted one staying deleted; the whole set judged on the unchanged estate
 * without a fail. Then issue #15's planted bad drafts, one per asset type, each published: the gate
 * refuses it (409 with its report) and the diff RCA of a refused run ranks the changed asset first,
 * the version diff its verification step names showing the changed field. Findings go to
 * target/golden-defaults/report.md.
 */
class GoldenDefaultsEndToEndTest {
    private static final Path SEED = Path.of("..", "assets", "defaults", GoldenSeeder.FILE);
    private static final Map<String, String> ON = Map.of("OPS_DEMO_DAYS", "2", "OPS_GOLDEN_DEFAULTS", "true",
            "OPS_CONCURRENT_PER_CALLER", "1000");

    private record Planted(String type, String name, String field, Consumer<ObjectNode> edit) {}

    /** Issue #15 item 5: one bad draft per asset type, and the field the version diff must show. */
    private static final List<Planted> PLANTED = List.of(
            new Planted("query", "ci_queries", "statement", c -> {
                for (JsonNode q : c.path("queries")) {
                    if (q.path("name").asText().equals("metric_latest")) { // a column ci_metric does not have
                        ((ObjectNode) q).put("statement", q.path("statement").asText()
                                .replace("m.metric_name, m.value, m.ts FROM", "m.metric_name, m.reading AS value, m.ts FROM"));
                    }
                }
            }),
            new Planted("resolver", "ci_resolver", "target_entity", c -> {
                for (JsonNode r : c.path("rules")) { // 서버A is SVR001; the draft sends it to server B
                    if (r.path("rule_data").path("source_entity").asText().equals("서버A")) {
                        ((ObjectNode) r.path("rule_data")).put("target_entity", "ci_code:SVR002");
                    }
                }
            }),
            new Planted("policy", "ci_policy", "blocked_tables",
                    c -> ((ArrayNode) c.path("security").path("blocked_tables")).add("ci_metric")),
            new Planted("mapping", "ci_mapping", "template", c -> {
                for (JsonNode r : c.path("rules")) { // a misspelt placeholder: the value is never filled in
                    if (r.path("query").asText().equals("metric_latest")) {
                        ObjectNode t = (ObjectNode) r.path("blocks").get(0).path("template");
                        t.put("ko", t.path("ko").asText().replace("{value}", "{valeu}"));
                        t.put("en", t.path("en").asText().replace("{value}", "{valeu}"));
                    }
                }
            }),
            new Planted("prompt", "ci_planner", "atoms", c -> { // "지난 6시간" is no longer read as a range
                ArrayNode atoms = (ArrayNode) c.path("rules").path("time").path("atoms");
                for (int i = atoms.size() - 1; i >= 0; i--) {
                    if (atoms.get(i).path("name").asText().equals("rel_hours_ko")) {
                        atoms.remove(i);
                    }
                }
            }));

    @Test
    void theDefaultSetIsCreatedOnceStaysStableAndRefusesEachPlantedDraft() throws Exception {
        Path data = TempData.create("ops-golden-");
        StringBuilder report = new StringBuilder("# The default golden set end to end\n\n");
        try {
            String deleted;
            int kept;
            try (AllInOne first = OpsStack.start(data, ON)) {
                GoldenSeeder.Outcome made = first.goldenDefaults().get(15, TimeUnit.MINUTES);
                assertTrue(made.failed().isEmpty(), "failed: " + made.failed());
                assertTrue(made.created() >= 40, "at least 40 created: " + made);
                Http http = new Http(first).as("operator");
                List<JsonNode> queries = list(http);
                assertEquals(made.created(), queries.size());
                coverage(http, queries, report);
                Map<String, String> names = new java.util.HashMap<>();
                queries.forEach(q -> names.put(q.path("query_id").asText(), q.path("name").asText()));
                wholeSet(http, names, report);
                deleted = queries.get(0).path("query_id").asText();
                Http.Reply gone = http.send("DELETE", "/ops/golden-queries/" + deleted, null, "authorization",
                        "Bearer " + TestKeys.token(first, "asset_admin"));
                assertEquals(200, gone.status(), gone.raw());
                kept = queries.size() - 1;
            }
            try (AllInOne second = OpsStack.start(data, ON)) {
                GoldenSeeder.Outcome again = second.goldenDefaults().get(5, TimeUnit.MINUTES);
                assertEquals(0, again.created(), "a second start creates none: " + again);
                Http http = new Http(second).as("operator");
                List<JsonNode> queries = list(http);
                assertEquals(kept, queries.size(), "the deleted one stays deleted");
                assertTrue(queries.stream().noneMatch(q -> q.path("query_id").asText().equals(deleted)));
                report.append("## Planted bad drafts\n\n| asset | gate | refused runs | RCA rank 1 | diff shows |\n"
                        + "|---|---|---|---|---|\n");
                List<String> wrong = new ArrayList<>();
                for (Planted p : PLANTED) {
                    planted(http, p, report, wrong);
                }
                write(report);
                assertTrue(wrong.isEmpty(), String.join("\n", wrong) + "\n" + report);
                demoGoesWithItsGoldenQueries(http);
            }
            Files.delete(data.resolve(GoldenSeeder.MARKER));
            try (AllInOne third = OpsStack.start(data, ON)) {
                // OPS_DEMO is on, but the estate holds only the operator's CI: the demo is not loaded
                // (the estate is not empty) and no golden query about demo CIs is made from its seed
                GoldenSeeder.Outcome made = third.goldenDefaults().get(10, TimeUnit.MINUTES);
                long aboutDemo = GoldenSeeder.read(SEED).stream().filter(q -> q.path("estate").asText().equals("demo"))
                        .count();
                assertEquals(aboutDemo, made.leftOut(), "demo questions left out: " + made);
                assertTrue(made.failed().isEmpty(), "failed: " + made.failed());
                assertTrue(list(new Http(third).as("operator")).stream().noneMatch(GoldenDefaultsEndToEndTest::demoTagged));
            }
        } finally {
            write(report);
            TempData.delete(data);
        }
    }

    /**
     * Removing the demo takes the default golden queries about it along (their baselines name CIs that
     * are gone, so each run would fail and refuse publishes); an estate of the operator's own stays.
     */
    private static void demoGoesWithItsGoldenQueries(Http http) throws Exception {
        long demoQueries = list(http).stream().filter(GoldenDefaultsEndToEndTest::demoTagged).count();
        assertTrue(demoQueries > 30, "demo golden queries before: " + demoQueries);
        Http.Reply removed = http.post("/ops/estate/demo/remove", "{}", "estate_admin");
        assertEquals(200, removed.status(), removed.raw());
        assertEquals(demoQueries, removed.data().path("removed_golden_queries").asLong(), removed.raw());
        // and the demo's documents (runbooks, alert explanations, postmortems about demo CIs)
        assertEquals(dev.opsuite.estate.demo.DemoDocuments.paths().size(),
                removed.data().path("removed_documents").asLong(), removed.raw());
        assertTrue(list(http).stream().noneMatch(GoldenDefaultsEndToEndTest::demoTagged), "no demo query left");
        Http.Reply own = http.postBytes("/ops/import/cis?file_name=cis.csv", ("ci_code,ci_name,ci_type,status,environment,"
                + "location,owner,aliases\nown-01,own one,server,running,prod,dc1,ops,\n").getBytes(StandardCharsets.UTF_8),
                "text/csv", "estate_admin");
        assertEquals(200, own.status(), own.raw());
    }

    private static boolean demoTagged(JsonNode q) {
        return java.util.stream.StreamSupport.stream(q.path("tags").spliterator(), false)
                .anyMatch(t -> t.asText().equals("demo"));
    }

    private static List<JsonNode> list(Http http) throws Exception {
        Http.Reply r = http.get("/ops/golden-queries");
        assertEquals(200, r.status(), r.raw());
        List<JsonNode> out = new ArrayList<>();
        r.data().path("queries").forEach(out::add);
        return out;
    }

    /** Every intent and view the planner produces, direct answers and rejects, each with its baseline. */
    private static void coverage(Http http, List<JsonNode> queries, StringBuilder report) throws Exception {
        Set<String> routes = new TreeSet<>();
        Set<String> intents = new TreeSet<>();
        Set<String> views = new TreeSet<>();
        List<String> empty = new ArrayList<>();
        for (JsonNode q : queries) {
            String baseline = q.path("baseline_trace_id").asText();
            assertFalse(baseline.isEmpty(), "a baseline for " + q);
            Http.Reply t = http.get("/ops/traces/" + baseline);
            assertEquals(200, t.status(), t.raw());
            routes.add(t.data().path("route").asText());
            if (t.data().path("route").asText().equals("orch")) {
                int rows = 0;
                for (JsonNode o : t.data().path("stage_outputs")) {
                    rows = o.path("stage").asText().equals("execute") ? o.path("diagnostics").path("counts").path("rows")
                            .asInt() : rows;
                }
                if (rows == 0) {
                    empty.add(q.path("name").asText() + " (" + t.data().path("status").asText() + ")");
                }
            }
            JsonNode plan = t.data().path("route_output").path("plan_validated").path("plan");
            if (plan.has("intent")) {
                intents.add(plan.path("intent").asText());
                views.add(plan.path("view").asText());
            }
        }
        report.append(queries.size()).append(" created; baselines without rows ").append(empty).append("; routes ")
                .append(routes).append(", intents ").append(intents).append(", views ").append(views).append("\n\n");
        for (String i : List.of("LOOKUP", "SEARCH", "LIST", "AGGREGATE", "EXPAND", "PATH")) {
            assertTrue(intents.contains("INTENT_" + i), "intent " + i + " covered: " + intents);
        }
        for (String v : List.of("SUMMARY", "COMPOSITION", "DEPENDENCY", "IMPACT", "PATH", "NEIGHBORS")) {
            assertTrue(views.contains("VIEW_" + v), "view " + v + " covered: " + views);
        }
        assertTrue(routes.containsAll(List.of("direct", "reject", "orch")), "routes: " + routes);
        assertTrue(empty.isEmpty(), "every question about the estate answers with rows at its baseline: " + empty);
    }

    /** The whole set on the estate its baselines saw: no fail; warnings are reported with their reason. */
    private static void wholeSet(Http http, Map<String, String> names, StringBuilder report) throws Exception {
        Http.Reply r = http.post("/ops/golden-queries/run-regression", "{}");
        assertEquals(200, r.status(), r.raw());
        JsonNode totals = r.data().path("totals");
        report.append("## The whole set, unchanged estate\n\n").append(totals).append("\n\n");
        List<String> fails = new ArrayList<>();
        for (JsonNode run : r.data().path("runs")) {
            if (!run.path("judgment").asText().equals("pass")) {
                report.append("- ").append(run.path("judgment").asText()).append(" '")
                        .append(names.get(run.path("query_id").asText())).append("'")
                        .append(": ").append(run.path("verdict_reason").asText()).append("\n");
            }
            if (run.path("judgment").asText().equals("fail")) {
                fails.add(run.toString());
            }
        }
        report.append("\n");
        assertTrue(fails.isEmpty(), "no fail on an unchanged estate: " + fails);
        assertEquals(0, totals.path("fail").asInt(), totals.toString());
    }

    private static void planted(Http http, Planted p, StringBuilder report, List<String> wrong) throws Exception {
        String asset = "/ops/assets/" + p.type() + "/" + p.name();
        ObjectNode content = (ObjectNode) http.get(asset).data().path("content").deepCopy();
        p.edit().accept(content);
        ObjectNode save = ModelJson.MAPPER.createObjectNode();
        save.set("content", content);
        Http.Reply saved = http.post(asset, save.toString(), "asset_admin");
        assertEquals(200, saved.status(), saved.raw());
        int version = saved.data().path("version").asInt();
        Http.Reply refused = http.post(asset + "/publish", "{\"version\":" + version + "}", "asset_admin");
        JsonNode gate = refused.body().path("data").path("gate");
        String judgment = gate.path("judgment").asText();
        List<JsonNode> bad = new ArrayList<>();
        gate.path("runs").forEach(run -> {
            if (!run.path("judgment").asText().equals("pass")) {
                bad.add(run);
            }
        });
        String row = "| " + p.type() + "/" + p.name() + "@" + version + " | " + refused.status() + " " + judgment + " | "
                + bad.size() + " of " + gate.path("runs").size();
        if (refused.status() != 409 || bad.isEmpty()) {
            wrong.add(p.type() + ": not refused by the gate: " + refused.raw());
            report.append(row).append(" | — | — |\n");
            return;
        }
        if (!judgment.equals("fail")) {
            wrong.add(p.type() + ": refused only as a '" + judgment + "' (needs a review), not a fail: "
                    + bad.get(0).path("verdict_reason").asText());
        }
        JsonNode run = bad.stream().filter(x -> x.path("judgment").asText().equals("fail")).findFirst().orElse(bad.get(0));
        if (run.path("judgment").asText().equals("fail")) {
            assertFalse(run.path("rca_trace_id").asText().isEmpty(), "a failed run links its RCA: " + run);
        }
        Http.Reply rca = http.post("/ops/rca", "{\"mode\":\"diff\",\"baseline_trace_id\":\""
                + run.path("baseline_trace_id").asText() + "\",\"candidate_trace_id\":\""
                + run.path("candidate_trace_id").asText() + "\",\"options\":{\"max_hypotheses\":5}}");
        assertEquals(200, rca.status(), rca.raw());
        JsonNode top = rca.data().path("rca").path("hypotheses").path(0);
        String title = top.path("rule").asText() + ": " + top.path("title").asText();
        boolean first = top.path("rule").asText().equals("asset_changed")
                && top.path("title").asText().startsWith("Asset changed: " + p.type() + " ");
        if (!first) {
            wrong.add(p.type() + ": RCA ranks first " + title + "; all: " + rca.data().path("rca").path("hypotheses"));
        }
        String shows = "—";
        for (JsonNode step : top.path("verification_steps")) {
            if (step.path("method").asText().equals("GET") && step.path("endpoint").asText().contains("/diff")) {
                Http.Reply diff = http.get(step.path("endpoint").asText());
                assertEquals(200, diff.status(), diff.raw());
                shows = diff.raw().contains(p.field()) ? p.field() : "not " + p.field();
                if (!diff.raw().contains(p.field())) {
                    wrong.add(p.type() + ": the version diff does not show " + p.field() + ": " + diff.raw());
                }
            }
        }
        if (first && shows.equals("—")) {
            wrong.add(p.type() + ": the first hypothesis has no version diff step: " + top);
        }
        report.append(row).append(" | ").append(title.replace('|', '/')).append(" | ").append(shows).append(" |\n");
    }

    private static void write(StringBuilder report) {
        try {
            Path out = Path.of("target", "golden-defaults", "report.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
