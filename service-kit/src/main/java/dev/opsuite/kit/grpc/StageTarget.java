package dev.opsuite.kit.grpc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a stage service is: one {@code host:port}, several replicas as a comma-separated
 * {@code host:port} list, or {@code dns:///name:port} (every address the name resolves to is a
 * replica, re-resolved when a replica is lost). Parsed once when a setting is read, so a bad target
 * stops the start with a message that names the variable instead of failing on the first call.
 */
public record StageTarget(String text, Kind kind, List<Endpoint> endpoints) {
    /** At most this many replicas in a list (a target is typed by hand; a longer list is a mistake). */
    public static final int MAX_ENDPOINTS = 64;

    public enum Kind {
        /** one host:port; a name that resolves to several addresses balances over them */
        SINGLE,
        /** host:port,host:port,… */
        LIST,
        /** dns:///name:port */
        DNS
    }

    /** One replica: a host (name, IPv4, or IPv6 without brackets) and a port. */
    public record Endpoint(String host, int port) {
        /** host:port as an authority (IPv6 in brackets). */
        public String authority() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public StageTarget {
        endpoints = List.copyOf(endpoints);
    }

    /** True when the target names more than one replica by itself (a list); a DNS name may still resolve to many. */
    public boolean isList() {
        return kind == Kind.LIST;
    }

    /**
     * Reads {@code value} of the setting {@code variable}.
     *
     * @throws IllegalArgumentException naming the variable, the value and what is expected
     */
    public static StageTarget parse(String variable, String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            throw bad(variable, value, "it is empty");
        }
        if (text.regionMatches(true, 0, "dns:", 0, 4)) {
            if (!text.toLowerCase(Locale.ROOT).startsWith("dns:///")) {
                throw bad(variable, value, "a DNS target is written dns:///name:port (no DNS server part)");
            }
            Endpoint e = endpoint(variable, value, text.substring("dns:///".length()));
            return new StageTarget("dns:///" + e.authority(), Kind.DNS, List.of(e));
        }
        if (text.contains("://") || text.regionMatches(true, 0, "unix:", 0, 5)) {
            throw bad(variable, value, "only host:port, a comma-separated host:port list, or dns:///name:port is accepted");
        }
        String[] parts = text.split(",", -1);
        if (parts.length > MAX_ENDPOINTS) {
            throw bad(variable, value, "more than " + MAX_ENDPOINTS + " replicas");
        }
        Set<Endpoint> seen = new LinkedHashSet<>();
        for (String part : parts) {
            Endpoint e = endpoint(variable, value, part.trim());
            if (!seen.add(e)) {
                throw bad(variable, value, e.authority() + " is listed twice");
            }
        }
        List<Endpoint> list = new ArrayList<>(seen);
        return list.size() == 1
                ? new StageTarget(list.get(0).authority(), Kind.SINGLE, list)
                : new StageTarget(String.join(",", list.stream().map(Endpoint::authority).toList()), Kind.LIST, list);
    }

    /** {@link #parse} for a setting that may be unset. */
    public static java.util.Optional<String> check(String variable, java.util.Optional<String> value) {
        return value.filter(v -> !v.isBlank()).map(v -> parse(variable, v).text());
    }

    private static Endpoint endpoint(String variable, String value, String hostPort) {
        if (hostPort.isEmpty()) {
            throw bad(variable, value, "an entry is empty (a stray comma?)");
        }
        String host;
        String port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0 || close + 1 >= hostPort.length() || hostPort.charAt(close + 1) != ':') {
                throw bad(variable, value, "'" + hostPort + "' is not [ipv6]:port");
            }
            host = hostPort.substring(1, close);
            port = hostPort.substring(close + 2);
        } else {
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0 || hostPort.indexOf(':') != colon) {
                throw bad(variable, value, "'" + hostPort + "' is not host:port (an IPv6 address goes in brackets)");
            }
            host = hostPort.substring(0, colon);
            port = hostPort.substring(colon + 1);
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
            throw bad(variable, value, "'" + host + "' is not a host name or address");
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw bad(variable, value, "the port of '" + hostPort + "' is not a number");
        }
        if (p < 1 || p > 65535) {
            throw bad(variable, value, "the port of '" + hostPort + "' is not within 1–65535");
        }
        return new Endpoint(host, p);
    }

    private static IllegalArgumentException bad(String variable, String value, String why) {
        return new IllegalArgumentException(variable + "='" + value + "' is not a stage target: " + why
                + " (expected host:port, host:port,host:port,… for replicas, or dns:///name:port)");
    }
}
