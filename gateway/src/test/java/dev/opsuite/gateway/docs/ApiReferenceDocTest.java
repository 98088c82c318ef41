package dev.opsuite.gateway.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.opsuite.proto.v1.OpsServiceGrpc;
import io.grpc.MethodDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/reference/api.md is what {@link ApiReference} makes of the protos now. With
 * {@code -Dops.docs.write=true} (what {@code ./ops docs} runs) the test writes the file; otherwise it
 * fails while the committed file differs, leaving the generated text in target/api.md to diff.
 */
class ApiReferenceDocTest {
    private static final ApiDescriptors API = ApiDescriptors.load();

    @Test
    void theCommittedReferenceIsWhatTheProtosSayNow() throws IOException {
        String generated = new ApiReference(API).markdown();
        Path file = repoRoot().resolve(ApiReference.FILE);
        if (Boolean.getBoolean("ops.docs.write")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (!committed.equals(generated)) {
            Path target = Path.of("target", "api.md").toAbsolutePath();
            Files.createDirectories(target.getParent());
            Files.writeString(target, generated, StandardCharsets.UTF_8);
            fail(ApiReference.FILE + " is out of date — run ./ops docs (generated text: " + target + ")");
        }
    }

    @Test
    void everyPublicRpcAndEveryFieldOfItsRequestsIsExplained() {
        assertEquals(List.of(), new ApiReference(API).missingComments(),
                "write a comment in the .proto for each of these");
    }

    @Test
    void theDescriptorSetHasEveryRpcOfTheCompiledService() {
        TreeSet<String> compiled = new TreeSet<>();
        OpsServiceGrpc.getServiceDescriptor().getMethods().forEach(m -> compiled.add(((MethodDescriptor<?, ?>) m)
                .getFullMethodName()));
        TreeSet<String> described = new TreeSet<>();
        API.service(ApiReference.PUBLIC_SERVICE).rpcs().forEach(r -> described.add(r.fullMethod()));
        assertEquals(compiled, described, "the descriptor set on the classpath is stale: rebuild ops-proto");
        assertTrue(API.services.size() > 1, "the stage services are described too");
    }

    @Test
    void aCommentReadsAsWrittenInMarkdown() {
        assertEquals("ops\\_&lt;id>\\_&lt;secret> is 1-64 \\| a\\*b, rules_first", ApiReference.text(
                "ops_<id>_<secret> is 1-64 | a*b, rules_first"));
    }

    /** The directory holding both the ops script and the parent pom, walking up from the working directory. */
    static Path repoRoot() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("ops")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no directory above " + System.getProperty("user.dir")
                + " holds both the ops script and pom.xml");
    }
}
