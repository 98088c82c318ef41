package dev.opsuite.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.opsuite.model.AssetType;
import dev.opsuite.trace.domain.validation.AssetModel;
import dev.opsuite.trace.domain.validation.AssetReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/reference/assets.md is generated from the asset model the validator uses: with
 * {@code -Dops.docs.write=true} this test writes it, otherwise it fails while the committed file
 * differs from what the model generates (the generated text is left in target/assets.md).
 */
class AssetReferenceDocTest {
    /** The checkout's root: the directory holding both the ops script and the parent pom. */
    static Path repoRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("ops")) && Files.isRegularFile(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no directory holding ops and pom.xml above " + System.getProperty("user.dir"));
        }
        return dir;
    }

    @Test
    void theCommittedReferenceIsTheOneTheModelGenerates() throws IOException {
        String generated = AssetReference.markdown();
        Path doc = repoRoot().resolve(AssetReference.FILE);
        if ("true".equals(System.getProperty("ops.docs.write"))) {
            Files.createDirectories(doc.getParent());
            Files.writeString(doc, generated);
            return;
        }
        Path out = Path.of("target", "assets.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, generated);
        String committed = Files.isRegularFile(doc) ? Files.readString(doc) : "";
        if (!committed.equals(generated)) {
            fail(AssetReference.FILE + " is out of date — run ./ops docs (generated: " + out.toAbsolutePath() + ")");
        }
    }

    @Test
    void everyDeclaredFieldHasItsRowUnderItsType() {
        String md = AssetReference.markdown();
        List<String> missing = new ArrayList<>();
        AssetType[] types = AssetType.values();
        for (int i = 0; i < types.length; i++) {
            int from = md.indexOf("\n## " + types[i].wireName() + "\n");
            int to = i + 1 < types.length ? md.indexOf("\n## " + types[i + 1].wireName() + "\n") : md.length();
            assertTrue(from >= 0 && to > from, "no section for " + types[i].wireName());
            String section = md.substring(from, to);
            for (String path : AssetModel.paths(types[i])) {
                if (!section.contains("\n| `" + path + "` | ")) {
                    missing.add(types[i].wireName() + ": " + path);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theReferenceSaysWhereItComesFromAndIsStable() {
        String md = AssetReference.markdown();
        assertTrue(md.startsWith("# Asset reference\n\nGenerated from the typed asset model the asset validator uses"),
                md.substring(0, Math.min(200, md.length())));
        assertTrue(md.contains("./ops docs"), "says how to regenerate");
        assertTrue(md.contains("| `budget.max_depth` | integer | no | `3` | >= 1 | "), "policy's max_depth row");
        assertTrue(md.contains("| `queries[].language` | string | yes | — | one of `sql`, `cypher`, `redis`, `search` | "),
                "query's language row");
        assertEquals(md, AssetReference.markdown());
    }
}
