package dev.opsuite.trace.domain.validation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * source: literal connection values that end up in a JDBC URL or Bolt URI are plain (no URL
 * parameters), and secrets are only ever named (resolved at run time), never stored, anywhere.
 */
final class SourceRules implements ContentRules {
    private static final Set<String> SECRET_KEYS = Set.of("password", "secret", "token", "api_key");

    @Override
    public void check(Node root) {
        boolean redis = root.string("type", false).map("redis"::equals).orElse(false);
        root.object("connection", false).ifPresent(c -> connection(c, redis));
        if (root.string("type", false).map("documents"::equals).orElse(false)) {
            String collection = root.object("connection", false).flatMap(c -> c.string("collection", false)).orElse("");
            if (!collection.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
                root.problems().add(root.path() + ".connection.collection", "a documents source names its collection: "
                        + "1-64 lower-case letters, digits, '_' or '-'");
            }
            root.object("connection", false).ifPresent(c -> c.string("table", false).ifPresent(t -> {
                if (dev.opsuite.guard.DocSearchGuard.tableStatement(t).isEmpty()) {
                    c.problems().add(c.pathOf("table"), "must be a table name (name or schema.name)");
                }
                if (c.string("from_source", false).orElse("").isBlank()) {
                    c.problems().add(c.pathOf("from_source"), "is required with a table: the postgres source to read it through");
                }
            }));
        }
        root.object("search", false).ifPresent(search -> {
            if (!root.string("type", false).map("documents"::equals).orElse(false)) {
                search.problems().add(search.path(), "is read by a documents source only");
            }
            synonyms(search);
        });
        secrets(root.map(), root.path(), root.problems());
    }

    /** search.synonyms: bounded, each rule "a, b, c" (two words at least) or "a, b => c" (words on both sides). */
    private static void synonyms(Node search) {
        List<String> rules = search.strings("synonyms", false);
        String at = search.pathOf("synonyms");
        if (rules.size() > dev.opsuite.model.asset.SourceAsset.Search.MAX_SYNONYM_RULES) {
            search.problems().add(at, "at most " + dev.opsuite.model.asset.SourceAsset.Search.MAX_SYNONYM_RULES
                    + " rules");
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            String rule = rules.get(i);
            String problem = synonymProblem(rule);
            if (problem != null) {
                search.problems().add(at + "[" + i + "]", problem);
            }
        }
    }

    static String synonymProblem(String rule) {
        if (rule.length() > dev.opsuite.model.asset.SourceAsset.Search.MAX_SYNONYM_RULE_CHARS) {
            return "a rule is at most " + dev.opsuite.model.asset.SourceAsset.Search.MAX_SYNONYM_RULE_CHARS
                    + " characters";
        }
        if (rule.contains("\\") || rule.contains("\n")) {
            return "no backslash or line break in a rule";
        }
        String[] sides = rule.split("=>", -1);
        if (sides.length > 2) {
            return "at most one '=>' in a rule";
        }
        for (String side : sides) {
            for (String word : side.split(",", -1)) {
                if (word.isBlank()) {
                    return "an empty word: words are separated by single commas (\"cert, certificate\")";
                }
            }
        }
        if (sides.length == 1 && sides[0].split(",").length < 2) {
            return "an equivalence names two words at least (\"cert, certificate\"), or maps with '=>'";
        }
        return null;
    }

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}|\\[[0-9A-Fa-f:]{2,45}\\]");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}");
    // no query string: JDBC/Bolt URL parameters (socketFactory, sslfactory…) could load classes or
    // change security settings, and connection details are an asset author's, not a code author's
    private static final Pattern JDBC_URL = Pattern.compile(
            "jdbc:postgresql://[A-Za-z0-9._\\[\\]:-]{1,300}(/[A-Za-z0-9_][A-Za-z0-9_.-]{0,62})?");
    private static final Pattern BOLT_URI = Pattern.compile(
            "(bolt|neo4j)(\\+s|\\+ssc)?://[A-Za-z0-9._\\[\\]:-]{1,300}");
    /** No user or password in a Redis URI either: they are given by reference (user_ref, password_ref). */
    private static final Pattern REDIS_URI = Pattern.compile("rediss?://[A-Za-z0-9._\\[\\]:-]{1,300}(/[0-9]{1,2})?");

    /** Literal connection values end up in a JDBC URL or Bolt URI: only plain host, port, database. */
    private static void connection(Node c, boolean redis) {
        c.string("host", false).ifPresent(h -> {
            if (!HOST.matcher(h).matches()) {
                c.problems().add(c.pathOf("host"), "must be a host name or IP address");
            }
        });
        if (c.has("port")) {
            Object port = c.map().get("port"); // a number, or digits as text (as the user guide writes it)
            String text = port instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    ? Long.toString(n.longValue()) : String.valueOf(port);
            if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
                c.problems().add(c.pathOf("port"), "must be a port number (1-65535)");
            }
        }
        if (c.map().get("database") instanceof Number n) { // a Redis database index
            if (n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < 0 || n.intValue() > 15) {
                c.problems().add(c.pathOf("database"), "must be a database index (0-15)");
            }
        } else c.string("database", false).ifPresent(d -> {
            if (!DATABASE.matcher(d).matches()) {
                c.problems().add(c.pathOf("database"), "must be a plain database name");
            }
        });
        c.string("url", false).ifPresent(u -> {
            if (!JDBC_URL.matcher(u).matches()) {
                c.problems().add(c.pathOf("url"), "must be jdbc:postgresql://host[:port][/database] without parameters");
            }
        });
        tls(c, redis);
        c.string("uri", false).ifPresent(u -> {
            if (redis && !REDIS_URI.matcher(u).matches()) {
                c.problems().add(c.pathOf("uri"), "must be redis:// or rediss:// host[:port][/database] without a user, "
                        + "password or parameters");
            } else if (!redis && !BOLT_URI.matcher(u).matches()) {
                c.problems().add(c.pathOf("uri"), "must be bolt:// or neo4j:// (+s, +ssc) host[:port] without parameters");
            }
        });
    }

    /**
     * Redis TLS members: the CA and the client certificate and key only by reference, the certificate
     * and its key together, and only where TLS is on — any of them on a plain connection means its
     * author believes it is encrypted.
     */
    private static void tls(Node c, boolean redis) {
        Map<String, ?> m = c.map();
        if (m.containsKey("tls_ca")) {
            c.problems().add(c.pathOf("tls_ca"), "a CA certificate is given by reference: tls_ca_ref naming a secret "
                    + "that holds the PEM");
        }
        for (String literal : List.of("tls_cert", "tls_key")) {
            if (m.containsKey(literal)) {
                c.problems().add(c.pathOf(literal), "a client " + (literal.equals("tls_key") ? "key" : "certificate")
                        + " is given by reference: " + literal + "_ref naming a secret that holds the PEM");
            }
        }
        if (m.containsKey("tls_cert_ref") != m.containsKey("tls_key_ref")) {
            String missing = m.containsKey("tls_cert_ref") ? "tls_key_ref" : "tls_cert_ref";
            c.problems().add(c.pathOf(missing), "is required with " + (missing.equals("tls_key_ref") ? "tls_cert_ref"
                    : "tls_key_ref") + ": a client certificate and its key go together (give both, or neither)");
        }
        Object verify = m.get("tls_verify_hostname");
        if (verify instanceof String s && !s.equals("true") && !s.equals("false")) {
            c.problems().add(c.pathOf("tls_verify_hostname"), "must be true or false");
        }
        for (String key : List.of("tls_ca_ref", "tls_cert_ref", "tls_key_ref", "tls_verify_hostname")) {
            if (!m.containsKey(key)) {
                continue;
            }
            boolean tlsOn = "true".equals(String.valueOf(m.get("tls"))) || m.containsKey("uri_ref")
                    || String.valueOf(m.get("uri")).startsWith("rediss://");
            if (!redis) {
                c.problems().add(c.pathOf(key), "is read by a redis source only");
            } else if (!tlsOn) {
                c.problems().add(c.pathOf(key), "is only read with TLS: set tls true or use a rediss:// URI");
            }
        }
    }

    /** Anywhere in the content: *_ref names a secret; a plain secret key is refused. */
    private static void secrets(Object value, String path, Problems problems) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                String key = String.valueOf(k);
                String at = path + "." + key;
                if (key.endsWith("_ref")) {
                    if (!(v instanceof String s) || s.isBlank()) {
                        problems.add(at, "must be a string naming a secret");
                    }
                } else if (SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
                    problems.add(at, "secrets by reference only; use " + key + "_ref naming a secret");
                } else {
                    secrets(v, at, problems);
                }
            });
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                secrets(l.get(i), path + "[" + i + "]", problems);
            }
        }
    }
}
