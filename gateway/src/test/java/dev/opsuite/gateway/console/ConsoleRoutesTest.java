package dev.opsuite.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.server.Server;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's files from the console module's jar: headers, cache rules, no inline script, no escape. */
class ConsoleRoutesTest {
    private static Server server;
    private static WebClient client;

    @BeforeAll
    static void start() {
        server = ConsoleRoutes.addTo(Server.builder().http(0)).build();
        server.start().join();
        client = WebClient.of("http://127.0.0.1:" + server.activeLocalPort());
    }

    @AfterAll
    static void stop() {
        server.stop().join();
    }

    private static AggregatedHttpResponse get(String path) {
        return client.get(path).aggregate().join();
    }

    /** The status of a request target sent as written (a client library would refuse or normalize it). */
    private static int rawStatus(String target) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.activeLocalPort())) {
            s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void consoleRedirectsToItsIndex() {
        AggregatedHttpResponse r = get("/console");
        assertEquals(302, r.status().code());
        assertEquals("/console/", r.headers().get("location"));
    }

    @Test
    void indexIsRevalidatedAndStrict() {
        AggregatedHttpResponse r = get("/console/");
        assertEquals(200, r.status().code(), r.contentUtf8());
        assertTrue(r.contentType().toString().startsWith("text/html"), r.contentType().toString());
        String csp = r.headers().get("content-security-policy");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'none'")
                && csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe"), csp);
        assertEquals("nosniff", r.headers().get("x-content-type-options"));
        assertTrue(r.headers().get("cache-control").contains("no-cache"), r.headers().get("cache-control"));
        // every script is a file of this origin: nothing inline for the CSP to have to allow
        Matcher m = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(r.contentUtf8());
        int scripts = 0;
        while (m.find()) {
            scripts++;
            assertTrue(m.group(1).contains("src=\"/console/assets/"), m.group());
            assertEquals("", m.group(2).trim(), "inline script: " + m.group());
        }
        assertTrue(scripts > 0, r.contentUtf8());
    }

    @Test
    void hashedAssetsAreImmutable() {
        Matcher m = Pattern.compile("src=\"(/console/assets/[^\"]+\\.js)\"").matcher(get("/console/").contentUtf8());
        assertTrue(m.find());
        AggregatedHttpResponse js = get(m.group(1));
        assertEquals(200, js.status().code());
        assertTrue(js.contentType().toString().contains("javascript"), js.contentType().toString());
        assertTrue(js.headers().get("cache-control").contains("immutable"), js.headers().get("cache-control"));
        assertTrue(js.headers().get("content-security-policy") != null);
    }

    @Test
    void unknownFilesWritesAndEscapesAreRefused() {
        assertEquals(404, get("/console/nothing-here.js").status().code());
        assertEquals(404, get("/console/assets/").status().code());
        assertEquals(405, client.execute(com.linecorp.armeria.common.HttpRequest.of(HttpMethod.POST, "/console/"))
                .aggregate().join().status().code());
        for (String p : new String[] {"/console/../ops/health", "/console/%2e%2e/%2e%2e/etc/passwd",
                "/console/..%2fpom.xml", "/console/%00", "/console/assets/..%5c..%5cindex.html"}) {
            int code = rawStatus(p);
            assertTrue(code >= 400 && code < 500, p + " answered " + code);
        }
    }
}
