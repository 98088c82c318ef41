package dev.opsuite.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.RequestHeaders;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 50000);
    private static final InetSocketAddress REMOTE = new InetSocketAddress("10.1.2.3", 50000);

    @TempDir
    Path dir;

    private static RequestHeaders headers(String... nameValues) {
        RequestHeaders h = RequestHeaders.of(HttpMethod.POST, "/ops/ci/ask");
        for (int i = 0; i < nameValues.length; i += 2) {
            h = h.toBuilder().add(nameValues[i], nameValues[i + 1]).build();
        }
        return h;
    }

    @Test
    void anonymousIsAViewerOnLoopbackOnlyAndNoneWhenConfigured() {
        Authenticator auth = new Authenticator(new FileApiKeys(dir.resolve("k.json")), "viewer");
        assertEquals(List.of("viewer"), auth.authenticate(headers(), LOOPBACK).roles());
        assertEquals(ErrorCode.UNAUTHENTICATED, assertThrows(OpsException.class,
                () -> auth.authenticate(headers(), REMOTE)).code());
        Authenticator closed = new Authenticator(new FileApiKeys(dir.resolve("k.json")), "none");
        assertEquals(ErrorCode.UNAUTHENTICATED, assertThrows(OpsException.class,
                () -> closed.authenticate(headers(), LOOPBACK)).code());
    }

    @Test
    void rolesACallerWritesAreRefusedEvenWithAValidKey() {
        FileApiKeys keys = new FileApiKeys(dir.resolve("k.json"));
        String token = keys.create("bot", List.of("viewer")).token();
        Authenticator auth = new Authenticator(keys, "viewer");
        assertEquals(ErrorCode.POLICY_DENIED, assertThrows(OpsException.class,
                () -> auth.authenticate(headers("x-ops-roles", "admin"), LOOPBACK)).code());
        assertEquals(ErrorCode.POLICY_DENIED, assertThrows(OpsException.class,
                () -> auth.authenticate(headers("authorization", "Bearer " + token, "x-ops-roles", "admin"), REMOTE))
                .code());
        assertEquals(List.of("viewer"), auth.authenticate(headers("authorization", "Bearer " + token), REMOTE).roles());
    }

    @Test
    void aPresentedButBadCredentialNeverFallsBackToAnonymous() {
        Authenticator auth = new Authenticator(new FileApiKeys(dir.resolve("k.json")), "viewer");
        for (String bad : new String[] {"Bearer nope", "Basic YWRtaW46YWRtaW4=", "Bearer ", "ops_x"}) {
            assertEquals(ErrorCode.UNAUTHENTICATED, assertThrows(OpsException.class,
                    () -> auth.authenticate(headers("authorization", bad), LOOPBACK)).code(), bad);
        }
    }

    @Test
    void anonymousMayNeverHoldMoreThanViewer() {
        FileApiKeys keys = new FileApiKeys(dir.resolve("k.json"));
        for (String role : new String[] {"operator", "asset_admin", "estate_admin", "admin", "Admin", "a b"}) {
            assertThrows(IllegalArgumentException.class, () -> new Authenticator(keys, role), role);
        }
        new Authenticator(keys, "guest");
    }
}
