package dev.opsuite.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Linux /proc readers: memory figures in kB, process children. A vanished process reads as 0. */
final class ProcFs {
    private ProcFs() {}

    static long status(long pid, String field) {
        return field(Path.of("/proc", Long.toString(pid), "status"), field);
    }

    static long smapsRollup(long pid, String field) {
        return field(Path.of("/proc", Long.toString(pid), "smaps_rollup"), field);
    }

    private static long field(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }

    static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    /**
     * CPU time the process has used, user + system, in clock ticks (fields 14 and 15 of /proc/N/stat;
     * {@link #TICKS_PER_SECOND} a second on Linux). A vanished process reads as 0.
     */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(rest[11]) + Long.parseLong(rest[12]); // field n is rest[n - 3]
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** USER_HZ: the unit of /proc/N/stat's times, 100 on every Linux the JDK runs on (sysconf(_SC_CLK_TCK)). */
    static final long TICKS_PER_SECOND = 100;

    /** Direct children, from the ppid field of /proc/N/stat. */
    static List<Long> children(long parent) throws IOException {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    // pid (comm) state ppid ... — comm may hold spaces, so split after the last ')'
                    String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(rest[1]) == parent) {
                        out.add(Long.parseLong(name));
                    }
                } catch (IOException | RuntimeException gone) {
                    // exited while listing
                }
            }
        }
        return out;
    }
}
