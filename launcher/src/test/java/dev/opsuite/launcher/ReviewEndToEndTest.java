package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * #15 reviews over REST on the running stack: a Mapping draft that only rewords the answer warns at the
 * publish gate and is refused (409) until a second principal with the reviewer role approves it; the
 * author's own approve is refused (403), a later reject withdraws an approval; the gate report and the
 * reviews are kept with the version (GET ?version=N) and reviews are audited; bad review input is a
 * clear 4xx envelope, never a 500.
 */
class ReviewEndToEndTest {
    private static final String QUESTION = "서버A의 CPU 사용량은?";
    private static final String ASSET = "/ops/assets/mapping/review_mapping";
    /** The author holds reviewer too: the rule, not the role, must stop its own approve. */
    private static final String AUTHOR = "asset_admin,reviewer";
    private static Http http;
    private static String goldenId;
    private static int draft;

    @BeforeAll
    static void up() throws Exception {
        http = new Http(OpsStack.get()).as(AUTHOR);
        ObjectNode mapping = (ObjectNode) http.get("/ops/assets/mapping/ci_mapping").data().path("content").deepCopy();
        mapping.put("name", "review_mapping");
        Http.Reply v1 = http.post(ASSET, save(mapping));
        assertEquals(200, v1.status(), v1.raw());
        // nothing bound yet: the gate has nothing to run
        Http.Reply published = http.post(ASSET + "/publish", "{\"version\":" + v1.data().path("version").asInt() + "}");
        assertEquals(200, published.status(), published.raw());
        assertEquals("none", published.data().path("gate").path("judgment").asText(), published.raw());

        Http.Reply golden = http.post("/ops/golden-queries", "{\"name\":\"review wording\",\"question\":\"" + QUESTION
                + "\",\"asset_overrides\":{\"mapping\":\"review_mapping\"},\"bound_assets\":[\"mapping/review_mapping\"],"
                + "\"expectations\":{\"latency_factor\":50}}");
        assertEquals(200, golden.status(), golden.raw());
        goldenId = golden.data().path("query_id").asText();

        // the same facts in other words: the judge calls it a warning, not a fail
        String reworded = mapping.toString().replace("의 현재 {metric_label}", "의 지금 {metric_label}");
        assertNotEquals(mapping.toString(), reworded, "the template to reword is in the shipped mapping");
        Http.Reply v2 = http.post(ASSET, save((ObjectNode) ModelJson.MAPPER.readTree(reworded)));
        assertEquals(200, v2.status(), v2.raw());
        draft = v2.data().path("version").asInt();
    }

    /** The stack is shared: a golden query left behind would gate other test classes' publishes. */
    @AfterAll
    static void down() throws Exception {
        if (goldenId != null) {
            Http.Reply r = http.send("DELETE", "/ops/golden-queries/" + goldenId, null, "authorization",
                    "Bearer " + TestKeys.token(OpsStack.get(), "asset_admin"));
            assertEquals(200, r.status(), r.raw());
        }
    }

    private static String save(ObjectNode content) {
        ObjectNode body = ModelJson.MAPPER.createObjectNode();
        body.set("content", content);
        return body.toString();
    }

    private static Http.Reply review(String decision, String comment, String roles) throws Exception {
        ObjectNode body = ModelJson.MAPPER.createObjectNode().put("version", draft).put("decision", decision)
                .put("comment", comment);
        return http.post(ASSET + "/reviews", body.toString(), roles);
    }

    private static Http.Reply publish() throws Exception {
        return http.post(ASSET + "/publish", "{\"version\":" + draft + "}");
    }

    @Test
    void aWarningNeedsAnotherReviewersApproveAndTheVersionKeepsReportAndReviews() throws Exception {
        Http.Reply refused = publish();
        BadInputTest.assertEnvelope(refused, 409, "needs an approving review by a reviewer other than the author");
        JsonNode gate = refused.body().path("data").path("gate");
        assertEquals("warning", gate.path("judgment").asText(), refused.raw());
        assertEquals(draft, gate.path("version").asInt());
        assertEquals("warning", gate.path("runs").get(0).path("judgment").asText(), refused.raw());
        assertTrue(gate.path("runs").get(0).path("verdict_reason").asText().contains("answer_wording"), refused.raw());

        // the refused run's report is kept with the version, beside its author
        Http.Reply shown = http.get(ASSET + "?version=" + draft);
        assertEquals(200, shown.status(), shown.raw());
        String author = shown.data().path("created_by").asText();
        assertTrue(author.startsWith("key:"), shown.raw());
        assertEquals("draft", shown.data().path("status").asText());
        assertEquals("warning", shown.data().path("gate").path("judgment").asText(), shown.raw());
        assertEquals(author, shown.data().path("gate").path("by").asText(), shown.raw());
        assertFalse(shown.data().path("gate").path("at").asText().isEmpty(), shown.raw());
        assertEquals(0, shown.data().path("reviews").size(), shown.raw());

        // the author holds the reviewer role, and still may not approve its own draft
        BadInputTest.assertEnvelope(review("approve", "looks fine to me", AUTHOR), 403,
                "cannot approve a version they authored");
        // writing assets is not reviewing them
        BadInputTest.assertEnvelope(review("approve", "", "asset_admin"), 403, "");

        Http.Reply approved = review("approve", "wording only, checked", "reviewer");
        assertEquals(200, approved.status(), approved.raw());
        String reviewer = approved.data().path("reviewer").asText();
        assertTrue(reviewer.startsWith("key:") && !reviewer.equals(author), approved.raw());
        assertEquals("approve", approved.data().path("decision").asText());
        assertEquals("wording only, checked", approved.data().path("comment").asText());
        assertFalse(approved.data().path("at").asText().isEmpty(), approved.raw());

        // a later reject, by another reviewer, withdraws the approval
        Http.Reply rejected = review("reject", "the English text too, please", "reviewer,viewer");
        assertEquals(200, rejected.status(), rejected.raw());
        BadInputTest.assertEnvelope(publish(), 409, "last rejected by " + rejected.data().path("reviewer").asText());

        assertEquals(200, review("approve", "fine after all", "reviewer").status());
        Http.Reply published = publish();
        assertEquals(200, published.status(), published.raw());
        assertEquals("published", published.data().path("asset").path("status").asText(), published.raw());
        assertEquals("warning", published.data().path("gate").path("judgment").asText());
        assertEquals(reviewer, published.data().path("gate").path("approval").path("reviewer").asText(), published.raw());
        assertEquals("fine after all", published.data().path("gate").path("approval").path("comment").asText());

        Http.Reply after = http.get(ASSET + "?version=" + draft);
        assertEquals("published", after.data().path("status").asText());
        assertEquals(reviewer, after.data().path("gate").path("approval").path("reviewer").asText(), after.raw());
        JsonNode reviews = after.data().path("reviews");
        assertEquals(3, reviews.size(), after.raw());
        assertEquals(java.util.List.of("approve", "reject", "approve"), java.util.List.of(
                reviews.get(0).path("decision").asText(), reviews.get(1).path("decision").asText(),
                reviews.get(2).path("decision").asText()));
        // the published version (no ?version) shows the same
        assertEquals(3, http.get(ASSET).data().path("reviews").size());

        // only drafts are reviewed
        BadInputTest.assertEnvelope(review("reject", "", "reviewer"), 400, "only drafts are reviewed");
        // and reviews are audited with who and what, the refused ones too
        String events = "";
        for (int i = 0; i < 100 && !(events.contains("only drafts are reviewed")); i++) {
            StringBuilder b = new StringBuilder();
            for (JsonNode e : http.get("/ops/audit?action=ReviewAssetVersion", "admin").data().path("events")) {
                b.append(e.path("principal").asText()).append(' ').append(e.path("target").asText()).append(' ')
                        .append(e.path("outcome").asText()).append(' ').append(e.path("detail").asText()).append('\n');
            }
            events = b.toString();
            Thread.sleep(100); // written off the request path, in batches
        }
        assertTrue(events.contains(reviewer + " asset_type=mapping name=review_mapping version=" + draft
                + " decision=approve comment=wording only, checked ok"), events);
        assertTrue(events.contains(author + " asset_type=mapping name=review_mapping version=" + draft
                + " decision=approve comment=looks fine to me denied"), events);
        assertTrue(events.contains("cannot approve a version they authored"), events);
    }

    @Test
    void badReviewInputIsAClearEnvelopeNeverA500() throws Exception {
        String path = ASSET + "/reviews";
        String[][] cases = {
            {path, "{\"decision\":\"approve\"}", "400", "version is required"},
            {path, "{\"version\":1,\"decision\":\"lgtm\"}", "400", "decision must be approve or reject"},
            {path, "{\"version\":1}", "400", "decision is required"},
            {path, "{\"version\":1,\"decision\":\"approve\",\"comment\":\"" + "x".repeat(1001) + "\"}", "400",
                "comment is longer than 1000"},
            {path, "{\"version\":\"one\",\"decision\":\"approve\"}", "400", ""},
            {path, "{\"version\":1,\"decision\":", "400", ""},
            {path, "[1,2]", "400", ""},
            {"/ops/assets/mapping/no_such_mapping/reviews", "{\"version\":1,\"decision\":\"reject\"}", "404",
                "does not exist"},
            {path, "{\"version\":999,\"decision\":\"reject\"}", "404", "does not exist"},
            {"/ops/assets/passwords/x/reviews", "{\"version\":1,\"decision\":\"reject\"}", "400", "asset_type"},
            {"/ops/assets/mapping/bad%20name/reviews", "{\"version\":1,\"decision\":\"reject\"}", "400", "asset name"},
        };
        for (String[] c : cases) {
            Http.Reply r = http.post(c[0], c[1], "reviewer");
            assertTrue(r.status() != 500, c[0] + " " + c[1] + " → " + r.raw());
            BadInputTest.assertEnvelope(r, Integer.parseInt(c[2]), c[3]);
        }
        // without the role, and anonymous
        BadInputTest.assertEnvelope(http.post(path, "{\"version\":1,\"decision\":\"reject\"}", "operator"), 403, "");
        // an anonymous loopback caller is a viewer at most
        BadInputTest.assertEnvelope(new Http(OpsStack.get().httpPort()).post(path, "{\"version\":1,\"decision\":\"reject\"}",
                ""), 403, "");
    }
}
