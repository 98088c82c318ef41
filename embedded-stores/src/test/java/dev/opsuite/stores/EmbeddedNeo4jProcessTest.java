package dev.opsuite.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * Real Neo4j child JVMs on temp data directories. The classpath file is found by searching upward from
 * the working directory (embedded-stores/) for embedded-neo4j/target/neo4j-classpath.txt.
 */
class EmbeddedNeo4jProcessTest {

    @TempDir
    Path tempDir;

    /** One test for both, because every Neo4j start costs several seconds. */
    @Test
    void nodeSurvivesARestartAndAStaleServerIsReplaced() throws Exception {
        Path dataDir = tempDir.resolve("neo4j");
        try (EmbeddedNeo4jProcess neo4j = EmbeddedNeo4jProcess.start(dataDir, 0)) {
            assertEquals("bolt://127.0.0.1:" + neo4j.port(), neo4j.boltUri());
            assertEquals(Long.toString(neo4j.pid()), Files.readString(dataDir.resolve("neo4j.pid")).trim());
            run(neo4j, "CREATE (:Marker {name: 'kept'})");
        }
        // never closed before the next start: like a server whose parent was killed with its pipe still open
        EmbeddedNeo4jProcess stale = EmbeddedNeo4jProcess.start(dataDir, 0);
        try {
            assertEquals(1L, count(stale, "MATCH (m:Marker {name: 'kept'}) RETURN count(m)"));
            try (EmbeddedNeo4jProcess fresh = EmbeddedNeo4jProcess.start(dataDir, 0)) {
                assertFalse(stale.process().isAlive(), "stale Neo4j " + stale.pid() + " still running");
                run(fresh, "CREATE (:Marker {name: 'after takeover'})");
                assertEquals(2L, count(fresh, "MATCH (m:Marker) RETURN count(m)"));
            }
        } finally {
            stale.close();
        }
    }

    @Test
    void childExitsByItselfWhenItsStdinCloses() throws Exception {
        Path dataDir = tempDir.resolve("neo4j");
        // a pid file naming some other live program (a reused pid) must not get that program killed
        Process otherProgram = new ProcessBuilder("sleep", "120").start();
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("neo4j.pid"), otherProgram.pid() + "\n");
        try (EmbeddedNeo4jProcess neo4j = EmbeddedNeo4jProcess.start(dataDir, 0)) {
            assertTrue(otherProgram.isAlive(), "unrelated process named by neo4j.pid was stopped");

            // what happens when this JVM dies, even by kill -9: the kernel closes the pipe
            neo4j.process().getOutputStream().close();
            assertTrue(neo4j.process().waitFor(10, TimeUnit.SECONDS), "Neo4j still running after stdin EOF");
            assertEquals(0, neo4j.process().exitValue());
            assertFalse(Files.exists(dataDir.resolve("neo4j.pid")), "clean exit leaves no pid file");
        } finally {
            otherProgram.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void failedStartReportsTheChildsLastOutput() throws Exception {
        // a classpath without the server: the child JVM fails at once, which keeps this test fast
        Path classpathFile = Files.writeString(tempDir.resolve("neo4j-classpath.txt"), tempDir.resolve("nothing.jar") + "\n");
        System.setProperty(Neo4jLaunchClasspath.CLASSPATH_FILE_SETTING, classpathFile.toString());
        try {
            IOException failure = assertThrows(IOException.class,
                    () -> EmbeddedNeo4jProcess.start(tempDir.resolve("neo4j"), 0));
            assertTrue(failure.getMessage().contains("exited with code 1 before it was ready"), failure.getMessage());
            assertTrue(failure.getMessage().contains("Could not find or load main class"), failure.getMessage());
        } finally {
            System.clearProperty(Neo4jLaunchClasspath.CLASSPATH_FILE_SETTING);
        }
    }

    private static void run(EmbeddedNeo4jProcess neo4j, String cypher) {
        try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(EmbeddedNeo4jProcess.USER, neo4j.password()));
             Session session = driver.session()) {
            session.run(cypher).consume();
        }
    }

    private static long count(EmbeddedNeo4jProcess neo4j, String cypher) {
        try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(EmbeddedNeo4jProcess.USER, neo4j.password()));
             Session session = driver.session()) {
            return session.run(cypher).single().get(0).asLong();
        }
    }
}
