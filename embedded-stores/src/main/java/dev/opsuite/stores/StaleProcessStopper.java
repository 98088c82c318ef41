package dev.opsuite.stores;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a server process that a killed earlier run left behind, found through the pid file the server
 * wrote into its data directory (PostgreSQL's postmaster.pid, our neo4j.pid).
 *
 * <p>A pid file can outlive its process and the pid can be reused, so the process is only stopped when
 * its command line contains a marker naming the server; anything else is left alone.
 */
final class StaleProcessStopper {

    enum Outcome {
        /** there is no pid file */
        NO_PID_FILE,
        /** the pid file is unreadable or names no live process */
        NOT_RUNNING,
        /** the pid is alive but belongs to some other program (pid reuse): not touched */
        OTHER_PROGRAM,
        /** a live server was found and stopped */
        STOPPED
    }

    private static final Logger LOG = LoggerFactory.getLogger(StaleProcessStopper.class);
    private static final Duration FORCIBLE_EXIT_WAIT = Duration.ofSeconds(5);

    private StaleProcessStopper() {
    }

    /**
     * If {@code pidFile} names a live process whose command line contains {@code commandMarker}, asks it
     * to stop (SIGTERM), waits up to {@code grace}, then kills it and its descendants (SIGKILL).
     */
    static Outcome stopIfRunning(Path pidFile, String commandMarker, Duration grace) {
        if (!Files.exists(pidFile)) {
            return Outcome.NO_PID_FILE;
        }
        Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || process.get().pid() == ProcessHandle.current().pid()) {
            LOG.info("{} names no running process: stale file from an earlier run", pidFile);
            return Outcome.NOT_RUNNING;
        }
        ProcessHandle stale = process.get();
        String commandLine = commandLineOf(stale);
        if (!commandLine.contains(commandMarker)) {
            LOG.warn("{} names pid {}, which is not '{}' but '{}': leaving that process alone",
                    pidFile, stale.pid(), commandMarker, abbreviate(commandLine));
            return Outcome.OTHER_PROGRAM;
        }
        stop(stale, pidFile, grace);
        return Outcome.STOPPED;
    }

    private static void stop(ProcessHandle stale, Path pidFile, Duration grace) {
        long startNanos = System.nanoTime();
        LOG.warn("stopping stale process {} left running by an earlier run ({}); SIGTERM, up to {} s",
                stale.pid(), pidFile, grace.toSeconds());
        // taken before the signal: once the parent is gone its children are reparented and lost to us
        List<ProcessHandle> descendants = stale.descendants().collect(Collectors.toList());
        stale.destroy();
        if (!awaitExit(stale, grace)) {
            LOG.warn("stale process {} still running after {} s: killing it and {} descendant(s)",
                    stale.pid(), grace.toSeconds(), descendants.size());
            stale.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
            if (!awaitExit(stale, FORCIBLE_EXIT_WAIT)) {
                throw new IllegalStateException("could not stop stale process " + stale.pid() + " named by " + pidFile);
            }
        }
        LOG.info("stale process {} stopped in {} ms", stale.pid(), (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping stale process " + process.pid(), e);
        }
    }

    /** The first line of a pid file is the pid, for postmaster.pid as for neo4j.pid. */
    static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            LOG.warn("unreadable pid file {}: {}", pidFile, e.toString());
            return Optional.empty();
        }
    }

    private static String commandLineOf(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.commandLine().orElseGet(() -> info.command().orElse("")
                + " " + String.join(" ", info.arguments().orElse(new String[0])));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
