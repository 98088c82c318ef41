package dev.opsuite.kit.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ServiceDescriptor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stage targets: one host:port, a replica list, dns:///name:port; anything else refused naming the variable. */
class StageTargetTest {

    @Test
    void readsOneEndpointAListAndADnsName() {
        StageTarget one = StageTarget.parse("OPS_EXECUTOR_TARGET", " executor:9092 ");
        assertEquals(StageTarget.Kind.SINGLE, one.kind());
        assertEquals("executor:9092", one.text());

        StageTarget list = StageTarget.parse("OPS_EXECUTOR_TARGET", "10.0.0.1:9092, exec-b:9192,[::1]:9292");
        assertEquals(StageTarget.Kind.LIST, list.kind());
        assertEquals(List.of(new StageTarget.Endpoint("10.0.0.1", 9092), new StageTarget.Endpoint("exec-b", 9192),
                new StageTarget.Endpoint("::1", 9292)), list.endpoints());
        assertEquals("10.0.0.1:9092,exec-b:9192,[::1]:9292", list.text());
        assertEquals("[::1]:9292", list.endpoints().get(2).authority());

        StageTarget dns = StageTarget.parse("OPS_TRACE_TARGET", "dns:///trace.ops.svc:9093");
        assertEquals(StageTarget.Kind.DNS, dns.kind());
        assertEquals("dns:///trace.ops.svc:9093", dns.text());

        assertEquals(Optional.empty(), StageTarget.check("OPS_REGISTRY_TARGET", Optional.empty()));
        assertEquals(Optional.of("a:1,b:2"), StageTarget.check("OPS_REGISTRY_TARGET", Optional.of("a:1 , b:2")));
    }

    @Test
    void badTargetsAreRefusedNamingTheVariable() {
        for (String bad : List.of("", "executor", "executor:", ":9092", "executor:http", "executor:0",
                "executor:70000", "a:1,,b:2", "a:1,", "a:1,a:1", "::1:9092", "[::1]9092", "dns://8.8.8.8/x:1",
                "dns:///noport", "http://x:1", "unix:/tmp/s", "a b:1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StageTarget.parse("OPS_EXECUTOR_TARGET", bad), bad);
            assertTrue(e.getMessage().startsWith("OPS_EXECUTOR_TARGET='" + bad + "' is not a stage target: "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("host:port,host:port"), e.getMessage());
        }
    }

    @Test
    void everyMethodKeptFromRetriesExists() {
        List<ServiceDescriptor> services = List.of(dev.opsuite.proto.v1.AssetServiceGrpc.getServiceDescriptor(),
                dev.opsuite.proto.v1.GoldenServiceGrpc.getServiceDescriptor(),
                dev.opsuite.proto.v1.AuditServiceGrpc.getServiceDescriptor(),
                dev.opsuite.proto.v1.ExecutorServiceGrpc.getServiceDescriptor(),
                dev.opsuite.proto.v1.EstateServiceGrpc.getServiceDescriptor(),
                dev.opsuite.proto.v1.TraceServiceGrpc.getServiceDescriptor(),
                dev.opsuite.proto.v1.PlannerServiceGrpc.getServiceDescriptor());
        List<String> methods = services.stream().flatMap(s -> s.getMethods().stream())
                .map(io.grpc.MethodDescriptor::getFullMethodName).toList();
        for (String m : StageRetries.NOT_RETRIED) {
            assertTrue(methods.contains(m), m + " is no stage method (renamed?)");
        }
        for (String s : StageRetries.SERVICES) {
            assertTrue(s.equals("grpc.health.v1.Health") || services.stream().anyMatch(d -> d.getName().equals(s)), s);
        }
        // trace writes are retried: they are idempotent by trace id
        assertTrue(StageRetries.retried("ops.v1.TraceService/WriteTraces"));
        assertTrue(!StageRetries.retried("ops.v1.AssetService/SaveAsset"));
    }
}
