package dev.opsuite.guard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The guard of Query templates in {@code language: redis}: a template is one command, written as
 * whitespace-separated tokens (the command first, then its arguments), where {@code {name}} inside a
 * token is a plan parameter bound at run time ({@code HGETALL ci:{ci_code}:heartbeat}). The command
 * must be a literal on the read-only allowlist (optionally narrowed by the Policy); everything else —
 * writes, EVAL and scripts, CONFIG, KEYS, FLUSH*, MODULE, DEBUG, blocking reads — is refused, as is
 * a SCAN without a MATCH pattern and a literal COUNT of at most {@link #MAX_SCAN_COUNT}. The same
 * check runs in VALIDATE and again in EXECUTE before a command is sent.
 */
public final class RedisCommandGuard {
    /** The read-only commands a template may run (TS.* only where RedisTimeSeries is loaded). */
    public static final List<String> READ_COMMANDS = List.of("GET", "MGET", "HGET", "HGETALL", "SMEMBERS",
            "SISMEMBER", "ZRANGE", "ZRANGEBYSCORE", "ZREVRANGE", "LRANGE", "XRANGE", "XREVRANGE", "SCAN", "TTL",
            "TYPE", "EXISTS", "TS.RANGE", "TS.GET");
    /** The largest COUNT hint a SCAN template may give. */
    public static final int MAX_SCAN_COUNT = 1_000;
    /** The longest template, in characters, and the most tokens one may have. */
    static final int MAX_TEMPLATE_CHARS = 2_000;
    static final int MAX_TOKENS = 64;

    /** Why some families are refused; anything else off the allowlist is "not a read-only command". */
    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("EVAL", "runs a script"), Map.entry("EVALSHA", "runs a script"),
            Map.entry("EVAL_RO", "runs a script"), Map.entry("EVALSHA_RO", "runs a script"),
            Map.entry("FCALL", "runs a function"), Map.entry("FCALL_RO", "runs a function"),
            Map.entry("SCRIPT", "manages scripts"), Map.entry("FUNCTION", "manages functions"),
            Map.entry("CONFIG", "reads or changes the server configuration"),
            Map.entry("KEYS", "walks the whole keyspace in one blocking call (use SCAN with MATCH and COUNT)"),
            Map.entry("FLUSHALL", "deletes data"), Map.entry("FLUSHDB", "deletes data"),
            Map.entry("MODULE", "loads or lists server modules"), Map.entry("DEBUG", "is a server debugging command"),
            Map.entry("SHUTDOWN", "stops the server"), Map.entry("MONITOR", "streams every command"),
            Map.entry("SUBSCRIBE", "blocks on a channel"), Map.entry("PSUBSCRIBE", "blocks on a channel"),
            Map.entry("BLPOP", "blocks"), Map.entry("BRPOP", "blocks"), Map.entry("XREAD", "may block"),
            Map.entry("XREADGROUP", "writes consumer-group state"), Map.entry("MIGRATE", "moves data"),
            Map.entry("ACL", "manages users"), Map.entry("CLIENT", "manages connections"),
            Map.entry("REPLICAOF", "changes replication"), Map.entry("SLAVEOF", "changes replication"),
            Map.entry("SAVE", "writes to disk"), Map.entry("BGSAVE", "writes to disk"),
            Map.entry("BGREWRITEAOF", "writes to disk"), Map.entry("SELECT", "switches the database"));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*)}");
    private static final Pattern LITERAL_TOKEN = Pattern.compile("[\\x21-\\x7e&&[^\"'{}\\\\]]+");

    private RedisCommandGuard() {}

    /** A template split into its command (upper-cased) and argument tokens (placeholders unbound). */
    public record Parsed(String command, List<String> args) {}

    /** Splits a template; throws IllegalArgumentException (saying why) when it is not a well-formed one. */
    public static Parsed parse(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("the template is empty");
        }
        if (template.length() > MAX_TEMPLATE_CHARS) {
            throw new IllegalArgumentException("the template is longer than " + MAX_TEMPLATE_CHARS + " characters");
        }
        List<String> tokens = new ArrayList<>();
        for (String t : template.strip().split("[ \\t]+")) {
            String rest = PLACEHOLDER.matcher(t).replaceAll("");
            if (!rest.isEmpty() && !LITERAL_TOKEN.matcher(rest).matches()) {
                throw new IllegalArgumentException("token '" + printable(t) + "' has a character a template may not "
                        + "use (quotes, backslashes, braces outside {param}, control characters or non-ASCII)");
            }
            tokens.add(t);
        }
        if (tokens.size() > MAX_TOKENS) {
            throw new IllegalArgumentException("the template has more than " + MAX_TOKENS + " tokens");
        }
        return new Parsed(tokens.get(0).toUpperCase(Locale.ROOT), List.copyOf(tokens.subList(1, tokens.size())));
    }

    /**
     * Why the template may not run, or empty when it may.
     *
     * @param allowed the Policy's narrowed allowlist (upper-case); empty means {@link #READ_COMMANDS}
     */
    public static Optional<String> refusal(String template, Collection<String> allowed) {
        Parsed p;
        try {
            p = parse(template);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        String cmd = p.command();
        if (PLACEHOLDER.matcher(cmd).find() || cmd.contains("{")) {
            return Optional.of("the command itself may not be a parameter");
        }
        if (!READ_COMMANDS.contains(cmd)) {
            String why = FAMILIES.get(cmd);
            return Optional.of("command " + cmd + " is not on the read-only allowlist"
                    + (why == null ? "" : " (it " + why + ")"));
        }
        if (!allowed.isEmpty() && !allowed.contains(cmd)) {
            return Optional.of("command " + cmd + " is not allowed by the Policy (security.redis.allowed_commands "
                    + allowed + ")");
        }
        return argumentsProblem(cmd, p.args());
    }

    /** The fewest arguments each command takes (SCAN: cursor MATCH pattern COUNT n). */
    private static final Map<String, Integer> MIN_ARGS = Map.ofEntries(Map.entry("GET", 1), Map.entry("MGET", 1),
            Map.entry("HGET", 2), Map.entry("HGETALL", 1), Map.entry("SMEMBERS", 1), Map.entry("SISMEMBER", 2),
            Map.entry("ZRANGE", 3), Map.entry("ZRANGEBYSCORE", 3), Map.entry("ZREVRANGE", 3), Map.entry("LRANGE", 3),
            Map.entry("XRANGE", 3), Map.entry("XREVRANGE", 3), Map.entry("SCAN", 5), Map.entry("TTL", 1),
            Map.entry("TYPE", 1), Map.entry("EXISTS", 1), Map.entry("TS.RANGE", 3), Map.entry("TS.GET", 1));
    private static final Set<String> ONE_KEY = Set.of("GET", "HGETALL", "SMEMBERS", "TTL", "TYPE", "TS.GET");

    private static Optional<String> argumentsProblem(String cmd, List<String> args) {
        int min = MIN_ARGS.get(cmd);
        if (args.size() < min) {
            return Optional.of(cmd + " needs at least " + min + " argument(s)");
        }
        if (ONE_KEY.contains(cmd) && args.size() != 1) {
            return Optional.of(cmd + " takes exactly one key here");
        }
        if (Set.of("HGET", "SISMEMBER").contains(cmd) && args.size() != 2) {
            return Optional.of(cmd + " takes a key and one " + ("HGET".equals(cmd) ? "field" : "member"));
        }
        if ("SCAN".equals(cmd)) {
            return scanProblem(args);
        }
        return Optional.empty();
    }

    /** The arguments of a (bound) command that name keys: the policy's key patterns apply to these. */
    public static List<String> keys(String command, List<String> args) {
        if ("MGET".equals(command) || "EXISTS".equals(command)) {
            return args;
        }
        if ("SCAN".equals(command)) {
            for (int i = 1; i + 1 < args.size(); i += 2) {
                if ("MATCH".equalsIgnoreCase(args.get(i))) {
                    return List.of(args.get(i + 1));
                }
            }
            return List.of();
        }
        return args.isEmpty() ? List.of() : List.of(args.get(0));
    }

    /** SCAN cursor MATCH pattern COUNT n [TYPE t]: MATCH and a literal, capped COUNT are required. */
    private static Optional<String> scanProblem(List<String> args) {
        boolean match = false;
        Integer count = null;
        for (int i = 1; i < args.size(); i++) {
            String opt = args.get(i).toUpperCase(Locale.ROOT);
            if (i + 1 >= args.size()) {
                return Optional.of("SCAN option " + opt + " has no value");
            }
            String value = args.get(++i);
            switch (opt) {
                case "MATCH" -> {
                    match = true;
                    if (value.replace("*", "").replaceAll("\\{[a-z_0-9]+}", "").isEmpty()) {
                        return Optional.of("SCAN MATCH " + value + " matches every key: name a key prefix");
                    }
                }
                case "COUNT" -> {
                    try {
                        count = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        return Optional.of("SCAN COUNT must be a literal number (at most " + MAX_SCAN_COUNT + ")");
                    }
                }
                case "TYPE" -> { }
                default -> {
                    return Optional.of("SCAN option " + opt + " is not allowed (MATCH, COUNT, TYPE)");
                }
            }
        }
        if (!match || count == null) {
            return Optional.of("an unbounded SCAN: a SCAN template needs MATCH <pattern> and COUNT <n>");
        }
        if (count < 1 || count > MAX_SCAN_COUNT) {
            return Optional.of("SCAN COUNT " + count + " is outside 1.." + MAX_SCAN_COUNT);
        }
        return Optional.empty();
    }

    /** The names of the parameters a template uses, in order of first use. */
    public static List<String> parameters(String template) {
        List<String> out = new ArrayList<>();
        var m = PLACEHOLDER.matcher(template == null ? "" : template);
        while (m.find()) {
            if (!out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** Whether a key, after binding, falls under one of the Policy's key patterns (Redis glob syntax, * and ?). */
    public static boolean keyAllowed(String key, Collection<String> patterns) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (String p : patterns) {
            if (globMatches(p, key)) {
                return true;
            }
        }
        return false;
    }

    /** Linear-time glob: '*' any run, '?' one character, everything else literal. */
    static boolean globMatches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(40).forEach(c -> b.append(c < 0x20 || c == 0x7f ? "\\x" + Integer.toHexString(c)
                : Character.toString(c)));
        return b.toString();
    }
}
