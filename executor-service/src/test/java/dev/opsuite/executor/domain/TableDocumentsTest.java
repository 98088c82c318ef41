package dev.opsuite.executor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.executor.documents.LuceneDocuments;
import dev.opsuite.executor.postgres.PostgresSqlAdapter;
import dev.opsuite.executor.source.SecretResolver;
import dev.opsuite.kit.config.Env;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents kept in a PostgreSQL table a documents Source names, read through a real PostgreSQL. */
class TableDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedPostgres pg;
    private static PostgresSqlAdapter sql;
    @TempDir
    static Path dir;
    private static LuceneDocuments index;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE public.kb_articles (path text, title text, body text, kind text, tags text[],"
                    + " cis text)");
            st.execute("INSERT INTO kb_articles VALUES ('kb/keys', 'Rotating the signing keys', '## Steps\n\n1. Generate"
                    + " a new keypair.\n2. Flip the kid header.', 'runbook', '{keys,security}', 'APP001, APP002'),"
                    + " ('kb/failover', 'Failing over the ledger database', '## Steps\n\nPromote the standby.',"
                    + " 'runbook', NULL, NULL), ('kb/bad', 'Bad row', 'text', 'recipe', NULL, NULL)");
            st.execute("CREATE TABLE public.secret_notes (path text, title text, body text)");
        }
        sql = new PostgresSqlAdapter(new SecretResolver(Env.of(Map.of("OPS_SECRET_KBTEST_PG_PORT",
                Integer.toString(pg.getPort())))));
        index = new LuceneDocuments(Optional.of(dir));
    }

    @AfterAll
    static void stop() throws Exception {
        index.close();
        sql.close();
        pg.close();
    }

    private static AssetBundle assets(String table) {
        List<AssetDoc> docs = new ArrayList<>();
        for (AssetDoc d : DefaultAssets.docs()) {
            if (d.type().equals("query")) {
                ObjectNode q = d.content().deepCopy();
                q.withArray("queries").forEach(t -> {
                    if (t.path("name").asText().equals("doc_search")) {
                        ((ObjectNode) t).put("source", "kb_docs");
                    }
                });
                docs.add(new AssetDoc("query", d.name(), 1, "published", q));
            } else if (d.type().equals("policy")) {
                ObjectNode p = d.content().deepCopy();
                p.with("security").withArray("blocked_tables").add("secret_notes");
                docs.add(new AssetDoc("policy", d.name(), 1, "published", p));
            } else {
                docs.add(d);
            }
        }
        ObjectNode kb = JSON.createObjectNode().put("name", "kb_docs").put("type", "documents");
        kb.putObject("connection").put("collection", "kb").put("table", table).put("from_source", "kb_pg")
                .put("refresh_seconds", 0);
        kb.putObject("permissions").put("read_only", true);
        docs.add(new AssetDoc("source", "kb_docs", 1, "published", kb));
        ObjectNode pgSource = JSON.createObjectNode().put("name", "kb_pg").put("type", "postgres");
        pgSource.putObject("connection").put("host", "127.0.0.1").put("port_ref", "KBTEST_PG_PORT")
                .put("database", "postgres").put("user", "postgres");
        pgSource.putObject("permissions").put("read_only", true);
        docs.add(new AssetDoc("source", "kb_pg", 1, "published", pgSource));
        return new AssetBundle(docs);
    }

    private static ToolOutput ask(String words, String table) {
        PlanModel plan = new PlanModel(Intent.SEARCH, View.SUMMARY, null, null, null, null, null, null, "en", null,
                null, words).withDocuments(new PlanModel.Documents(true, true, words, List.of()));
        ExecutionResult r = new PlanExecutor(sql, null, RedisCalls.NONE, index).execute(plan, List.of("doc_search"),
                assets(table));
        return r.outputs().get(0);
    }

    @Test
    void theTablesRowsAreSearchedAndFollowItsChanges() throws Exception {
        ToolOutput out = ask("how do I rotate the signing keys", "public.kb_articles");
        assertTrue(out.error().isEmpty(), out.error());
        assertEquals("kb/keys", out.row(0).get("path"));
        @SuppressWarnings("unchecked")
        Map<String, Object> sync = (Map<String, Object>) out.meta().get("table_sync");
        assertEquals(2, sync.get("indexed"));
        assertEquals(1, sync.get("refused"), "the row of an unknown kind is left out and counted");
        assertTrue(String.valueOf(sync.get("first_problem")).contains("kind 'recipe'"), sync.toString());

        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM kb_articles WHERE path = 'kb/keys'");
        }
        ToolOutput after = ask("how do I rotate the signing keys", "public.kb_articles");
        @SuppressWarnings("unchecked")
        Map<String, Object> again = (Map<String, Object>) after.meta().get("table_sync");
        assertEquals(1, again.get("removed"));
        assertEquals(1, again.get("unchanged"));
        assertTrue(after.rows().stream().noneMatch(r -> r.contains("kb/keys")), "a deleted row is gone");
    }

    @Test
    void aBlockedTableIsRefusedAndSaid() {
        ToolOutput out = ask("anything", "secret_notes");
        assertTrue(out.failed());
        assertEquals("POLICY_DENIED", out.meta().get("error_code"));
        assertTrue(out.error().contains("secret_notes"), out.error());
    }
}
