package dev.opsuite.estate.demo;

import static dev.opsuite.estate.demo.DemoNames.BUSAN;
import static dev.opsuite.estate.demo.DemoNames.SEOUL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The CIs of the demo estate: two data centres, ~310 CIs in layers (service → app → vm → server,
 * database → server, storage, network, load balancers). Deterministic for a seed.
 */
final class DemoCatalog {
    static final int SERVERS = 60;
    static final int DB_SERVERS_PER_DC = 10; // the last 10 servers of each DC host databases
    static final int APPS_WITH_TWO_VMS = 50;
    static final String SPIKE_SERVER = "SVR007";
    static final String LEAKING_VM = "VM0012";
    static final String FAILING_DB = "DB003";

    final List<DemoCi> cis = new ArrayList<>();
    final Map<String, String> codeByName = new LinkedHashMap<>();
    /** VM code → code of the app running on it. */
    final Map<String, String> appOfVm = new LinkedHashMap<>();
    /** VM/DB code → host server code. */
    final Map<String, String> hostOf = new LinkedHashMap<>();
    final List<String> appNames = new ArrayList<>();
    private final Random rnd;

    DemoCatalog(long seed) {
        this.rnd = new Random(seed);
        servers();
        vms();
        databases();
        apps();
        services();
        edgeDevices();
    }

    String code(String name) {
        String code = codeByName.get(name);
        if (code == null) {
            throw new IllegalStateException("no demo CI named " + name);
        }
        return code;
    }

    DemoCi ci(String code) {
        return cis.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    private void servers() {
        for (int i = 1; i <= SERVERS; i++) {
            boolean seoul = i <= SERVERS / 2;
            int n = seoul ? i : i - SERVERS / 2;
            String aliases = i <= 26 ? "서버" + (char) ('A' + i - 1) + "|server-" + (char) ('a' + i - 1) : null;
            Map<String, String> attrs = attrs("ip_address", ip(seoul ? 10 : 20, 1, i),
                    "os", i % 3 == 0 ? "Ubuntu 22.04" : "Rocky Linux 9.4", "vendor", i % 2 == 0 ? "Dell" : "HPE",
                    "cpu_cores", i % 4 == 0 ? "64" : "32", "memory_gb", i % 4 == 0 ? "512" : "256");
            String code = String.format("SVR%03d", i);
            add(code, String.format("srv-%s-%02d", seoul ? "seoul" : "busan", n), "server",
                    status("prod", code), "prod", seoul ? SEOUL : BUSAN, "infra-team", aliases, attrs);
        }
    }

    /** VM-hosting servers of a DC: the first 20 of its 30. */
    private String vmHost(boolean seoul, int k) {
        int first = seoul ? 1 : SERVERS / 2 + 1;
        return String.format("SVR%03d", first + k % (SERVERS / 2 - DB_SERVERS_PER_DC));
    }

    private void vms() {
        int vm = 0;
        int seoulHosts = 0;
        int busanHosts = 0;
        List<String> apps = allAppNames();
        for (int a = 0; a < apps.size(); a++) {
            int replicas = a < APPS_WITH_TWO_VMS ? 2 : 1;
            for (int r = 1; r <= replicas; r++) {
                vm++;
                boolean seoul = r == 1; // replicas spread across the two DCs
                String host = vmHost(seoul, seoul ? seoulHosts++ : busanHosts++);
                String code = String.format("VM%04d", vm);
                String env = envOfApp(a);
                add(code, String.format("vm-%s-%02d", apps.get(a), r), "vm", status(env, code), env,
                        seoul ? SEOUL : BUSAN, DemoNames.teamOf(domainOfApp(a)), null,
                        attrs("ip_address", ip(seoul ? 10 : 20, 10 + vm / 200, vm % 200 + 10),
                                "os", "Ubuntu 22.04", "cpu_cores", vm % 3 == 0 ? "8" : "4",
                                "memory_gb", vm % 3 == 0 ? "32" : "16"));
                appOfVm.put(code, String.format("APP%03d", a + 1));
                hostOf.put(code, host);
            }
        }
    }

    private void databases() {
        for (int d = 0; d < DemoNames.DATABASES.size(); d++) {
            String name = DemoNames.DATABASES.get(d);
            boolean seoul = d % 2 == 0;
            int first = seoul ? SERVERS / 2 - DB_SERVERS_PER_DC + 1 : SERVERS - DB_SERVERS_PER_DC + 1;
            String code = String.format("DB%03d", d + 1);
            String engine = name.contains("redis") ? "redis" : name.endsWith("-dw") ? "greenplum"
                    : d % 5 == 1 ? "mysql" : "postgresql";
            String status = code.equals(FAILING_DB) ? "error" : status("prod", code);
            add(code, name, "database", status, d >= 20 && d < 24 ? "stage" : "prod", seoul ? SEOUL : BUSAN,
                    "dba-team", DemoNames.DATABASE_ALIASES.get(name),
                    attrs("engine", engine, "version", engine.equals("redis") ? "7.2" : engine.equals("mysql")
                            ? "8.0.36" : "16.4", "ip_address", ip(seoul ? 10 : 20, 5, d + 10)));
            hostOf.put(code, String.format("SVR%03d", first + (d / 2) % DB_SERVERS_PER_DC));
        }
    }

    private void apps() {
        List<String> apps = allAppNames();
        for (int a = 0; a < apps.size(); a++) {
            String code = String.format("APP%03d", a + 1);
            String env = envOfApp(a);
            boolean critical = List.of("payment-api", "payment-worker", "refund-api", "settlement-batch")
                    .contains(apps.get(a));
            add(code, apps.get(a), "app", critical ? "running" : status(env, code), env,
                    a % 2 == 0 ? SEOUL : BUSAN, DemoNames.teamOf(domainOfApp(a)), null,
                    attrs("version", (2 + a % 3) + "." + (a * 7 % 20) + "." + (a % 9),
                            "language", a % 4 == 0 ? "go" : a % 5 == 0 ? "node" : "java",
                            "port", String.valueOf(8080 + a % 10)));
        }
        appNames.addAll(apps);
    }

    private void services() {
        for (int s = 0; s < DemoNames.DOMAINS.size(); s++) {
            String domain = DemoNames.DOMAINS.get(s);
            String ko = DemoNames.DOMAIN_KO.get(domain);
            add(String.format("SVC%03d", s + 1), domain, "service", "running", "prod", SEOUL,
                    DemoNames.teamOf(domain), ko + " 서비스|" + ko + "서비스|" + domain + " service",
                    attrs("tier", s < 6 ? "tier1" : "tier2", "sla", s < 6 ? "99.95" : "99.9"));
        }
    }

    private void edgeDevices() {
        for (int i = 1; i <= 8; i++) {
            boolean seoul = i <= 4;
            add(String.format("LB%02d", i), String.format("lb-%s-%02d", seoul ? "seoul" : "busan", seoul ? i : i - 4),
                    "load_balancer", status("prod", "LB"), "prod", seoul ? SEOUL : BUSAN, "network-team", null,
                    attrs("vendor", "F5", "ip_address", ip(seoul ? 10 : 20, 0, i)));
        }
        String[] kinds = {"core-sw", "core-sw", "tor-sw", "tor-sw", "tor-sw", "fw"};
        for (int i = 1; i <= 12; i++) {
            boolean seoul = i <= 6;
            int k = (i - 1) % 6;
            int n = k < 2 ? k + 1 : k < 5 ? k - 1 : 1;
            add(String.format("NET%02d", i), String.format("%s-%s-%02d", kinds[k], seoul ? "seoul" : "busan", n),
                    "network", "running", "prod", seoul ? SEOUL : BUSAN, "network-team", null,
                    attrs("vendor", k == 5 ? "Palo Alto" : "Arista", "ip_address", ip(seoul ? 10 : 20, 254, i)));
        }
        for (int i = 1; i <= 10; i++) {
            boolean seoul = i <= 5;
            add(String.format("STG%02d", i), String.format("san-%s-%02d", seoul ? "seoul" : "busan", seoul ? i : i - 5),
                    "storage", status("prod", "STG"), "prod", seoul ? SEOUL : BUSAN, "infra-team", null,
                    attrs("vendor", "NetApp", "capacity_tb", String.valueOf(100 + 20 * i)));
        }
    }

    static List<String> allAppNames() {
        List<String> apps = new ArrayList<>(DemoNames.PRIMARY_APPS);
        DemoNames.DOMAINS.forEach(d -> apps.add(d + "-worker"));
        apps.addAll(DemoNames.SHARED_APPS);
        return apps;
    }

    static String domainOfApp(int a) {
        return a < 40 ? DemoNames.DOMAINS.get(a % 20) : "platform";
    }

    /** Most apps are prod; a handful of the shared ones are stage or dev. */
    private static String envOfApp(int a) {
        return a >= 54 ? "dev" : a >= 48 ? "stage" : "prod";
    }

    /** Mostly running; a few stopped, in maintenance or in error (more of them outside prod). */
    private String status(String env, String code) {
        if (code.equals(SPIKE_SERVER) || code.equals(LEAKING_VM)) {
            return "running";
        }
        double r = rnd.nextDouble() * (env.equals("prod") ? 1.0 : 0.5);
        return r < 0.02 ? "stopped" : r < 0.045 ? "maintenance" : r < 0.06 ? "error" : "running";
    }

    private void add(String code, String name, String type, String status, String env, String location, String owner,
                     String aliases, Map<String, String> attributes) {
        cis.add(new DemoCi(code, name, type, status, env, location, owner, aliases, attributes));
        codeByName.put(name, code);
    }

    private static String ip(int a, int b, int c) {
        return "10." + a + "." + b + "." + c;
    }

    private static Map<String, String> attrs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
