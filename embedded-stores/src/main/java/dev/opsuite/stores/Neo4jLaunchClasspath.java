package dev.opsuite.stores;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The classpath of the Neo4j JVM: the runtime dependencies of module embedded-neo4j (written by its build
 * to target/neo4j-classpath.txt) plus that module's own classes.
 *
 * <p>These jars (Neo4j, netty 4.1) must never be on this JVM's classpath, which runs netty 4.2, so they
 * are only named in a file and handed to the child JVM.
 */
final class Neo4jLaunchClasspath {

    /** Environment variable or system property naming the classpath file (the property wins). */
    static final String CLASSPATH_FILE_SETTING = "OPS_NEO4J_CLASSPATH_FILE";

    private static final String FILE_IN_SOURCE_TREE = "embedded-neo4j/target/neo4j-classpath.txt";
    private static final String MAIN_CLASS_FILE = "dev/opsuite/neo4j/Neo4jServerMain.class";
    private static final String MODULE_JAR_PREFIX = "embedded-neo4j-";

    private Neo4jLaunchClasspath() {
    }

    /** The -cp value for the Neo4j JVM. */
    static String resolve() throws IOException {
        Path file = locateFile();
        String dependencies = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (dependencies.isEmpty()) {
            throw new IOException("classpath file " + file + " is empty");
        }
        // a packaged product may list the module jar in the file itself, so a missing sibling is not an error
        return moduleCode(file.toAbsolutePath().getParent())
                .map(code -> code + File.pathSeparator + dependencies)
                .orElse(dependencies);
    }

    /** (a) OPS_NEO4J_CLASSPATH_FILE, else (b) embedded-neo4j/target/neo4j-classpath.txt above the working dir. */
    static Path locateFile() throws IOException {
        String configured = System.getProperty(CLASSPATH_FILE_SETTING, System.getenv(CLASSPATH_FILE_SETTING));
        if (configured != null && !configured.isBlank()) {
            Path file = Path.of(configured.trim());
            if (!Files.isRegularFile(file)) {
                throw new FileNotFoundException(CLASSPATH_FILE_SETTING + " names " + file + ", which is not a file");
            }
            return file;
        }
        Path workingDir = Path.of("").toAbsolutePath();
        for (Path dir = workingDir; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_IN_SOURCE_TREE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new FileNotFoundException("no " + FILE_IN_SOURCE_TREE + " in " + workingDir + " or above; set "
                + CLASSPATH_FILE_SETTING + " or build it with: mvn -pl embedded-neo4j package");
    }

    /** target/classes when it holds the main class (freshest after a compile), else the module jar. */
    private static Optional<Path> moduleCode(Path targetDir) throws IOException {
        Path classes = targetDir.resolve("classes");
        if (Files.isRegularFile(classes.resolve(MAIN_CLASS_FILE))) {
            return Optional.of(classes);
        }
        try (Stream<Path> files = Files.list(targetDir)) {
            return files.filter(Neo4jLaunchClasspath::isModuleJar).findFirst();
        }
    }

    private static boolean isModuleJar(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(MODULE_JAR_PREFIX) && name.endsWith(".jar")
                && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar");
    }
}
