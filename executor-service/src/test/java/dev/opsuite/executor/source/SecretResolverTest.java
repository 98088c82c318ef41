package dev.opsuite.executor.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsuite.kit.config.Env;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    // names no real environment defines, so Env's fallback to System.getenv cannot interfere
    private static final String USER_REF = "OPSTEST_SR_PG_USER";
    private static final String PASSWORD_REF = "OPSTEST_SR_PG_PASSWORD";

    private static SourceAsset.Connection connection(String json) throws IOException {
        return SourceAsset.from(JSON.createObjectNode().set("connection", JSON.readTree(json))).connection();
    }

    @Test
    void refsResolveFromOpsSecretVariablesAndKeepLiterals() throws IOException {
        SecretResolver resolver = new SecretResolver(Env.of(Map.of(
                "OPS_SECRET_" + USER_REF, "ops_reader",
                "OPS_SECRET_" + PASSWORD_REF, "s3cr3t-value",
                "OPS_SECRET_OPSTEST_SR_PORT", "15432")));

        Map<String, String> out = resolver.resolve("postgres_main", connection("""
                {"host": "db.internal", "port_ref": "OPSTEST_SR_PORT", "database": "estate",
                 "user_ref": "%s", "password_ref": "%s"}""".formatted(USER_REF, PASSWORD_REF)));

        assertEquals(Map.of("host", "db.internal", "port", "15432", "database", "estate", "user", "ops_reader",
                "password", "s3cr3t-value"), out);
        assertFalse(out.keySet().stream().anyMatch(k -> k.endsWith("_ref")), "no *_ref key survives: " + out.keySet());
        assertEquals(List.of("host", "port", "database", "user", "password"), List.copyOf(out.keySet()),
                "keys keep the asset's order");
    }

    @Test
    void resolvedRefWinsOverALiteralOfTheSameNameInEitherOrder() throws IOException {
        SecretResolver resolver = new SecretResolver(Env.of(Map.of("OPS_SECRET_OPSTEST_SR_PORT", "15432")));

        assertEquals("15432", resolver.resolve("pg", connection("""
                {"port": "5432", "port_ref": "OPSTEST_SR_PORT"}""")).get("port"));
        assertEquals("15432", resolver.resolve("pg", connection("""
                {"port_ref": "OPSTEST_SR_PORT", "port": "5432"}""")).get("port"));
    }

    @Test
    void refIsUpperCasedWithOtherCharactersAsUnderscoreAndThePrefixCountedOnce() throws IOException {
        SecretResolver resolver = new SecretResolver(Env.of(Map.of(
                "OPS_SECRET_OPSTEST_SR_MAIN_PASSWORD", "from-prefixed")));

        assertEquals("from-prefixed", resolver.resolve("pg", connection("""
                {"password_ref": "opstest_sr.main-password"}""")).get("password"));
        assertEquals("from-prefixed", resolver.resolve("pg", connection("""
                {"password_ref": "OPS_SECRET_OPSTEST_SR_MAIN_PASSWORD"}""")).get("password"));
    }

    @Test
    void anOrdinaryEnvironmentVariableIsNeverReadThroughARef() throws IOException {
        // the attack of #13: url_ref "PATH" read the process's PATH back through a health check
        SecretResolver resolver = new SecretResolver(Env.of(Map.of("PATH", "/usr/bin:/opt/marker-7f3a",
                "OPENAI_API_KEY", "sk-marker-7f3a")));

        for (String ref : List.of("PATH", "OPENAI_API_KEY")) {
            OpsException e = assertThrows(OpsException.class,
                    () -> resolver.resolve("leak", connection("{\"url_ref\": \"" + ref + "\"}")));
            assertFalse(e.getMessage().contains("marker-7f3a"), e.getMessage());
            assertTrue(e.getMessage().contains("OPS_SECRET_" + ref), e.getMessage());
        }
    }

    @Test
    void scrubTakesEveryResolvedValueOutOfAMessage() throws IOException {
        SecretResolver resolver = new SecretResolver(Env.of(Map.of("OPS_SECRET_OPSTEST_SR_USER", "marker-user-91",
                "OPS_SECRET_OPSTEST_SR_PASSWORD", "marker-pass-91")));
        SourceAsset.Connection conn = connection("{\"user_ref\": \"OPSTEST_SR_USER\", \"password_ref\": \"OPSTEST_SR_PASSWORD\"}");

        String scrubbed = resolver.scrub(conn,
                "FATAL: password authentication failed for user \"marker-user-91\" (marker-pass-91)");
        assertFalse(scrubbed.contains("marker-user-91") || scrubbed.contains("marker-pass-91"), scrubbed);
        assertTrue(scrubbed.contains("***"), scrubbed);
    }

    @Test
    void refResolvesFromSecretsFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("secrets.properties");
        Files.writeString(file, """
                # deployment secrets
                opstest.sr.file.user=file_user
                opstest.sr.file.password=p@ss=word with spaces
                """, StandardCharsets.UTF_8);
        SecretResolver resolver = new SecretResolver(Env.of(Map.of("OPS_SECRETS_FILE", file.toString())));

        Map<String, String> out = resolver.resolve("pg", connection("""
                {"user_ref": "opstest.sr.file.user", "password_ref": "opstest.sr.file.password", "host": "h"}"""));

        assertEquals(Map.of("user", "file_user", "password", "p@ss=word with spaces", "host", "h"), out);
    }

    @Test
    void environmentWinsOverSecretsFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("secrets.properties");
        Files.writeString(file, "OPSTEST_SR_BOTH=from-file\n", StandardCharsets.UTF_8);
        SecretResolver resolver = new SecretResolver(Env.of(Map.of(
                "OPS_SECRETS_FILE", file.toString(), "OPS_SECRET_OPSTEST_SR_BOTH", "from-env")));

        assertEquals("from-env", resolver.resolve("pg", connection("{\"x_ref\": \"OPSTEST_SR_BOTH\"}")).get("x"));
    }

    @Test
    void missingRefNamesTheRefButNoSecretValue(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("secrets.properties");
        Files.writeString(file, "opstest.sr.other=file-secret-value\n", StandardCharsets.UTF_8);
        SecretResolver resolver = new SecretResolver(Env.of(Map.of(
                "OPS_SECRETS_FILE", file.toString(),
                "OPS_SECRET_" + USER_REF, "env-user-value",
                "OPS_SECRET_" + PASSWORD_REF, "env-password-value")));

        OpsException e = assertThrows(OpsException.class, () -> resolver.resolve("postgres_main", connection("""
                {"user_ref": "%s", "password_ref": "%s", "token_ref": "OPSTEST_SR_NOT_SET"}"""
                .formatted(USER_REF, PASSWORD_REF))));

        assertEquals(ErrorCode.UNAVAILABLE, e.code());
        String message = e.getMessage();
        assertTrue(message.contains("OPSTEST_SR_NOT_SET"), message);
        assertTrue(message.contains("postgres_main"), message);
        for (String secret : List.of("env-user-value", "env-password-value", "file-secret-value")) {
            assertFalse(message.contains(secret), "message leaks a secret: " + message);
        }
    }

    @Test
    void blankValueCountsAsMissing() throws IOException {
        SecretResolver resolver = new SecretResolver(Env.of(Map.of("OPS_SECRET_OPSTEST_SR_BLANK", "   ")));

        OpsException e = assertThrows(OpsException.class,
                () -> resolver.resolve("pg", connection("{\"password_ref\": \"OPSTEST_SR_BLANK\"}")));
        assertTrue(e.getMessage().contains("OPSTEST_SR_BLANK"), e.getMessage());
    }

    @Test
    void unreadableSecretsFileFailsAtConstruction(@TempDir Path dir) {
        Path missing = dir.resolve("absent.properties");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SecretResolver(Env.of(Map.of("OPS_SECRETS_FILE", missing.toString()))));
        assertTrue(e.getMessage().contains("OPS_SECRETS_FILE"), e.getMessage());
    }
}
