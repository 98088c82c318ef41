package dev.opsuite.trace.golden;

import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.GoldenQuery;
import dev.opsuite.proto.v1.RegressionRun;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Golden queries and their regression runs as the store keeps them: the record checks that hold
 * whoever writes (ids, sizes, closed words), then the store. The gateway checks the request itself.
 */
public final class GoldenQueries {
    /** Where they are kept. */
    public interface Store {
        GoldenQuery save(GoldenQuery q);

        List<GoldenQuery> search(String tag, String boundAsset, int limit);

        Optional<GoldenQuery> fetch(String queryId);

        boolean remove(String queryId);

        RegressionRun record(RegressionRun run);

        List<RegressionRun> runs(String queryId, int limit);
    }

    public static final Pattern QUERY_ID = Pattern.compile("gq_[a-z0-9]{16}");
    private static final Set<String> JUDGMENTS = Set.of("pass", "fail", "warning");
    private static final int MAX_BODY = 256 * 1024;

    private final Store store;

    public GoldenQueries(Store store) {
        this.store = store;
    }

    public GoldenQuery save(GoldenQuery q) {
        if (!q.getQueryId().isEmpty()) {
            id(q.getQueryId());
        }
        if (q.getName().isBlank() || q.getQuestion().isBlank()) {
            throw OpsException.invalid("a golden query needs a name and a question");
        }
        if (q.getSerializedSize() > MAX_BODY) {
            throw OpsException.invalid("a golden query is larger than " + MAX_BODY + " bytes");
        }
        return store.save(q);
    }

    public List<GoldenQuery> search(String tag, String boundAsset, int limit) {
        if (limit < 0 || limit > 1000) {
            throw OpsException.invalid("limit must be between 1 and 1000 (0 = 200)");
        }
        return store.search(tag, boundAsset, limit == 0 ? 200 : limit);
    }

    public GoldenQuery fetch(String queryId) {
        return store.fetch(id(queryId)).orElseThrow(() -> OpsException.notFound("no golden query " + queryId));
    }

    public void remove(String queryId) {
        if (!store.remove(id(queryId))) {
            throw OpsException.notFound("no golden query " + queryId);
        }
    }

    public RegressionRun record(RegressionRun run) {
        id(run.getQueryId());
        if (!JUDGMENTS.contains(run.getJudgment())) {
            throw OpsException.invalid("judgment must be pass, fail or warning");
        }
        if (run.getSerializedSize() > MAX_BODY) {
            throw OpsException.invalid("a regression run is larger than " + MAX_BODY + " bytes");
        }
        return store.record(run);
    }

    public List<RegressionRun> runs(String queryId, int limit) {
        if (limit < 0 || limit > 500) {
            throw OpsException.invalid("limit must be between 1 and 500 (0 = 50)");
        }
        return store.runs(id(queryId), limit == 0 ? 50 : limit);
    }

    private static String id(String queryId) {
        if (!QUERY_ID.matcher(queryId).matches()) {
            throw OpsException.invalidField("query_id", "query_id must be gq_ and 16 lower-case letters or digits");
        }
        return queryId;
    }
}
