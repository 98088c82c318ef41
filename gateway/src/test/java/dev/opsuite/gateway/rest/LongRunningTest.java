package dev.opsuite.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only the calls that run golden queries one after another get the long timeout. */
class LongRunningTest {
    @ParameterizedTest
    @ValueSource(strings = {"/ops/assets/query/ci_queries/publish", "/ops/golden-queries/gq-1/run-regression",
        "/ops/golden-queries/run-regression", "/ops.v1.OpsService/PublishAssetVersion",
        "/ops.v1.OpsService/RunRegression", "/ops.v1.OpsService/RunRegressionSet"})
    void theGateAndRegressionRunsAreLong(String path) {
        assertTrue(LongRunning.matches(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ops/ci/ask", "/ops/assets/query/ci_queries", "/ops/assets/query/ci_queries/publish/x",
        "/ops.v1.OpsService/Ask", "/ops/golden-queries", "/ops/golden-queries/a/b/run-regression",
        "/ops.v1.OpsService/RunRegressionSetX"})
    void everythingElseKeepsTheServersTimeout(String path) {
        assertFalse(LongRunning.matches(path), path);
    }
}
