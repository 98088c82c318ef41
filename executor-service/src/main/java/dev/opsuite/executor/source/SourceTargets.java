package dev.opsuite.executor.source;

import dev.opsuite.kit.config.Env;
import dev.opsuite.model.errors.OpsException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Where a Source may point (against SSRF through assets): every address a source's host resolves to
 * must be in OPS_SOURCE_HOSTS (host names, IPs, CIDRs, or "*"; default loopback only), and is never
 * link-local (169.254/16, fe80::/10 — cloud metadata lives there), a wildcard or multicast address,
 * a metadata host name, or one of the product's own ports (OPS_SOURCE_DENIED_PORTS). JDBC URLs are
 * parsed by the PostgreSQL driver itself, every host of a multi-host URL is checked, and URL
 * parameters that make the driver load a class or write a file are refused.
 */
public final class SourceTargets {
    private static final Set<String> METADATA_HOSTS = Set.of("metadata", "metadata.google.internal",
            "metadata.azure.com", "instance-data", "instance-data.ec2.internal");
    /** pgjdbc parameters that name a class to load or a file to write. */
    private static final Set<String> DANGEROUS_JDBC = Set.of("socketfactory", "socketfactoryarg", "sslfactory",
            "sslfactoryarg", "sslhostnameverifier", "sslpasswordcallback", "loggerfile", "loggerlevel",
            "authenticationpluginclassname", "sspiserviceclass");

    private record Rule(String host, byte[] network, int bits) {}

    private final List<Rule> allowed;
    private final boolean any;
    private final Set<Integer> deniedPorts;

    public SourceTargets(List<String> allowed, Set<Integer> deniedPorts) {
        this.any = allowed.contains("*");
        this.allowed = new ArrayList<>();
        for (String a : allowed) {
            if (!a.isBlank() && !a.equals("*")) {
                this.allowed.add(rule(a.trim()));
            }
        }
        this.deniedPorts = Set.copyOf(deniedPorts);
    }

    public static SourceTargets fromEnv(Env env) {
        Set<Integer> ports = new HashSet<>();
        for (String p : env.get("OPS_SOURCE_DENIED_PORTS", "").split(",")) {
            if (!p.isBlank()) {
                ports.add(Integer.parseInt(p.trim()));
            }
        }
        return new SourceTargets(List.of(env.get("OPS_SOURCE_HOSTS", "127.0.0.0/8,::1/128,localhost").split(",")), ports);
    }

    public static SourceTargets loopbackOnly() {
        return new SourceTargets(List.of("127.0.0.0/8", "::1/128", "localhost"), Set.of());
    }

    /** Refuses a JDBC URL whose hosts or parameters are not allowed. */
    public void checkJdbc(String source, String url) {
        Properties p = org.postgresql.Driver.parseURL(url, new Properties());
        if (p == null) {
            throw OpsException.invalid("source " + source + ": not a PostgreSQL JDBC URL");
        }
        for (String key : p.stringPropertyNames()) {
            if (DANGEROUS_JDBC.contains(key.toLowerCase(Locale.ROOT))) {
                throw OpsException.denied("source " + source + ": the connection parameter " + key + " is not allowed");
            }
        }
        String[] hosts = p.getProperty("PGHOST", "localhost").split(",");
        String[] ports = p.getProperty("PGPORT", "5432").split(",");
        for (int i = 0; i < hosts.length; i++) {
            check(source, hosts[i], Integer.parseInt(ports[Math.min(i, ports.length - 1)]));
        }
    }

    /** Refuses a bolt/neo4j URI whose host is not allowed. */
    public void checkUri(String source, String uri, int defaultPort) {
        URI u;
        try {
            u = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw OpsException.invalid("source " + source + ": the URI cannot be parsed");
        }
        if (u.getHost() == null) {
            throw OpsException.invalid("source " + source + ": the URI names no host");
        }
        check(source, u.getHost(), u.getPort() < 0 ? defaultPort : u.getPort());
    }

    /** Refuses a host:port the configuration does not allow (the message never echoes resolved addresses). */
    public void check(String source, String host, int port) {
        String h = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        if (METADATA_HOSTS.contains(h) || deniedPorts.contains(port)) {
            throw refused(source, host, port);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(h);
        } catch (UnknownHostException e) {
            throw OpsException.invalid("source " + source + ": host " + host + " does not resolve");
        }
        for (InetAddress a : addresses) {
            if (a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
                throw refused(source, host, port);
            }
            if (!any && allowed.stream().noneMatch(r -> matches(r, h, a))) {
                throw refused(source, host, port);
            }
        }
    }

    private static OpsException refused(String source, String host, int port) {
        return OpsException.denied("source " + source + ": " + host + ":" + port + " is not an allowed source address "
                + "(OPS_SOURCE_HOSTS; link-local, metadata and the product's own ports are never allowed)");
    }

    private static boolean matches(Rule r, String host, InetAddress a) {
        if (r.host() != null) {
            return r.host().equals(host);
        }
        byte[] b = a.getAddress();
        if (b.length != r.network().length) {
            return false;
        }
        int bits = r.bits();
        for (int i = 0; i < b.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((b[i] & mask) != (r.network()[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static Rule rule(String a) {
        String addr = a;
        int bits = -1;
        int slash = a.indexOf('/');
        if (slash > 0) {
            addr = a.substring(0, slash);
            bits = Integer.parseInt(a.substring(slash + 1));
        }
        boolean literal = addr.matches("[0-9.]+") || addr.contains(":");
        if (!literal) {
            return new Rule(addr.toLowerCase(Locale.ROOT), null, 0);
        }
        try {
            byte[] net = InetAddress.getByName(addr).getAddress();
            int max = net.length * 8;
            if (bits < 0) {
                bits = max;
            }
            if (bits > max) {
                throw new IllegalArgumentException("OPS_SOURCE_HOSTS: " + a + " has more than " + max + " prefix bits");
            }
            return new Rule(null, net, bits);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("OPS_SOURCE_HOSTS: " + a + " is not an address", e);
        }
    }
}
