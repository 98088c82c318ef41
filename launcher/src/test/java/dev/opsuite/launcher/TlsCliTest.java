package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.grpc.StagePki;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `./ops tls DIR HOST...`: the stage PKI for services run apart, the hosts in every server certificate. */
class TlsCliTest {
    @Test
    void makesTheCaAndEveryIdentityNamingTheHosts(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("k8s-tls");
        TlsCli.main(new String[] {dir.toString(), "ops-planner", "ops-executor", "ops-trace"});
        assertTrue(Files.isRegularFile(StagePki.ca(dir)));
        for (String id : StagePki.IDENTITIES) {
            assertTrue(Files.isRegularFile(StagePki.key(dir, id)), id);
            X509Certificate cert;
            try (InputStream in = Files.newInputStream(StagePki.cert(dir, id))) {
                cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            Set<String> names = cert.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString())
                    .collect(Collectors.toSet());
            assertTrue(names.containsAll(List.of("ops-planner", "ops-executor", "ops-trace", "localhost")), id + ": " + names);
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(StagePki.key(dir, id))), id);
        }
    }
}
