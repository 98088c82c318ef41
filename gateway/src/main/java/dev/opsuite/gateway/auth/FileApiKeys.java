package dev.opsuite.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.errors.OpsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * API keys in a JSON file (mode 0600) the gateway owns: per key its id, name, roles, a random salt
 * and the PBKDF2-HMAC-SHA256 hash of its secret. A token is {@code ops_<id>_<secret>}; the id finds
 * the key without hashing, so a made-up token costs nothing, and a verified token is remembered for
 * a few minutes (by its SHA-256) so the slow hash is paid once per key, not per request. The file is
 * re-read when it changes, so a key revoked by another process stops working within one request.
 */
public final class FileApiKeys implements ApiKeys {
    static final int ITERATIONS = 210_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");
    private static final Pattern TOKEN = Pattern.compile("ops_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");
    private static final long CACHE_MILLIS = 5 * 60_000;
    private static final int CACHE_MAX = 4096;

    private record Stored(KeyInfo info, byte[] salt, byte[] hash, int iterations) {}

    private record Cached(Principal principal, long until) {}

    private final Path file;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> verified = new ConcurrentHashMap<>();
    private volatile Map<String, Stored> keys = Map.of();
    private volatile long loadedStamp = -1;

    public FileApiKeys(Path file) {
        this.file = file;
        reloadIfChanged();
    }

    @Override
    public synchronized Created create(String name, List<String> roles) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw OpsException.invalid("name: 1-64 letters, digits, spaces, '.', '_' or '-'");
        }
        if (roles == null || roles.isEmpty() || roles.size() > 8) {
            throw OpsException.invalid("roles: 1 to 8 of " + Principal.ROLES + " or a Policy asset's role names");
        }
        for (String r : roles) {
            if (r == null || !Principal.ROLE_NAME.matcher(r).matches()) {
                throw OpsException.invalid("roles: a role name is 2-32 lower-case letters, digits or '_', "
                        + "starting with a letter (product roles: " + Principal.ROLES + ")");
            }
        }
        reloadIfChanged();
        String id = randomId();
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        KeyInfo info = new KeyInfo(id, name, List.copyOf(roles), Instant.now().toString(), "");
        Map<String, Stored> next = new LinkedHashMap<>(keys);
        next.put(id, new Stored(info, salt, pbkdf2(secret, salt, ITERATIONS), ITERATIONS));
        write(next);
        return new Created(info, "ops_" + id + "_" + secret);
    }

    @Override
    public List<KeyInfo> list() {
        reloadIfChanged();
        return keys.values().stream().map(Stored::info).toList();
    }

    @Override
    public synchronized Optional<KeyInfo> revoke(String id) {
        reloadIfChanged();
        Stored s = keys.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (!s.info().revokedAt().isEmpty()) {
            return Optional.of(s.info());
        }
        KeyInfo info = new KeyInfo(id, s.info().name(), s.info().roles(), s.info().createdAt(), Instant.now().toString());
        Map<String, Stored> next = new LinkedHashMap<>(keys);
        next.put(id, new Stored(info, s.salt(), s.hash(), s.iterations()));
        write(next);
        return Optional.of(info);
    }

    @Override
    public Optional<Principal> verify(String token) {
        var m = token == null ? null : TOKEN.matcher(token);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        reloadIfChanged();
        Stored s = keys.get(m.group(1));
        if (s == null || !s.info().revokedAt().isEmpty()) {
            return Optional.empty();
        }
        String cacheKey = s.info().id() + ":" + sha256(token);
        Cached c = verified.get(cacheKey);
        long now = System.currentTimeMillis();
        if (c != null && c.until() > now) {
            return Optional.of(c.principal());
        }
        if (!MessageDigest.isEqual(s.hash(), pbkdf2(m.group(2), s.salt(), s.iterations()))) {
            return Optional.empty();
        }
        Principal p = new Principal("key:" + s.info().id(), s.info().name(), "key", s.info().roles());
        if (verified.size() >= CACHE_MAX) {
            verified.clear();
        }
        verified.put(cacheKey, new Cached(p, now + CACHE_MILLIS));
        return Optional.of(p);
    }

    @Override
    public boolean hasActiveAdmin() {
        return list().stream().anyMatch(k -> k.revokedAt().isEmpty() && k.roles().contains("admin"));
    }

    private void reloadIfChanged() {
        try {
            long stamp = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() ^ Files.size(file) : 0;
            if (stamp == loadedStamp) {
                return;
            }
            synchronized (this) {
                Map<String, Stored> next = new LinkedHashMap<>();
                if (Files.exists(file)) {
                    JsonNode root = ModelJson.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
                    for (JsonNode k : root.path("keys")) {
                        List<String> roles = new ArrayList<>();
                        k.path("roles").forEach(r -> roles.add(r.asText()));
                        KeyInfo info = new KeyInfo(k.path("id").asText(), k.path("name").asText(), List.copyOf(roles),
                                k.path("created_at").asText(), k.path("revoked_at").asText(""));
                        next.put(info.id(), new Stored(info, Base64.getDecoder().decode(k.path("salt").asText()),
                                Base64.getDecoder().decode(k.path("hash").asText()), k.path("iterations").asInt(ITERATIONS)));
                    }
                }
                keys = Map.copyOf(next);
                verified.clear(); // a revocation elsewhere takes effect now
                loadedStamp = stamp;
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("API key file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private void write(Map<String, Stored> next) {
        ObjectNode root = ModelJson.MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("keys");
        for (Stored s : next.values()) {
            ObjectNode k = arr.addObject();
            k.put("id", s.info().id()).put("name", s.info().name());
            s.info().roles().forEach(k.putArray("roles")::add);
            k.put("salt", Base64.getEncoder().encodeToString(s.salt()))
                    .put("hash", Base64.getEncoder().encodeToString(s.hash()))
                    .put("iterations", s.iterations())
                    .put("created_at", s.info().createdAt())
                    .put("revoked_at", s.info().revokedAt());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".keys", ".tmp");
            ownerOnly(tmp);
            Files.writeString(tmp, ModelJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root),
                    StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("API key file " + file + " cannot be written", e);
        }
        keys = Map.copyOf(next);
        verified.clear();
        try {
            loadedStamp = Files.getLastModifiedTime(file).toMillis() ^ Files.size(file);
        } catch (IOException e) {
            loadedStamp = -1;
        }
    }

    /** rw------- where the file system has POSIX permissions. */
    public static void ownerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's protection applies
        }
    }

    private String randomId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    static byte[] pbkdf2(String secret, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
