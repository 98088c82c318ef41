package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * #24: two principals ask the same questions. The default Policy scopes the role "payments" to
 * the CIs owned by payment-team; a viewer sees everything. Whatever the way in — a code, a name, an
 * alias, IMPACT/DEPENDENCY/PATH/NEIGHBORS, top-N, counts, events, a rerun patch, a UI action, a
 * stage test, a query preview — nothing outside the scope reaches the scoped caller's answer or
 * its trace (a CI outside is looked for by its code and its name in everything it gets back).
 */
class DataScopeEndToEndTest {
    private static final String SCOPED = "viewer,payments";
    private static final String OPEN = "viewer";
    private static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,4}\\d{3,4}\\b");

    private static AllInOne ops;
    private static Http http;
    /** ci_code → ci_name of every CI, and the codes payment-team owns. */
    private static final Map<String, String> names = new LinkedHashMap<>();
    private static final Set<String> visible = new TreeSet<>();
    private static final Map<String, String> typeOf = new LinkedHashMap<>();
    /** The titles and details of the visible CIs' own events: free text that may name any CI, shown as written. */
    private static final List<String> eventTexts = new ArrayList<>();

    @BeforeAll
    static void up() throws Exception {
        ops = OpsStack.get();
        http = new Http(ops);
        try (Connection c = DriverManager.getConnection(ops.jdbcUrl(), AllInOne.ESTATE_READER, "x");
             Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT ci_code, ci_name, ci_type, owner FROM ci")) {
            while (r.next()) {
                names.put(r.getString(1), r.getString(2));
                typeOf.put(r.getString(1), r.getString(3));
                if ("payment-team".equals(r.getString(4))) {
                    visible.add(r.getString(1));
                }
            }
        }
        try (Connection c = DriverManager.getConnection(ops.jdbcUrl(), AllInOne.ESTATE_READER, "x");
             Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT DISTINCT e.title, e.detail FROM ci_event e JOIN ci c "
                     + "ON c.ci_code = e.ci_code WHERE c.owner = 'payment-team'")) {
            while (r.next()) {
                for (String t : new String[] {r.getString(1), r.getString(2)}) {
                    if (t != null && !t.isBlank()) {
                        eventTexts.add(t);
                    }
                }
            }
        }
        eventTexts.sort((a, b) -> b.length() - a.length());
        assertTrue(visible.contains("APP001") && !visible.contains("DB003") && visible.size() < names.size() / 4,
                "the demo's payment-team owns payment-api, not payment-db: " + visible);
    }

    private static Http.Reply ask(String question, String roles) throws Exception {
        Http.Reply r = http.post("/ops/ci/ask", Http.ask(question), roles);
        assertEquals(200, r.status(), question + ": " + r.raw());
        return r;
    }

    /**
     * Every CI code in the text is one the scoped caller may see (or one it typed itself), and so is
     * every distinctive CI name (with a hyphen or a digit: plain-word names such as "order" are
     * ordinary words too). The visible CIs' own event texts are left out of the name check: an
     * event of payment-api saying "connection refused by payment-db" is payment-api's data.
     */
    private static void assertNothingOutside(String raw, String question, String where) {
        String text = raw;
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            String code = m.group();
            assertFalse(names.containsKey(code) && !visible.contains(code) && !question.contains(code),
                    where + ": out-of-scope CI " + code + " in " + around(text, m.start()));
        }
        for (String t : eventTexts) {
            text = text.replace(t, " ");
        }
        String lower = question.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> ci : names.entrySet()) {
            String name = ci.getValue();
            if (visible.contains(ci.getKey()) || lower.contains(name.toLowerCase(Locale.ROOT))
                    || !name.matches(".*[-0-9].*")) {
                continue;
            }
            Matcher n = Pattern.compile("(?<![\\w-])" + Pattern.quote(name) + "(?![\\w-])").matcher(text);
            assertFalse(n.find(), where + ": out-of-scope CI " + name + " in " + (n.hitEnd() ? "" : around(text, n.start())));
        }
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 120), Math.min(text.length(), at + 120));
    }

    /** The answer, its trace inline, and the trace as the scoped caller reads it back. */
    private static void assertScopedReplyClean(Http.Reply r, String question) throws Exception {
        assertNothingOutside(r.raw(), question, question + " (answer)");
        String id = r.data().path("meta").path("trace_id").asText();
        Http.Reply trace = null;
        for (int i = 0; i < 100; i++) {
            trace = http.get("/ops/traces/" + id, SCOPED);
            if (trace.status() == 200) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(200, trace.status(), "the scoped caller reads its own trace: " + trace.raw());
        assertNothingOutside(trace.raw(), question, question + " (stored trace)");
    }

    private static List<String> tableCodes(JsonNode data) {
        List<String> codes = new ArrayList<>();
        for (JsonNode b : data.path("blocks")) {
            if (b.path("type").asText().equals("table")) {
                JsonNode cols = b.path("data").path("columns");
                int at = -1;
                for (int i = 0; i < cols.size(); i++) {
                    String c = cols.get(i).isObject() ? cols.get(i).path("key").asText(cols.get(i).path("name").asText())
                            : cols.get(i).asText();
                    if (c.equals("ci_code")) {
                        at = i;
                    }
                }
                for (JsonNode row : b.path("data").path("rows")) {
                    codes.add(row.get(Math.max(at, 0)).asText());
                }
            }
        }
        return codes;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "cpu usage of payment-db",              // by name
            "DB003 cpu usage",                      // by code
            "결제 DB의 CPU 사용량",                   // by alias
            "payment-db 상태는?",
            "what is impacted if payment-db fails?",
            "path between payment-api and payment-db",
            "incidents of payment-db in the last 3 days",
            "what is connected to payment-db?"})
    void aCiOutsideTheScopeIsNotThereForTheScopedCaller(String question) throws Exception {
        Http.Reply open = ask(question, OPEN);
        assertTrue(open.raw().contains("DB003"), "the unscoped viewer sees payment-db: " + open.raw());
        Http.Reply scoped = ask(question, SCOPED);
        for (String code : tableCodes(scoped.data())) {
            assertTrue(visible.contains(code), question + ": " + scoped.raw());
        }
        assertScopedReplyClean(scoped, question);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "what does payment-api depend on?",
            "what is impacted if payment-api fails?",
            "what is connected to payment-api?",
            "payment-api 응답시간은?",
            "top 5 vms by memory usage",
            "list all vms",
            "list all servers",
            "how many servers are stopped?",
            "events today",
            "deploys in the last 7 days",
            "critical alerts in the last 2 days",
            "어제 payment-api 장애 이벤트"})
    void whatTheScopedCallerGetsIsInsideItsScope(String question) throws Exception {
        Http.Reply scoped = ask(question, SCOPED);
        for (String code : tableCodes(scoped.data())) {
            assertTrue(visible.contains(code), question + ": row of " + code + " outside the scope: " + scoped.raw());
        }
        assertScopedReplyClean(scoped, question);
    }

    @Test
    void whoAmIShowsTheScopeInEffect() throws Exception {
        JsonNode scoped = http.get("/ops/whoami", SCOPED).data().path("data_scope");
        assertFalse(scoped.path("all").asBoolean(), scoped.toString());
        assertEquals("payments", scoped.path("roles").path(0).asText(), scoped.toString());
        assertEquals("owner", scoped.path("clauses").path(0).path("filters").path(0).path("field").asText(), scoped.toString());
        assertEquals("payment-team", scoped.path("clauses").path(0).path("filters").path(0).path("values").path(0).asText());
        JsonNode open = http.get("/ops/whoami", OPEN).data().path("data_scope");
        assertTrue(open.path("all").asBoolean(), open.toString());
    }

    @Test
    void aGraphAnswerSaysHowManyCisItLeftOutWithoutNamingThem() throws Exception {
        String q = "what does payment-api depend on?";
        Http.Reply open = ask(q, OPEN);
        List<String> all = tableCodes(open.data());
        assertTrue(all.contains("DB003"), "payment-api depends on payment-db: " + all);
        Http.Reply scoped = ask(q, SCOPED);
        List<String> seen = tableCodes(scoped.data());
        assertTrue(all.containsAll(seen) && seen.size() < all.size(), seen + " vs " + all);
        String answer = scoped.data().path("answer").asText() + " " + scoped.data().path("blocks");
        assertTrue(answer.contains("outside your data scope"), answer);
        JsonNode validated = scoped.data().path("trace").path("route_output").path("plan_validated");
        assertFalse(validated.path("data_scope").path("all").asBoolean(false), validated.toString());
        assertEquals("payments", validated.path("data_scope").path("roles").path(0).asText(), validated.toString());
        assertTrue(validated.path("data_scope").toString().contains("payment-team"), validated.toString());
    }

    @Test
    void countsCountOnlyWhatTheCallerMaySee() throws Exception {
        long vms = visible.stream().filter(c -> "vm".equals(typeOf.get(c))).count();
        assertTrue(vms > 0);
        Http.Reply scoped = ask("how many vms are there?", SCOPED);
        assertTrue(scoped.data().path("answer").asText().startsWith(vms + " CIs match"), scoped.raw());
        Http.Reply open = ask("how many vms are there?", OPEN);
        long all = typeOf.values().stream().filter("vm"::equals).count();
        assertTrue(open.data().path("answer").asText().startsWith(all + " CIs match"), open.raw());
        Http.Reply servers = ask("how many servers are there?", SCOPED);
        assertTrue(servers.data().path("answer").asText().startsWith("0 CIs match"), servers.raw());
    }

    @Test
    void aRerunPatchCannotWidenTheScope() throws Exception {
        String q = "payment-api 응답시간은?";
        Http.Reply first = ask(q, SCOPED);
        ObjectNode body = ModelJson.MAPPER.createObjectNode().put("question", q);
        ObjectNode rerun = body.putObject("rerun");
        rerun.set("base_plan", first.data().path("trace").path("route_output").path("plan_raw"));
        rerun.set("patch", ModelJson.MAPPER.readTree("{\"primary\":{\"ci_code\":\"DB003\",\"mentions\":[]}}"));
        rerun.put("parent_trace_id", first.data().path("meta").path("trace_id").asText());
        Http.Reply r = http.post("/ops/ci/ask", body.toString(), SCOPED);
        assertEquals(200, r.status(), r.raw());
        for (String code : tableCodes(r.data())) {
            assertTrue(visible.contains(code), r.raw());
        }
        assertFalse(r.data().path("answer").asText().contains("payment-db"), r.raw());
        assertNothingOutside(r.raw(), q + " DB003", "rerun patched to DB003"); // the patch it wrote is in its trace
    }

    @Test
    void loadMoreRowsStaysInsideTheScope() throws Exception {
        Http.Reply first = ask("list all CIs", SCOPED);
        String parent = first.data().path("meta").path("trace_id").asText();
        Http.Reply page = http.post("/ops/ui-actions", "{\"trace_id\":\"" + parent + "\",\"action_id\":\"load_more_rows\","
                + "\"inputs\":{\"offset\":0,\"limit\":200},\"context\":{\"mode\":\"real\"}}", SCOPED);
        assertEquals(200, page.status(), page.raw());
        List<String> got = tableCodes(page.data());
        assertEquals(new ArrayList<>(visible), new TreeSet<>(got).stream().toList(), page.raw());
        assertNothingOutside(page.raw(), "", "load_more_rows");
    }

    @Test
    void aStageTestRunsWithTheCallersScope() throws Exception {
        String roles = "operator,payments";
        Http.Reply base = http.post("/ops/ci/ask", Http.ask("list all vms"), roles);
        ObjectNode body = ModelJson.MAPPER.createObjectNode().put("stage", "execute")
                .put("baseline_trace_id", base.data().path("meta").path("trace_id").asText());
        Http.Reply r = http.post("/ops/stage-test", body.toString(), roles);
        assertEquals(200, r.status(), r.raw());
        assertNothingOutside(r.raw(), "", "stage test");
        assertTrue(r.raw().contains("VM"), "the payment-team VMs are there: " + r.raw());
    }

    @Test
    void aScopedCallerCannotPreviewRawRows() throws Exception {
        Http.Reply r = http.post("/ops/assets/query/ci_queries/preview",
                "{\"query\":\"ci_attributes\",\"params\":{\"ci_code\":\"DB003\"}}", "operator,payments");
        assertEquals(403, r.status(), r.raw());
        assertFalse(r.raw().contains("payment-db"), r.raw());
        Http.Reply open = http.post("/ops/assets/query/ci_queries/preview",
                "{\"query\":\"ci_attributes\",\"params\":{\"ci_code\":\"DB003\"}}", "operator");
        assertEquals(200, open.status(), open.raw());
        assertTrue(open.raw().contains("payment-db"), open.raw());
        Http.Reply forged = http.post("/ops/assets/query/ci_queries/preview",
                "{\"query\":\"ci_attributes\",\"params\":{\"ci_code\":\"DB003\",\"scope_all\":true}}", "operator");
        assertEquals(400, forged.status(), forged.raw());
    }
}
