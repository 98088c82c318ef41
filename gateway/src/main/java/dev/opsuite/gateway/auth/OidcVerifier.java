package dev.opsuite.gateway.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OIDC / JWT bearer tokens, verified with nimbus-jose-jwt against the issuer's JWKS: signature by an
 * asymmetric algorithm only (RS/PS/ES — never HS or none, so a public key can never double as an
 * HMAC secret), issuer exactly, audience containing ours, exp and iat required (60 s clock skew),
 * keys fetched from the JWKS URL with timeouts, a size limit, caching and a refresh rate limit
 * (an unknown kid cannot make the gateway hammer the issuer). Roles come from one configured claim
 * (an array, or a space- or comma-separated string); names that are not role names are dropped.
 */
public final class OidcVerifier {
    private static final Logger log = LoggerFactory.getLogger(OidcVerifier.class);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    /** OPS_OIDC_ISSUER, OPS_OIDC_JWKS_URL, OPS_OIDC_AUDIENCE, OPS_OIDC_ROLES_CLAIM, OPS_OIDC_NAME_CLAIM. */
    public record Config(String issuer, String jwksUrl, String audience, String rolesClaim, String nameClaim) {
        public Config {
            if (issuer.isBlank() || jwksUrl.isBlank() || audience.isBlank()) {
                throw new IllegalArgumentException("OIDC needs OPS_OIDC_ISSUER, OPS_OIDC_JWKS_URL and OPS_OIDC_AUDIENCE");
            }
            URI u = URI.create(jwksUrl);
            boolean loopback = "localhost".equals(u.getHost()) || "127.0.0.1".equals(u.getHost())
                    || "[::1]".equals(u.getHost());
            if (!"https".equals(u.getScheme()) && !("http".equals(u.getScheme()) && loopback)) {
                throw new IllegalArgumentException("OPS_OIDC_JWKS_URL must be https (http only on loopback)");
            }
        }
    }

    private final Config config;
    private final ConfigurableJWTProcessor<SecurityContext> processor;

    public OidcVerifier(Config config) {
        this.config = config;
        URL url;
        try {
            url = URI.create(config.jwksUrl()).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("OPS_OIDC_JWKS_URL is not a URL", e);
        }
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(url, new DefaultResourceRetriever(2_000, 2_000, 256 * 1024))
                .cache(15 * 60_000L, 10_000L).rateLimited(30_000L).retrying(true).build();
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(config.audience(),
                new JWTClaimsSet.Builder().issuer(config.issuer()).build(), Set.of("sub", "exp", "iat"));
        claims.setMaxClockSkew(60);
        p.setJWTClaimsSetVerifier(claims);
        this.processor = p;
    }

    /** Whether a bearer value looks like a JWT (three base64url parts) rather than an API key. */
    static boolean looksLikeJwt(String token) {
        return !token.startsWith("ops_") && token.chars().filter(c -> c == '.').count() == 2;
    }

    /** The principal of a valid token, or empty (the reason is logged at debug, never returned). */
    public Optional<Principal> verify(String token) {
        try {
            JWTClaimsSet c = processor.process(token, null);
            String sub = c.getSubject();
            String name = Optional.ofNullable(c.getStringClaim(config.nameClaim())).orElse(sub);
            return Optional.of(new Principal("oidc:" + sub, bound(name), "oidc", roles(c.getClaim(config.rolesClaim()))));
        } catch (Exception e) {
            log.debug("JWT refused: {}", e.getMessage());
            return Optional.empty();
        }
    }

    static List<String> roles(Object claim) {
        List<String> raw = new ArrayList<>();
        if (claim instanceof Collection<?> c) {
            c.forEach(x -> raw.add(String.valueOf(x)));
        } else if (claim instanceof String s) {
            for (String r : s.split("[ ,]+")) {
                raw.add(r);
            }
        }
        return raw.stream().map(String::trim).filter(r -> Principal.ROLE_NAME.matcher(r).matches()).distinct()
                .limit(8).toList();
    }

    private static String bound(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
