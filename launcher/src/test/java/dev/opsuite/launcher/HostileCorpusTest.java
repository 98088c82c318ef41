package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * #13: a hostile corpus over every route of the gateway — forged and broken credentials, malformed
 * and wrong-typed JSON, injection in every body and path parameter, traversal, SSRF-shaped sources,
 * oversized values. Measured: 0 responses of 5xx, 0 responses that are not the JSON envelope, 0
 * leaks (secret values, the admin token, stack traces), 0 protected calls answered to a caller
 * without the role. The figures are written to target/hostile-corpus.txt.
 */
class HostileCorpusTest {
    private enum Expect { REFUSED, NOT_5XX }

    private record Case(String route, String method, String path, String body, String contentType,
                        String header, String value, Expect expect) {}

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Routes that need more than viewer, with a body of the right shape. */
    private static final String[][] PROTECTED = {
        {"POST", "/ops/assets/source/hostile_src", "{\"content\":{\"name\":\"hostile_src\",\"type\":\"postgres\",\"connection\":{\"url_ref\":\"PATH\"}}}"},
        {"POST", "/ops/assets/query/ci_queries/publish", "{\"version\":1}"},
        {"POST", "/ops/assets/query/ci_queries/archive", "{\"version\":1}"},
        {"GET", "/ops/assets?asset_type=query", null},
        {"GET", "/ops/assets/query/ci_queries", null},
        {"GET", "/ops/assets/query/ci_queries/diff?from_version=1&to_version=1", null},
        {"GET", "/ops/assets/source/postgres_main/health", null},
        {"POST", "/ops/assets/source/postgres_main/scan", "{}"},
        {"POST", "/ops/assets/query/ci_queries/preview", "{\"query\":\"ci_attributes\",\"params\":{\"ci_code\":\"SVR001\"}}"},
        {"POST", "/ops/stage-test", "{\"stage\":\"execute\",\"question\":\"서버A의 CPU 사용량은?\"}"},
        {"GET", "/ops/traces/0123456789abcdef0123456789abcdef/stages/execute/call", null},
        {"POST", "/ops/estate/demo/remove", "{}"},
        {"POST", "/ops/estate/retention", "{\"keep\":\"99999d\"}"},
        {"POST", "/ops/keys", "{\"name\":\"mallory\",\"roles\":[\"admin\"]}"},
        {"GET", "/ops/keys", null},
        {"POST", "/ops/keys/abcdefabcdef/revoke", "{}"},
        {"GET", "/ops/audit", null},
        {"POST", "/ops/import/cis?file_name=cis.csv", "ci_code,ci_name,ci_type,status,environment,location,owner,aliases\n"},
    };

    /** Routes any role may call. */
    private static final String[][] OPEN_TO_VIEWERS = {
        {"POST", "/ops/ci/ask", "{\"question\":\"서버A의 CPU 사용량은?\"}"},
        {"POST", "/ops/query", "{\"question\":\"서버A의 CPU 사용량은?\"}"},
        {"GET", "/ops/traces?limit=5", null},
        {"POST", "/ops/ui-actions", "{\"trace_id\":\"0123456789abcdef0123456789abcdef\",\"action_id\":\"load_more_rows\"}"},
        {"GET", "/ops/whoami", null},
    };

    /** Credentials that must never open a protected route. */
    private static final String[][] FORGED = {
        {"x-ops-roles", "admin"},
        {"x-ops-roles", "asset_admin,estate_admin"},
        {"authorization", "Bearer ops_aaaaaaaaaaaa_" + "A".repeat(43)},
        {"authorization", "Bearer ' OR '1'='1"},
        {"authorization", "Basic YWRtaW46YWRtaW4="},
        {"authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbImFkbWluIl19."},
    };

    private static final String[] BODIES = {
        "", "{", "[]", "null", "\"x\"", "{\"question\":}", "[".repeat(5000), "{\"question\":123}",
        "{\"question\":[\"a\"]}", "{\"question\":{\"$gt\":\"\"}}", "{\"question\":\"' OR 1=1 --\"}",
        "{\"question\":\"${jndi:ldap://127.0.0.1:1/a}\"}", "{\"question\":\"\\u0000\\u0001\\u202e\"}",
        "{\"name\":\"../../etc/passwd\",\"roles\":[\"admin\"]}", "{\"version\":\"1; DROP TABLE ops.assets\"}",
        "{\"version\":-1}", "{\"version\":1e309}",
        "{\"content\":{\"name\":\"hostile_src\",\"type\":\"postgres\",\"connection\":{\"host\":\"169.254.169.254\","
                + "\"url_ref\":\"OPENAI_API_KEY\",\"password_ref\":\"PG_PASSWORD\"}}}",
        "{\"query\":\"ci_attributes\",\"params\":{\"ci_code\":\"' OR '1'='1\"}}",
        "{\"query\":\"../../../etc/passwd\"}",
        "{\"stage\":\"../../x\",\"question\":\"x\"}",
        "{\"trace_id\":\"../../../etc\",\"action_id\":\"load_more_rows\"}",
        "{\"question\":\"" + "가".repeat(3000) + "\"}",
        "{\"asset_overrides\":{\"query\":\"ci_queries' OR 1=1--\"},\"question\":\"x\"}",
    };

    private static final String[] PATH_VALUES = {
        "..%2F..%2Fetc%2Fpasswd", "%00", "'%20OR%201=1--", "a".repeat(300), "%3Cscript%3E", "%E2%80%AE",
    };

    private static List<Case> corpus(String adminToken) {
        List<Case> cases = new ArrayList<>();
        for (String[] r : PROTECTED) {
            String ct = r[1].startsWith("/ops/import") ? "text/csv" : "application/json";
            cases.add(new Case(r[1], r[0], r[1], r[2], ct, null, null, Expect.REFUSED)); // anonymous viewer
            for (String[] f : FORGED) {
                cases.add(new Case(r[1], r[0], r[1], r[2], ct, f[0], f[1], Expect.REFUSED));
            }
        }
        for (String[] r : OPEN_TO_VIEWERS) {
            for (String[] f : FORGED) {
                cases.add(new Case(r[1], r[0], r[1], r[2], "application/json", f[0], f[1], Expect.REFUSED));
            }
        }
        // every POST route, as an admin, with every hostile body — except the two that act on a
        // well-formed empty body (demo removal, schema scan), which stay refusal-only above
        List<String[]> posts = new ArrayList<>();
        for (String[][] set : new String[][][] {PROTECTED, OPEN_TO_VIEWERS}) {
            for (String[] r : set) {
                if (r[0].equals("POST") && !r[1].contains("/demo/remove") && !r[1].endsWith("/scan")) {
                    posts.add(r);
                }
            }
        }
        for (String[] r : posts) {
            String ct = r[1].startsWith("/ops/import") ? "text/csv" : "application/json";
            for (String b : BODIES) {
                cases.add(new Case(r[1], "POST", r[1], b, ct, "authorization", "Bearer " + adminToken, Expect.NOT_5XX));
            }
        }
        for (String v : PATH_VALUES) {
            for (String p : new String[] {"/ops/traces/" + v, "/ops/assets/query/" + v, "/ops/assets/" + v + "/x",
                    "/ops/traces?limit=5&q=" + v + "&route=" + v, "/ops/audit?principal=" + v + "&action=" + v,
                    "/ops/assets/query/ci_queries/diff?from_version=" + v, "/ops/import/" + v,
                    "/ops/traces/" + v + "/stages/" + v + "/call"}) {
                String method = p.startsWith("/ops/import") ? "POST" : "GET";
                cases.add(new Case(p, method, p, method.equals("POST") ? "a,b\n" : null, "text/csv", "authorization",
                        "Bearer " + adminToken, Expect.NOT_5XX));
            }
        }
        return cases;
    }

    @Test
    void theCorpusGetsNo5xxNoLeakAndNoBypass() throws Exception {
        AllInOne ops = OpsStack.get();
        String admin = Files.readString(ops.keysFile().getParent().resolve("admin.key")).strip();
        List<String> secrets = new ArrayList<>(List.of(admin, admin.substring(17)));
        ops.serviceEnv().get("OPS_SECRET_PG_PASSWORD").ifPresent(secrets::add);
        String path = System.getenv("PATH");
        if (path != null && path.length() > 8) {
            secrets.add(path);
        }
        List<Case> cases = corpus(admin);
        assertTrue(cases.size() >= 300, "corpus of " + cases.size());
        List<String> fivexx = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        List<String> bypass = new ArrayList<>();
        List<String> notEnvelope = new ArrayList<>();
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        for (Case c : cases) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.httpPort() + c.path()))
                    .timeout(Duration.ofSeconds(60)).header("content-type", c.contentType())
                    .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(c.body()));
            if (c.header() != null) {
                b.header(c.header(), c.value());
            }
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String label = c.method() + " " + c.path().substring(0, Math.min(90, c.path().length())) + " ["
                    + (c.header() == null ? "anonymous" : c.header() + ": " + c.value().substring(0, Math.min(20,
                    c.value().length()))) + "] body " + (c.body() == null ? "-" : c.body().substring(0,
                    Math.min(40, c.body().length()))) + " -> " + r.statusCode();
            byStatus.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() >= 500) {
                fivexx.add(label + " " + r.body());
            }
            int code = r.statusCode() == 200 ? 0 : r.statusCode();
            if (!r.body().startsWith("{\"time\"") || !r.body().contains("\"code\":" + code)) {
                notEnvelope.add(label + " " + r.body().substring(0, Math.min(200, r.body().length())));
            }
            for (String s : secrets) {
                if (r.body().contains(s) || r.headers().map().toString().contains(s)) {
                    leaks.add(label);
                }
            }
            if (r.body().contains("at dev.opsuite") || r.body().contains("Exception")) {
                leaks.add(label + " (stack trace)");
            }
            if (c.expect() == Expect.REFUSED && r.statusCode() != 401 && r.statusCode() != 403) {
                bypass.add(label + " " + r.body().substring(0, Math.min(200, r.body().length())));
            }
        }
        String report = "hostile corpus: " + cases.size() + " requests over " + cases.stream().map(Case::route)
                .distinct().count() + " routes; by status " + byStatus + "\n5xx: " + fivexx.size() + "\nleaks: "
                + leaks.size() + "\nbypasses: " + bypass.size() + "\nnot an envelope: " + notEnvelope.size() + "\n";
        Files.createDirectories(java.nio.file.Path.of("target"));
        Files.writeString(java.nio.file.Path.of("target", "hostile-corpus.txt"), report + String.join("\n", fivexx)
                + "\n" + String.join("\n", bypass) + "\n" + String.join("\n", notEnvelope) + "\n");
        assertEquals(List.of(), fivexx, report);
        assertEquals(List.of(), leaks, report);
        assertEquals(List.of(), bypass, report);
        assertEquals(List.of(), notEnvelope, report);
        // and nothing of it stuck: the demo still answers, no hostile asset or key exists
        Http http = new Http(ops);
        Http.Reply after = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
        assertTrue(after.data().path("answer").asText().contains("SVR001"));
        // and traces still reach the store (a refused trace once blocked every later one)
        String id = after.data().path("meta").path("trace_id").asText();
        boolean stored = false;
        for (int i = 0; i < 100 && !stored; i++) {
            stored = ops.serviceEnv() != null && fetchStored(ops, id);
            if (!stored) {
                Thread.sleep(100);
            }
        }
        assertTrue(stored, "trace " + id + " was stored after the corpus");
        assertFalse(http.get("/ops/keys", "admin").raw().contains("mallory"));
    }

    private static boolean fetchStored(AllInOne ops, String id) {
        var ch = StageRpcBadInputTest.channel(ops.tracePort());
        try {
            dev.opsuite.proto.v1.TraceServiceGrpc.newBlockingStub(ch).withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS)
                    .fetchTrace(dev.opsuite.proto.v1.FetchTraceRequest.newBuilder().setTraceId(id).build());
            return true;
        } catch (io.grpc.StatusRuntimeException e) {
            return false;
        } finally {
            ch.shutdownNow();
        }
    }
}
