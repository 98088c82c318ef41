package dev.opsuite.guard;

import dev.opsuite.model.asset.PolicyRedis;
import dev.opsuite.model.errors.OpsException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a redis template's {@code {param}} marks to plan values and checks the result against the
 * Policy, in VALIDATE and again in EXECUTE. A bound value never widens or adds anything: it is one
 * value of a safe alphabet (letters, digits and {@code . _ - : @ / +}), so a CI "code" holding a glob
 * character ({@code * ? [ ]}), a brace, a quote, a space, CR or LF is refused, never escaped; the
 * command keeps its template's shape, and each token goes to the server as its own bulk string.
 * A list value (e.g. {@code ci_codes}) expands its token into one argument per element. A time binds
 * as epoch seconds (sorted-set scores), except where the command reads milliseconds: RedisTimeSeries
 * timestamps (TS.RANGE) and stream ids (XRANGE, XREVRANGE) — seconds there would read as a moment of
 * January 1970 and the range would silently start at the first sample.
 */
public final class RedisTemplates {
    /** The longest value one parameter may bind into a token. */
    public static final int MAX_VALUE_CHARS = 200;
    private static final Pattern MARK = Pattern.compile("\\{([a-z_][a-z0-9_]*)}");
    /** Commands whose time arguments are epoch milliseconds. */
    static final java.util.Set<String> MILLISECOND_TIMES = java.util.Set.of("TS.RANGE", "XRANGE", "XREVRANGE");
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._:@/+-]{1," + MAX_VALUE_CHARS + "}");

    private RedisTemplates() {}

    /** A command ready to send: the command name and its arguments, exactly as they will go out. */
    public record Bound(String command, List<String> args) {
        /** The command as a redis-cli line, for the trace (arguments quoted only when needed). */
        public String display() {
            StringBuilder b = new StringBuilder(command);
            for (String a : args) {
                b.append(' ').append(a.isEmpty() || a.chars().anyMatch(c -> c <= ' ' || c == '"') ? '"' + a
                        .replace("\\", "\\\\").replace("\"", "\\\"") + '"' : a);
            }
            return b.toString();
        }
    }

    /** Why the template may not run for these roles (VALIDATE: before any value is bound), or empty. */
    public static Optional<String> refusal(String template, PolicyRedis policy, List<String> roles) {
        PolicyRedis.Effective eff = policy.forRoles(roles);
        if (eff.nothing()) {
            return Optional.of("the Policy allows roles " + roles + " no Redis command (security.redis.roles)");
        }
        Optional<String> r = RedisCommandGuard.refusal(template, eff.commands());
        if (r.isPresent()) {
            return r;
        }
        RedisCommandGuard.Parsed p = RedisCommandGuard.parse(template);
        for (String key : RedisCommandGuard.keys(p.command(), p.args())) {
            if (!MARK.matcher(key).find()) { // a literal key is checked now; a bound one when it is bound
                Optional<String> k = keyProblem(key, eff);
                if (k.isPresent()) {
                    return k;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Checks the template for these roles, binds every mark from {@code params} and checks the bound
     * keys: at most {@code maxKeys}, each under the Policy's key patterns.
     *
     * @throws OpsException POLICY_DENIED for a refused command or key, INVALID_ARGUMENT for a value
     *                      that is unset or not of the safe alphabet
     */
    public static Bound bind(String template, Map<String, Object> params, PolicyRedis policy, List<String> roles,
                             int maxKeys) {
        Optional<String> refused = refusal(template, policy, roles);
        if (refused.isPresent()) {
            throw OpsException.denied("redis template refused: " + refused.get());
        }
        RedisCommandGuard.Parsed p = RedisCommandGuard.parse(template);
        List<String> args = new ArrayList<>();
        for (String token : p.args()) {
            args.addAll(bindToken(token, params, MILLISECOND_TIMES.contains(p.command())));
        }
        List<String> keys = RedisCommandGuard.keys(p.command(), args);
        if (keys.size() > maxKeys) {
            throw OpsException.denied("redis: " + p.command() + " would name " + keys.size()
                    + " keys, more than the source's max_keys " + maxKeys);
        }
        PolicyRedis.Effective eff = policy.forRoles(roles);
        for (String key : keys) {
            keyProblem(key, eff).ifPresent(k -> {
                throw OpsException.denied("redis: " + k);
            });
        }
        return new Bound(p.command(), List.copyOf(args));
    }

    private static List<String> bindToken(String token, Map<String, Object> params, boolean millis) {
        Matcher m = MARK.matcher(token);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        if (names.isEmpty()) {
            return List.of(token);
        }
        String listParam = null;
        for (String n : names) {
            if (params.get(n) instanceof Collection<?>) {
                if (listParam != null) {
                    throw OpsException.invalid("redis: token " + token + " binds two lists");
                }
                listParam = n;
            }
        }
        if (listParam == null) {
            return List.of(fill(token, params, null, null, millis));
        }
        List<String> out = new ArrayList<>();
        for (Object element : (Collection<?>) params.get(listParam)) {
            out.add(fill(token, params, listParam, element, millis));
        }
        return out;
    }

    private static String fill(String token, Map<String, Object> params, String listParam, Object element,
                               boolean millis) {
        Matcher m = MARK.matcher(token);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object v = name.equals(listParam) ? element : params.get(name);
            m.appendReplacement(b, Matcher.quoteReplacement(value(name, v, millis)));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** One value as it goes into a token: times as epoch seconds (milliseconds: {@code millis}), whole numbers without ".0". */
    static String value(String name, Object v, boolean millis) {
        String s;
        if (v == null || v instanceof String str && str.isEmpty()) {
            throw OpsException.invalid("redis: parameter " + name + " is not set");
        } else if (v instanceof OffsetDateTime t) {
            s = Long.toString(millis ? t.toInstant().toEpochMilli() : t.toEpochSecond());
        } else if (v instanceof Instant t) {
            s = Long.toString(millis ? t.toEpochMilli() : t.getEpochSecond());
        } else if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            s = Long.toString(d.longValue());
        } else {
            s = String.valueOf(v);
        }
        if (!SAFE_VALUE.matcher(s).matches()) {
            throw OpsException.invalid("redis: the value of parameter " + name + " is not a plain name (letters, "
                    + "digits and . _ - : @ / + only, at most " + MAX_VALUE_CHARS + "): refused, never escaped");
        }
        return s;
    }

    private static Optional<String> keyProblem(String key, PolicyRedis.Effective eff) {
        for (List<String> set : eff.keyPatternSets()) {
            if (!RedisCommandGuard.keyAllowed(key, set)) {
                return Optional.of("key " + key + " is outside the Policy's key patterns " + set);
            }
        }
        return Optional.empty();
    }
}
