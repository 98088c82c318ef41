package dev.opsuite.launcher;

import dev.opsuite.kit.config.Env;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * `./ops import DIR`: loads an estate directory into the product running at OPS_HTTP_PORT. A user's
 * mistake is one line on stderr and an exit code per kind — 2 usage, 3 nothing answers on the port,
 * 4 the directory holds no estate files, 1 a file was rejected — never a stack trace. A CSV file of
 * {@link #PROGRESS_FROM_BYTES} or more shows its progress on stderr while it uploads.
 */
public final class ImportCli {
    static final int USAGE = 2;
    static final int NOT_RUNNING = 3;
    static final int NO_FILES = 4;
    /** Files from this size on show their upload's progress on stderr (rows and MB per second, ETA). */
    static final long PROGRESS_FROM_BYTES = 8L << 20;

    private ImportCli() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, Env.system(), System.out, System.err));
    }

    static int run(String[] args, Env env, PrintStream out, PrintStream err) throws InterruptedException {
        if (args.length != 1) {
            err.println("usage: ops import DIR   (DIR holds cis.csv, relations.csv, metrics.csv, events.csv and/or a"
                    + " docs/ folder of Markdown or text documents)");
            return USAGE;
        }
        Path dir = Path.of(args[0]);
        if (!Files.isDirectory(dir)) {
            err.println("no directory " + dir + " — give the folder that holds cis.csv, relations.csv, metrics.csv, "
                    + "events.csv");
            return NO_FILES;
        }
        if (ImportClient.ORDER.stream().noneMatch(kind -> Files.isRegularFile(dir.resolve(kind + ".csv")))
                && !Files.isDirectory(dir.resolve(ImportClient.DOCS))) {
            err.println("no estate files in " + dir + ": expected cis.csv, relations.csv, metrics.csv, events.csv "
                    + "or a docs/ folder (see docs: README, \"Your own estate\", and docs/documents.md)");
            return NO_FILES;
        }
        int port = env.getInt("OPS_HTTP_PORT", 8080);
        List<ImportClient.Result> results;
        try {
            results = new ImportClient("127.0.0.1", port, CliAuth.token(env),
                    new UploadProgress(err, PROGRESS_FROM_BYTES, 1000, System.console() != null)).importDirectory(dir);
        } catch (ConnectException e) {
            err.println("nothing answers on 127.0.0.1:" + port + " — is ./ops up running? (OPS_HTTP_PORT)");
            return NOT_RUNNING;
        } catch (java.io.IOException e) {
            err.println("import failed: " + e.getMessage());
            return 1;
        }
        boolean ok = true;
        int docs = 0;
        int docsChanged = 0;
        for (ImportClient.Result r : results) {
            if (r.ok() && "document".equals(r.body().path("data").path("file_kind").asText())) {
                var d = r.body().path("data");
                docs++;
                docsChanged += d.path("rows_upserted").asLong() > 0 ? 1 : 0;
                out.printf("%-40s %,5d sections %s%n", r.file(), d.path("rows_read").asLong(),
                        d.path("rows_upserted").asLong() > 0 ? "indexed" : "unchanged");
            } else if (r.ok()) {
                var d = r.body().path("data");
                out.printf("%-16s %,12d rows read %,12d upserted  %,8d ms%n", r.file(), d.path("rows_read").asLong(),
                        d.path("rows_upserted").asLong(), d.path("duration_ms").asLong());
            } else {
                ok = false;
                err.printf("%-16s rejected (HTTP %d): %s%n", r.file(), r.status(),
                        r.body().path("message").asText(r.body().toString()));
            }
        }
        if (docs > 0) {
            out.printf("documents: %d imported, %d new or changed%n", docs, docsChanged);
        }
        return ok ? 0 : 1;
    }
}
