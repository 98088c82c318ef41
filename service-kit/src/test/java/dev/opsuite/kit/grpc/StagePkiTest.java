package dev.opsuite.kit.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagePkiTest {

    @Test
    void makesACaAndOneCertificatePerIdentityThenOnlyWhatIsMissing(@TempDir Path dir) throws Exception {
        assertEquals(StagePki.IDENTITIES, StagePki.ensure(dir, List.of("stage.example.internal", "10.1.2.3")));
        assertEquals(List.of(), StagePki.ensure(dir, List.of()));
        X509Certificate ca = StagePki.readCert(StagePki.ca(dir));
        for (String id : StagePki.IDENTITIES) {
            X509Certificate c = StagePki.readCert(StagePki.cert(dir, id));
            c.verify(ca.getPublicKey());
            assertTrue(List.of(c.getSubjectX500Principal().getName().split(",")).contains("CN=" + id), c.getSubjectX500Principal().getName());
            assertTrue(c.getSubjectAlternativeNames().toString().contains("stage.example.internal"));
            assertTrue(c.getSubjectAlternativeNames().toString().contains("127.0.0.1"));
            assertTrue(c.getExtendedKeyUsage().containsAll(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2")));
            assertEquals(-1, c.getBasicConstraints(), "a leaf is no CA");
        }
        Files.delete(StagePki.key(dir, "planner"));
        byte[] caBefore = Files.readAllBytes(StagePki.ca(dir));
        assertEquals(List.of("planner"), StagePki.ensure(dir, List.of()));
        assertEquals(new String(caBefore), Files.readString(StagePki.ca(dir)), "the CA is kept");
    }

    @Test
    void eachIdentityMayCallOnlyItsRow() {
        assertTrue(StageAuth.mayCall("gateway", "ops.v1.AssetService/SaveAsset"));
        assertTrue(StageAuth.mayCall("operator", "ops.v1.PlannerService/RoutePlan"));
        assertTrue(StageAuth.mayCall("operator", "ops.v1.ExecutorService/Execute"));
        assertFalse(StageAuth.mayCall("operator", "ops.v1.ExecutorService/PreviewQuery"));
        assertFalse(StageAuth.mayCall("operator", "ops.v1.EstateService/ImportFile"));
        assertFalse(StageAuth.mayCall("operator", "ops.v1.TraceService/WriteTraces"));
        assertFalse(StageAuth.mayCall("operator", "ops.v1.AssetService/PublishAsset"));
        assertTrue(StageAuth.mayCall("planner", "ops.v1.ExecutorService/LoadDictionary"));
        assertFalse(StageAuth.mayCall("planner", "ops.v1.ExecutorService/Execute"));
        assertTrue(StageAuth.mayCall("executor", "ops.v1.AssetService/GetAsset"));
        assertFalse(StageAuth.mayCall("executor", "ops.v1.PlannerService/RoutePlan"));
        assertFalse(StageAuth.mayCall("trace", "ops.v1.ExecutorService/Execute"));
        assertFalse(StageAuth.mayCall("stranger", "ops.v1.PlannerService/RoutePlan"));
    }

    @Test
    void theIdentitiesOfAnRpcAreTheRowsThatAllowIt() {
        assertEquals(List.of("gateway", "operator", "planner"),
                StageAuth.identitiesAllowed("ops.v1.ExecutorService/LoadDictionary"));
        assertEquals(List.of("executor", "gateway", "operator", "planner"),
                StageAuth.identitiesAllowed("ops.v1.AssetService/GetAsset"));
        assertEquals(List.of("gateway"), StageAuth.identitiesAllowed("ops.v1.TraceService/WriteTraces"));
        assertEquals(List.of("gateway", "operator"), StageAuth.identitiesAllowed("ops.v1.PlannerService/Replan"));
    }
}
