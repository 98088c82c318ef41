package dev.opsuite.neo4j;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options of {@link Neo4jServerMain}.
 *
 * <pre>
 *   --data-dir DIR        Neo4j home: data/, logs/ and neo4j.pid live here (required)
 *   --bolt-port PORT      Bolt port on 127.0.0.1 (required, 1..65535)
 *   --password-file FILE  the password of user neo4j (auth is on; required)
 *   --page-cache SIZE     page cache, Neo4j byte syntax such as 64m or 1g (default 64m)
 *   --ignore-stdin        do not exit on stdin EOF (for runs without a parent holding the pipe)
 * </pre>
 */
record Neo4jServerOptions(Path dataDir, int boltPort, Path passwordFile, String pageCache, boolean exitOnStdinEof) {

    static final String DEFAULT_PAGE_CACHE = "64m";

    static Neo4jServerOptions parse(List<String> args) {
        Path dataDir = null;
        int boltPort = -1;
        Path passwordFile = null;
        String pageCache = DEFAULT_PAGE_CACHE;
        boolean exitOnStdinEof = true;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--data-dir" -> dataDir = Path.of(valueAfter(args, i++)).toAbsolutePath();
                case "--bolt-port" -> boltPort = parsePort(valueAfter(args, i++));
                case "--password-file" -> passwordFile = Path.of(valueAfter(args, i++)).toAbsolutePath();
                case "--page-cache" -> pageCache = valueAfter(args, i++);
                case "--ignore-stdin" -> exitOnStdinEof = false;
                default -> throw new IllegalArgumentException("unknown argument: " + arg + "\n" + usage());
            }
        }
        if (dataDir == null || boltPort < 0 || passwordFile == null) {
            throw new IllegalArgumentException("--data-dir, --bolt-port and --password-file are required\n" + usage());
        }
        return new Neo4jServerOptions(dataDir, boltPort, passwordFile, pageCache, exitOnStdinEof);
    }

    static String usage() {
        return "usage: Neo4jServerMain --data-dir DIR --bolt-port PORT --password-file FILE [--page-cache 64m] "
                + "[--ignore-stdin]";
    }

    private static String valueAfter(List<String> args, int flagIndex) {
        if (flagIndex + 1 >= args.size()) {
            throw new IllegalArgumentException(args.get(flagIndex) + " needs a value\n" + usage());
        }
        return args.get(flagIndex + 1);
    }

    private static int parsePort(String text) {
        int port = Integer.parseInt(text);
        // port 0 would make Neo4j pick one, but then the READY line could not name it without internals
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--bolt-port must be 1..65535, got " + text);
        }
        return port;
    }
}
