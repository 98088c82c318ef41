package dev.opsuite.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.RequestHeaders;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OIDC bearer tokens against a JWKS served on loopback, and the attacks on JWT verification. */
class OidcVerifierTest {
    private static final String ISSUER = "https://idp.example.test";
    private static final String AUDIENCE = "ops-gateway";
    private static HttpServer jwks;
    private static RSAKey key;
    private static RSAKey stranger;
    private static OidcVerifier verifier;

    @TempDir
    Path dir;

    @BeforeAll
    static void up() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        stranger = new RSAKeyGenerator(2048).keyID("k2").generate();
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks.json", x -> {
            x.getResponseHeaders().add("content-type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        jwks.start();
        verifier = new OidcVerifier(new OidcVerifier.Config(ISSUER, "http://127.0.0.1:" + jwks.getAddress().getPort()
                + "/jwks.json", AUDIENCE, "roles", "preferred_username"));
    }

    @AfterAll
    static void down() {
        jwks.stop(0);
    }

    private static JWTClaimsSet.Builder claims() {
        Date now = new Date();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("u-123").issueTime(now)
                .expirationTime(new Date(now.getTime() + 300_000)).claim("preferred_username", "kim")
                .claim("roles", List.of("operator"));
    }

    private static String sign(RSAKey k, JWTClaimsSet c) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k.getKeyID())
                .type(JOSEObjectType.JWT).build(), c);
        jwt.sign(new RSASSASigner(k));
        return jwt.serialize();
    }

    @Test
    void aValidTokenGivesItsSubjectAndRoles() throws Exception {
        Principal p = verifier.verify(sign(key, claims().build())).orElseThrow();
        assertEquals("oidc:u-123", p.id());
        assertEquals("kim", p.name());
        assertEquals(List.of("operator", "viewer"), p.roles());
        Principal s = verifier.verify(sign(key, claims().claim("roles", "admin Root;x estate_admin").build())).orElseThrow();
        assertEquals(Principal.ROLES, s.roles(), "a string claim is split; names that are not role names are dropped");
    }

    @Test
    void forgedExpiredAndMisdirectedTokensAreRefused() throws Exception {
        Date past = new Date(System.currentTimeMillis() - 3_600_000);
        String[] bad = {
            sign(key, claims().expirationTime(past).build()),                      // expired
            sign(key, claims().issuer("https://evil.example").build()),            // another issuer
            sign(key, claims().audience("another-app").build()),                   // another audience
            sign(key, claims().subject(null).build()),                             // no subject
            sign(stranger, claims().build()),                                      // a key the issuer never published
            new PlainJWT(claims().build()).serialize(),                            // alg none
            hmacWithThePublicKey(),                                                // alg confusion
            sign(key, claims().build()).replaceFirst("\\.[^.]+\\.", ".e30."),     // claims swapped for {}
            "a.b.c", "not-a-jwt"};
        for (String t : bad) {
            assertTrue(verifier.verify(t).isEmpty(), t);
        }
    }

    private static String hmacWithThePublicKey() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
        jwt.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
        return jwt.serialize();
    }

    @Test
    void theAuthenticatorAcceptsJwtsBesideKeysAndNeverFallsBackToAnonymous() throws Exception {
        Authenticator auth = new Authenticator(new FileApiKeys(dir.resolve("k.json")), "viewer", Optional.of(verifier));
        InetSocketAddress remote = new InetSocketAddress("10.0.0.9", 4000);
        RequestHeaders ok = RequestHeaders.of(HttpMethod.GET, "/ops/whoami", "authorization",
                "Bearer " + sign(key, claims().build()));
        assertEquals("oidc:u-123", auth.authenticate(ok, remote).id());
        RequestHeaders forged = RequestHeaders.of(HttpMethod.GET, "/ops/whoami", "authorization",
                "Bearer " + sign(stranger, claims().build()));
        assertEquals(ErrorCode.UNAUTHENTICATED, assertThrows(OpsException.class,
                () -> auth.authenticate(forged, new InetSocketAddress("127.0.0.1", 4000))).code());
    }

    @Test
    void aJwksUrlMustBeHttpsUnlessOnLoopback() {
        assertThrows(IllegalArgumentException.class, () -> new OidcVerifier.Config(ISSUER, "http://idp.example/jwks",
                AUDIENCE, "roles", "sub"));
        assertThrows(IllegalArgumentException.class, () -> new OidcVerifier.Config(ISSUER, "https://idp/jwks", "",
                "roles", "sub"));
    }
}
