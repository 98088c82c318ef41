package dev.opsuite.estate.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency graph of the demo estate, layered like a real one: service → app → vm → server,
 * app → database → server, storage hosts databases, servers and devices hang off the network.
 * App-to-app edges follow a fixed list that points only "downstream", so the graph is acyclic.
 */
final class DemoRelations {
    private static final List<String[]> APP_CALLS = List.of(
            new String[] {"checkout-api", "payment-api"}, new String[] {"checkout-api", "order-api"},
            new String[] {"checkout-api", "cart-api"}, new String[] {"checkout-api", "coupon-api"},
            new String[] {"order-api", "inventory-api"}, new String[] {"order-api", "pricing-engine"},
            new String[] {"payment-api", "fraud-detector"}, new String[] {"refund-api", "payment-api"},
            new String[] {"pricing-engine", "fx-rate-api"}, new String[] {"billing-api", "tax-calculator"},
            new String[] {"shipping-api", "address-validator"}, new String[] {"notification-worker", "email-sender"},
            new String[] {"notification-worker", "sms-sender"}, new String[] {"notification-worker", "push-sender"},
            new String[] {"api-gateway", "auth-service"}, new String[] {"web-frontend", "api-gateway"},
            new String[] {"mobile-bff", "api-gateway"}, new String[] {"partner-api", "auth-service"},
            new String[] {"catalog-api", "search-api"}, new String[] {"catalog-api", "image-resizer"});

    /** Apps that read or write the shared db-01..db-05 / caches besides their own database. */
    private static final Map<String, List<String>> SHARED_DB_USE = Map.ofEntries(
            Map.entry("order-api", List.of("db-01")), Map.entry("user-api", List.of("db-01")),
            Map.entry("catalog-api", List.of("db-01")), Map.entry("admin-web", List.of("db-01")),
            Map.entry("refund-api", List.of("payment-db")), Map.entry("settlement-batch", List.of("payment-db")),
            Map.entry("web-frontend", List.of("session-redis")), Map.entry("mobile-bff", List.of("session-redis")),
            Map.entry("session-cache", List.of("session-redis")), Map.entry("api-gateway", List.of("cache-redis-01")),
            Map.entry("config-server", List.of("db-01")), Map.entry("batch-scheduler", List.of("db-01")),
            Map.entry("fx-rate-api", List.of("db-01")), Map.entry("loyalty-api", List.of("db-02")),
            Map.entry("tax-calculator", List.of("db-02")), Map.entry("partner-api", List.of("db-03")),
            Map.entry("address-validator", List.of("db-03")), Map.entry("cms-api", List.of("db-04")),
            Map.entry("pricing-engine", List.of("db-05")), Map.entry("log-collector", List.of("log-db")),
            Map.entry("metrics-exporter", List.of("metrics-db")), Map.entry("audit-logger", List.of("audit-db")),
            Map.entry("email-sender", List.of("notification-db")), Map.entry("sms-sender", List.of("notification-db")),
            Map.entry("push-sender", List.of("notification-db")));

    private static final List<String> FRONTLINE_APPS = List.of("web-frontend", "mobile-bff", "api-gateway",
            "partner-api", "admin-web", "checkout-api", "payment-api", "order-api", "catalog-api", "search-api",
            "user-api", "cart-api", "review-api", "coupon-api", "cms-api", "loyalty-api");

    private DemoRelations() {}

    static List<DemoRelation> build(DemoCatalog c) {
        Set<DemoRelation> edges = new LinkedHashSet<>();
        // service → its apps (and every service authenticates through auth-service)
        for (int s = 0; s < DemoNames.DOMAINS.size(); s++) {
            String svc = String.format("SVC%03d", s + 1);
            String domain = DemoNames.DOMAINS.get(s);
            edges.add(dep(svc, c.code(DemoNames.PRIMARY_APPS.get(s))));
            edges.add(dep(svc, c.code(domain + "-worker")));
            if (!domain.equals("auth")) {
                edges.add(dep(svc, c.code("auth-service")));
            }
        }
        for (String app : List.of("cart-api", "payment-api", "order-api", "coupon-api")) {
            edges.add(dep("SVC003", c.code(app))); // checkout spans the purchase flow
        }
        // app → vm → server, database → server
        c.appOfVm.forEach((vm, app) -> edges.add(new DemoRelation(app, "RUNS_ON", vm)));
        c.hostOf.forEach((ci, server) -> edges.add(new DemoRelation(ci, "RUNS_ON", server)));
        // app → database
        for (int a = 0; a < 40; a++) {
            String app = c.appNames.get(a);
            edges.add(dep(c.code(app), c.code(DemoNames.DOMAIN_DB.get(DemoCatalog.domainOfApp(a)))));
        }
        SHARED_DB_USE.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                e.getValue().forEach(db -> edges.add(dep(c.code(e.getKey()), c.code(db)))));
        // app → app
        for (String[] call : APP_CALLS) {
            edges.add(dep(c.code(call[0]), c.code(call[1])));
        }
        // load balancer → frontline apps: 8 apps each, half of the list per LB pair
        for (int lb = 1; lb <= 8; lb++) {
            for (int k = 0; k < 8; k++) {
                String app = FRONTLINE_APPS.get(((lb - 1) % 2) * 8 + k);
                edges.add(new DemoRelation(String.format("LB%02d", lb), "CONNECTS_TO", c.code(app)));
            }
            edges.add(new DemoRelation(String.format("LB%02d", lb), "CONNECTS_TO", lb <= 4 ? "NET06" : "NET12"));
        }
        network(c, edges);
        // storage hosts the databases of its DC
        for (int d = 1; d <= DemoNames.DATABASES.size(); d++) {
            boolean seoul = (d - 1) % 2 == 0;
            int stg = (seoul ? 1 : 6) + ((d - 1) / 2) % 5;
            edges.add(new DemoRelation(String.format("STG%02d", stg), "HOSTS", String.format("DB%03d", d)));
        }
        return new ArrayList<>(edges);
    }

    /** Per DC: NET 1-2 core, 3-5 top-of-rack, 6 firewall (offset 6 for Busan). */
    private static void network(DemoCatalog c, Set<DemoRelation> edges) {
        for (int i = 1; i <= DemoCatalog.SERVERS; i++) {
            int base = i <= DemoCatalog.SERVERS / 2 ? 0 : 6;
            String server = String.format("SVR%03d", i);
            edges.add(new DemoRelation(server, "CONNECTS_TO", String.format("NET%02d", base + 3 + i % 3)));
            edges.add(new DemoRelation(server, "CONNECTS_TO", String.format("NET%02d", base + 3 + (i + 1) % 3)));
        }
        for (int base : new int[] {0, 6}) {
            for (int tor = 3; tor <= 6; tor++) { // ToRs and the firewall uplink to both cores
                edges.add(new DemoRelation(String.format("NET%02d", base + tor), "CONNECTS_TO",
                        String.format("NET%02d", base + 1)));
                edges.add(new DemoRelation(String.format("NET%02d", base + tor), "CONNECTS_TO",
                        String.format("NET%02d", base + 2)));
            }
        }
        for (int s = 1; s <= 10; s++) {
            edges.add(new DemoRelation(String.format("STG%02d", s), "CONNECTS_TO", s <= 5 ? "NET01" : "NET07"));
        }
    }

    private static DemoRelation dep(String source, String target) {
        return new DemoRelation(source, "DEPENDS_ON", target);
    }
}
