package dev.opsuite.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.Server;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Past the in-flight limit a working request is refused at once; reads, ping and finished work are not held. */
class LoadShedderTest {

    @Test
    void theRequestPastTheLimitIsRefusedAndAFinishedOneFreesItsPlace() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(2);
        Server server = Server.builder().http(0)
                .service("/ops/ci/ask", (ctx, req) -> {
                    entered.countDown();
                    CompletableFuture<HttpResponse> later = new CompletableFuture<>();
                    CompletableFuture.runAsync(() -> {
                        try {
                            hold.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        later.complete(HttpResponse.of("answered"));
                    });
                    return HttpResponse.of(later);
                })
                .service("/ops/ping", (ctx, req) -> HttpResponse.of("pong"))
                .decorator(new LoadShedder(2)).build();
        server.start().join();
        try {
            WebClient web = WebClient.of("http://127.0.0.1:" + server.activeLocalPort());
            CompletableFuture<AggregatedHttpResponse> a = web.post("/ops/ci/ask", "{}").aggregate();
            CompletableFuture<AggregatedHttpResponse> b = web.post("/ops/ci/ask", "{}").aggregate();
            assertTrue(entered.await(10, TimeUnit.SECONDS), "two asks are running");
            AggregatedHttpResponse shed = web.post("/ops/ci/ask", "{}").aggregate().join();
            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, shed.status());
            assertEquals("1", shed.headers().get("retry-after"));
            assertTrue(shed.contentUtf8().contains("overloaded: 2 requests are already running"), shed.contentUtf8());
            AggregatedHttpResponse grpc = web.prepare().post("/ops.v1.OpsService/Ask")
                    .content(MediaType.parse("application/grpc+proto"), new byte[5]).execute().aggregate().join();
            assertEquals("14", grpc.headers().get("grpc-status"), grpc.headers().toString());
            assertEquals(HttpStatus.OK, web.get("/ops/ping").aggregate().join().status(), "reads are never shed");
            hold.countDown();
            assertEquals("answered", a.join().contentUtf8());
            assertEquals("answered", b.join().contentUtf8());
            assertEquals(HttpStatus.OK, web.post("/ops/ci/ask", "{}").aggregate().join().status(),
                    "finished requests gave their places back");
        } finally {
            server.stop().join();
        }
    }
}
