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
