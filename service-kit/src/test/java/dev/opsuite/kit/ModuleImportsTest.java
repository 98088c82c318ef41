package dev.opsuite.kit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What each module may import (ARCHITECTURE.md), checked on the sources: the services talk to each
 * other over gRPC only, the gateway never links a service's classes, estate-import links service-kit and the model
 * only, the conductor knows no transport and no gateway, and the domain packages (estate-import whole) hold no
 * gRPC or proto types.
 */
class ModuleImportsTest {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final String WIRE = "^(io\\.grpc|dev\\.opsuite\\.proto|com\\.google\\.protobuf)\\..*";

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.exists(p.resolve("ops")) && Files.exists(p.resolve("pom.xml")))) {
            p = p.getParent();
        }
        assertTrue(p != null, "repository root not found above " + Path.of("").toAbsolutePath());
        return p;
    }

    /** "file: import" for every import under dir matching the forbidden pattern. */
    private static List<String> imports(String dir, String forbidden, List<String> exceptFiles) throws IOException {
        List<String> found = new ArrayList<>();
        Path base = root().resolve(dir);
        assertTrue(Files.isDirectory(base), "no such source folder: " + base);
        try (Stream<Path> files = Files.walk(base)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (exceptFiles.contains(f.getFileName().toString())) {
                    continue;
                }
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (m.group(1).matches(forbidden)) {
                        found.add(root().relativize(f) + ": " + m.group(1));
                    }
                }
            }
        }
        return found;
    }

    @Test
    void domainPackagesHoldNoWireTypes() throws IOException {
        List<String> found = new ArrayList<>();
        for (String dir : List.of("planner-service/src/main/java/dev/opsuite/planner/domain",
                "executor-service/src/main/java/dev/opsuite/executor/domain",
                "executor-service/src/main/java/dev/opsuite/executor/compose",
                "executor-service/src/main/java/dev/opsuite/executor/present",
                "trace-service/src/main/java/dev/opsuite/trace/domain",
                "estate-import/src/main/java")) {
            found.addAll(imports(dir, WIRE, List.of()));
        }
        assertTrue(found.isEmpty(), "wire types in the domain:\n" + String.join("\n", found));
    }

    /** incident-analysis is computation over numbers: plain Java only (its POM bans every dependency of ours). */
    @Test
    void theIncidentAnalysisImportsOnlyJava() throws IOException {
        List<String> found = imports("incident-analysis/src/main/java", "^(?!java\\.|dev\\.opsuite\\.incident\\.).*", List.of());
        assertTrue(found.isEmpty(), "incident-analysis imports more than plain Java:\n" + String.join("\n", found));
    }

    /**
     * domain-model is plain Java and Jackson: nothing of ours, no gRPC or protobuf. Its POM bans them
     * from its classpath as well (maven-enforcer bannedDependencies).
     */
    @Test
    void theDomainModelImportsOnlyJavaAndJackson() throws IOException {
        List<String> found = imports("domain-model/src/main/java",
                "^(?!java\\.|com\\.fasterxml\\.jackson\\.|dev\\.opsuite\\.model\\.).*", List.of());
        assertTrue(found.isEmpty(), "the domain model imports more than plain Java and Jackson:\n" + String.join("\n", found));
    }

    /**
     * The conductor reaches the stage services through its Stages port and the caller through its Caller
     * port: no gRPC, no Armeria, no gateway code — imported or written out in full (the sources often
     * name a class by its full name instead of importing it). The gRPC adapter lives in the gateway.
     */
    @Test
    void theConductorKnowsNoTransportAndNoGateway() throws IOException {
        String forbidden = "^(io\\.grpc|com\\.linecorp\\.armeria|dev\\.opsuite\\.gateway)\\..*";
        List<String> found = new ArrayList<>(imports("conductor/src/main/java", forbidden, List.of()));
        Pattern named = Pattern.compile("\\b(io\\.grpc|com\\.linecorp\\.armeria|dev\\.opsuite\\.gateway)\\.[\\w.]+");
        try (Stream<Path> files = Files.walk(root().resolve("conductor/src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                // comments may name the adapter; code may not
                String code = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                Matcher m = named.matcher(code);
                while (m.find()) {
                    found.add(root().relativize(f) + ": " + m.group());
                }
            }
        }
        assertTrue(found.isEmpty(), "the conductor links a transport or the gateway:\n" + String.join("\n", found));
    }

    @Test
    void servicesAndTheGatewayNeverLinkEachOther() throws IOException {
        List<String> found = new ArrayList<>();
        found.addAll(imports("planner-service/src/main/java", "^dev\\.opsuite\\.(executor|trace|gateway|launcher)\\..*", List.of()));
        found.addAll(imports("executor-service/src/main/java", "^dev\\.opsuite\\.(planner|trace|gateway|launcher)\\..*", List.of()));
        found.addAll(imports("trace-service/src/main/java", "^dev\\.opsuite\\.(planner|executor|gateway|launcher)\\..*", List.of()));
        found.addAll(imports("gateway/src/main/java", "^dev\\.opsuite\\.(planner|executor|trace|launcher)\\..*", List.of()));
        found.addAll(imports("conductor/src/main/java", "^dev\\.opsuite\\.(planner|executor|trace|gateway|launcher)\\..*", List.of()));
        found.addAll(imports("plan-guard/src/main/java", "^dev\\.opsuite\\.(planner|executor|trace|gateway|launcher)\\..*", List.of()));
        found.addAll(imports("service-kit/src/main/java", "^dev\\.opsuite\\.(planner|executor|trace|gateway|launcher|guard)\\..*", List.of()));
        // the importer and the demo estate: service-kit and the domain model only; executor-service serves them (EstateService)
        found.addAll(imports("estate-import/src/main/java", "^dev\\.opsuite\\.(?!kit\\.|model\\.|estate\\.).*", List.of()));
        assertTrue(found.isEmpty(), "a module links what it must only reach over gRPC:\n" + String.join("\n", found));
    }
}
