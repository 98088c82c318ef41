package dev.opsuite.launcher;

import dev.opsuite.kit.config.Env;
import java.nio.file.Path;
import java.util.List;

/** `./ops import DIR`: loads an estate directory into the product running at OPS_HTTP_PORT. */
public final class ImportCli {
    private ImportCli() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ops import DIR   (DIR holds cis.csv, relations.csv, metrics.csv, events.csv)");
            System.exit(2);
        }
        Env env = Env.system();
        int port = env.getInt("OPS_HTTP_PORT", 8080);
        List<ImportClient.Result> results = new ImportClient("127.0.0.1", port, CliAuth.token(env)).importDirectory(Path.of(args[0]));
        boolean ok = true;
        for (ImportClient.Result r : results) {
            if (r.ok()) {
                var d = r.body().path("data");
                System.out.printf("%-16s %,12d rows read %,12d upserted  %,8d ms%n", r.file(), d.path("rows_read").asLong(),
                        d.path("rows_upserted").asLong(), d.path("duration_ms").asLong());
            } else {
                ok = false;
                System.err.printf("%-16s rejected (HTTP %d): %s%n", r.file(), r.status(),
                        r.body().path("message").asText(r.body().toString()));
            }
        }
        System.exit(ok ? 0 : 1);
    }
}
