package dev.opsuite.gateway.otel;

import dev.opsuite.kit.config.Env;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * OTLP export of the Execution Trace, from the standard OpenTelemetry variables (no SDK autoconfigure:
 * only these four are honoured, see docs/tracing.md).
 *
 * @param endpoint    the receiver's base URL (spans go to {@code <endpoint>/v1/traces}); empty: export off
 * @param headers     sent with every export (e.g. a collector's authorization); never printed
 * @param serviceName the spans' {@code service.name}
 */
public record OtelConfig(Optional<URI> endpoint, Map<String, String> headers, String serviceName) {
    public static final String HTTP_PROTOBUF = "http/protobuf";

    public OtelConfig {
        headers = Map.copyOf(headers);
    }

    /** Export off. */
    public static OtelConfig off() {
        return new OtelConfig(Optional.empty(), Map.of(), "ops-gateway");
    }

    public boolean enabled() {
        return endpoint.isPresent();
    }

    /** The URL spans are posted to. */
    public String tracesUrl() {
        String base = endpoint.orElseThrow().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
    }

    public static OtelConfig from(Env env) {
        Optional<String> endpoint = env.get("OTEL_EXPORTER_OTLP_ENDPOINT").map(String::strip).filter(s -> !s.isEmpty());
        String protocol = env.get("OTEL_EXPORTER_OTLP_PROTOCOL", HTTP_PROTOBUF).strip().toLowerCase(Locale.ROOT);
        String serviceName = env.get("OTEL_SERVICE_NAME", "ops-gateway").strip();
        if (endpoint.isEmpty()) {
            // export off: the other settings are not read, nor refused
            return off();
        }
        Map<String, String> headers = headers(env.get("OTEL_EXPORTER_OTLP_HEADERS", ""));
        if (!protocol.equals(HTTP_PROTOBUF)) {
            throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_PROTOCOL must be " + HTTP_PROTOBUF
                    + " (the only protocol this product exports with), not " + protocol);
        }
        URI uri;
        try {
            uri = URI.create(endpoint.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_ENDPOINT is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getUserInfo() != null || uri.getQuery() != null) {
            throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL with a host and"
                    + " no user info or query, e.g. http://localhost:4318");
        }
        return new OtelConfig(Optional.of(uri), headers, serviceName.isEmpty() ? "ops-gateway" : serviceName);
    }

    /** {@code k1=v1,k2=v2}, values URL-decoded (the OTLP exporter specification's form). */
    static Map<String, String> headers(String spec) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (part.isBlank()) {
                continue;
            }
            if (eq <= 0) {
                // the value may be a secret: name the position, never the text
                throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_HEADERS: an entry is not key=value");
            }
            out.put(part.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                    URLDecoder.decode(part.substring(eq + 1).strip(), StandardCharsets.UTF_8));
        }
        return out;
    }
}
