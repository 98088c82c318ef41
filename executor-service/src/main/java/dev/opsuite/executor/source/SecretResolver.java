package dev.opsuite.executor.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.errors.OpsException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Resolves a Source asset's connection block: every key ending in "_ref" names a secret (or a
 * deployment value such as a port) held outside the asset — an environment variable of that
 * name, OPS_SECRET_&lt;NAME&gt;, or an entry of the OPS_SECRETS_FILE properties file. Values are
 * never logged, traced or returned; errors name only the reference.
 */
public final class SecretResolver {
    private final Env env;
    private final Properties fileSecrets = new Properties();

    public SecretResolver(Env env) {
        this.env = env;
        Optional<String> file = env.get("OPS_SECRETS_FILE");
        if (file.isPresent()) {
            try (Reader r = Files.newBufferedReader(Path.of(file.get()), StandardCharsets.UTF_8)) {
                fileSecrets.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("OPS_SECRETS_FILE cannot be read: " + e.getMessage());
            }
        }
    }

    /** Connection fields with every *_ref replaced by its resolved value (key without the suffix). */
    public Map<String, String> resolve(String sourceName, JsonNode connection) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : connection.properties()) {
            String key = e.getKey();
            if (key.endsWith("_ref")) {
                String ref = e.getValue().asText();
                String value = lookup(ref).orElseThrow(() -> new OpsException(
                        dev.opsuite.kit.errors.ErrorCode.UNAVAILABLE,
                        "source " + sourceName + ": secret reference '" + ref + "' is not set"));
                out.put(key.substring(0, key.length() - "_ref".length()), value);
            } else if (!out.containsKey(key)) {
                out.put(key, text(e.getValue()));
            }
        }
        return out;
    }

    /** Whole numbers as integers: a port stored as 5432.0 (JSON via Struct) must still read 5432. */
    private static String text(JsonNode v) {
        if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 1e15) {
            return Long.toString((long) v.asDouble());
        }
        return v.asText();
    }

    private Optional<String> lookup(String ref) {
        Optional<String> v = env.get(ref);
        if (v.isEmpty()) {
            v = env.get("OPS_SECRET_" + ref.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        if (v.isEmpty() && fileSecrets.containsKey(ref)) {
            v = Optional.of(fileSecrets.getProperty(ref));
        }
        return v;
    }
}
