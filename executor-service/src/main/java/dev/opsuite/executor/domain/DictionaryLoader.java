package dev.opsuite.executor.domain;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.QueryAsset;
import dev.opsuite.model.asset.QueryBinding.When;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.OpsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The estate's names for the planner: runs the Query asset's dictionary templates (bindings with
 * "needs": "dictionary", e.g. every CI's code, name, type and aliases; the values of its fields)
 * read-only, and its revision template ("needs": "dictionary_revision") so that an unchanged
 * estate is not read again. Mode mock answers from the templates' fixtures.
 */
public final class DictionaryLoader {
    /** Rows a dictionary template may return, whatever the source's max_rows (a 100k-CI estate has ~300k names). */
    static final int MAX_DICTIONARY_ROWS = 2_000_000;
    private static final int TIMEOUT_SECONDS = 60;

    private final SqlPort sql;
    private final GraphPort graph;

    public DictionaryLoader(SqlPort sql, GraphPort graph) {
        this.sql = sql;
        this.graph = graph;
    }

    public record Table(String query, SqlPort.Tabular rows) {}

    public record Loaded(long revision, boolean unchanged, List<Table> tables) {}

    public Loaded load(AssetBundle assets, boolean mock, long knownRevision) {
        QueryAsset queryAsset = assets.query();
        long revision = -1;
        for (String name : queryAsset.serving(When.DICTIONARY_REVISION)) {
            SqlPort.Tabular t = run(queryAsset, name, assets, mock);
            if (!t.rows().isEmpty() && !t.rows().get(0).isEmpty() && t.rows().get(0).get(0) instanceof Number n) {
                revision = n.longValue();
            }
        }
        if (revision >= 0 && revision == knownRevision) {
            return new Loaded(revision, true, List.of());
        }
        List<Table> tables = new ArrayList<>();
        for (String name : queryAsset.serving(When.DICTIONARY)) {
            tables.add(new Table(name, run(queryAsset, name, assets, mock)));
        }
        return new Loaded(revision, false, tables);
    }

    private SqlPort.Tabular run(QueryAsset queryAsset, String name, AssetBundle assets, boolean mock) {
        QueryTemplate q = queryAsset.template(name).orElseThrow(() ->
                OpsException.invalid("dictionary query " + name + " is not defined in the Query asset"));
        if (!q.params().isEmpty()) {
            throw OpsException.invalid("dictionary query " + name + " must not take parameters");
        }
        if (mock) {
            return Fixtures.answer(q, Map.of(), MAX_DICTIONARY_ROWS);
        }
        String sourceName = q.source();
        AssetDoc source = assets.source(sourceName)
                .orElseThrow(() -> OpsException.invalid("dictionary query " + name + " names unknown source " + sourceName));
        int timeout = Math.min(TIMEOUT_SECONDS, SourceAsset.of(source).limits().maxDurationSeconds());
        String statement = q.statement();
        return QueryTemplate.CYPHER.equals(q.language())
                ? graph.query(source, statement, Map.of(), MAX_DICTIONARY_ROWS, timeout)
                : sql.query(source, statement, Map.of(), MAX_DICTIONARY_ROWS, timeout);
    }
}
