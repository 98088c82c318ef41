package dev.opsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.config.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway reads each stage target once at start: replicas accepted, a bad target refused naming its variable. */
class StageTargetSettingsTest {

    @Test
    void replicaListsAndDnsTargetsAreRead() {
        GatewayConfig c = GatewayConfig.from(Env.of(Map.of(
                "OPS_EXECUTOR_TARGET", "exec-a:9092, exec-b:9092",
                "OPS_PLANNER_TARGET", "dns:///planner.ops:9091")));
        assertEquals("exec-a:9092,exec-b:9092", c.executorTarget());
        assertEquals("dns:///planner.ops:9091", c.plannerTarget());
        assertEquals("127.0.0.1:9093", c.traceTarget());
    }

    @Test
    void aBadTargetStopsTheStartNamingTheVariable() {
        for (Map.Entry<String, String> bad : Map.of("OPS_EXECUTOR_TARGET", "exec-a:9092,exec-b",
                "OPS_PLANNER_TARGET", "planner", "OPS_TRACE_TARGET", "http://trace:9093").entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GatewayConfig.from(Env.of(Map.of(bad.getKey(), bad.getValue()))));
            assertTrue(e.getMessage().startsWith(bad.getKey() + "='" + bad.getValue() + "' is not a stage target"),
                    e.getMessage());
        }
    }
}
