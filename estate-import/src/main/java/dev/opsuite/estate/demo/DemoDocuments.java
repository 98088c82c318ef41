package dev.opsuite.estate.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's documents: runbooks, alert explanations, postmortems of its planted incidents and
 * guides, in Korean and English, written for the demo estate (resources under
 * {@code dev/opsuite/estate/demo/docs/}, listed in its {@code index.txt}). Written into an import
 * directory's {@code docs/} folder, they load the way an operator's do.
 */
public final class DemoDocuments {
    private static final String BASE = "/dev/opsuite/estate/demo/docs/";

    private DemoDocuments() {}

    /** The documents' paths relative to docs/, as the index lists them. */
    public static List<String> paths() throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = DemoDocuments.class.getResourceAsStream(BASE + "index.txt")) {
            if (in == null) {
                throw new IOException("the demo documents' index.txt is missing from the classpath");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
        }
        return out;
    }

    /** One document's bytes. */
    public static byte[] read(String path) throws IOException {
        try (InputStream in = DemoDocuments.class.getResourceAsStream(BASE + path)) {
            if (in == null) {
                throw new IOException("demo document " + path + " is listed but missing");
            }
            return in.readAllBytes();
        }
    }

    /** Writes every demo document under {@code dir/docs/}; returns how many. */
    public static int write(Path dir) throws IOException {
        List<String> paths = paths();
        for (String p : paths) {
            Path target = dir.resolve("docs").resolve(p);
            Files.createDirectories(target.getParent());
            Files.write(target, read(p));
        }
        return paths.size();
    }
}
