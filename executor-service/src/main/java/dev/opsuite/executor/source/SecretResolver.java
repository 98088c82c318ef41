package dev.opsuite.executor.source;

import dev.opsuite.kit.config.Env;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.OpsException;
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
 * Resolves a Source asset's connection block: every key ending in "_ref" names a secret held
 * outside the asset — the environment variable OPS_SECRET_&lt;NAME&gt; (NAME: the reference upper-cased,
 * other characters as '_', an "OPS_SECRET_" prefix written in the reference counted once) or an
 * entry of the OPS_SECRETS_FILE properties file. Never any other environment variable: an asset
 * writer cannot read PATH or an API key of the process back through a reference. Values are never
 * logged, traced or returned; errors name only the reference, and {@link #scrub} takes any
 * resolved value out of a message that is about to leave the process.
 */
public final class SecretResolver {
    static final String PREFIX = "OPS_SECRET_";
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

    /** Connection fields with every *_ref replaced by its resolved value (key without the suffix), in the asset's order. */
    public Map<String, String> resolve(String sourceName, SourceAsset.Connection connection) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SourceAsset.Connection.Member m : connection.members()) {
            if (m.reference()) {
                String ref = m.value();
                String value = lookup(ref).orElseThrow(() -> new OpsException(
                        dev.opsuite.model.errors.ErrorCode.UNAVAILABLE,
                        "source " + sourceName + ": secret reference '" + ref + "' is not set (set " + PREFIX
                                + ref.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_").replaceFirst("^" + PREFIX, "")
                                + " or an entry '" + ref + "' of OPS_SECRETS_FILE)"));
                out.put(m.key(), value); // a reference wins over a literal of the same key, in either order
            } else if (!out.containsKey(m.key())) {
                out.put(m.key(), m.value());
            }
        }
        return out;
    }

    private Optional<String> lookup(String ref) {
        String name = ref.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        Optional<String> v = env.get(name.startsWith(PREFIX) ? name : PREFIX + name);
        if (v.isEmpty() && fileSecrets.containsKey(ref)) {
            v = Optional.of(fileSecrets.getProperty(ref));
        }
        return v.filter(x -> !x.isBlank());
    }

    /** The message with every value this source's references resolve to replaced by "***". */
    public String scrub(SourceAsset.Connection connection, String message) {
        if (message == null) {
            return null;
        }
        String out = message;
        for (String ref : connection.refs().values()) {
            Optional<String> v = lookup(ref);
            if (v.isPresent() && v.get().length() >= 3) {
                out = out.replace(v.get(), "***");
            }
        }
        return out;
    }
}
