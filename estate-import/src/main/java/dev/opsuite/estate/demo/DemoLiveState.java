package dev.opsuite.estate.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo estate's live state, as operators keep it in Redis: a heartbeat of every server (the
 * running ones beat every few seconds; a stopped, errored or maintenance server stopped beating a
 * while ago), the alerts still open at the end of the window (the same CIs and titles as events.csv),
 * and the queue depth of the apps that have a queue. Pure data: the launcher writes it, under the
 * key names below, which the default Query asset reads.
 */
public final class DemoLiveState {
    /** ZSET per CI type (heartbeat:<ci_type>:last_seen): member = CI code, score = epoch seconds of its last heartbeat. */
    public static final String HEARTBEATS = "heartbeat:server:last_seen";
    /** HASH per server: last_seen (epoch s), status, agent. */
    public static final String HEARTBEAT_KEY = "ci:%s:heartbeat";
    /** STREAM of the open alerts: alert_id, ci_code, ci_name, severity, title, opened_at (epoch s). */
    public static final String OPEN_ALERTS = "alerts:open";
    /** HASH per app with a queue: depth, consumers, oldest_age_s, updated_at (epoch s). */
    public static final String QUEUE_KEY = "ci:%s:queue";
    static final List<String> QUEUE_APPS = List.of("payment-api", "payment-worker", "order-api", "checkout-api",
            "notification-service", "settlement-batch", "refund-api", "email-sender", "sms-sender", "push-sender");

    public record Heartbeat(String ciCode, String ciName, long lastSeen, String status, boolean beating) {}

    public record OpenAlert(String alertId, String ciCode, String ciName, String severity, String title, long openedAt) {}

    public record Queue(String ciCode, String ciName, long depth, long consumers, long oldestAgeSeconds, long updatedAt) {}

    public record State(List<Heartbeat> heartbeats, List<OpenAlert> openAlerts, List<Queue> queues) {}

    private DemoLiveState() {}

    /**
     * @param end  the demo window's end (the last metric sample), as the estate was generated
     * @param days the demo window's length, as the estate was generated
     * @param now  the time the live state is written
     */
    public static State build(long seed, Instant end, int days, Instant now) {
        DemoCatalog catalog = new DemoCatalog(seed);
        Random rnd = new Random(seed ^ 0x11FE57A7EL);
        List<Heartbeat> beats = new ArrayList<>();
        for (DemoCi ci : catalog.cis) {
            if (!ci.type().equals("server")) {
                continue;
            }
            boolean beating = ci.status().equals("running");
            long ago = beating ? 2 + rnd.nextInt(20) : Duration.ofMinutes(15 + rnd.nextInt(165)).getSeconds();
            beats.add(new Heartbeat(ci.code(), ci.name(), now.getEpochSecond() - ago, ci.status(), beating));
        }
        List<OpenAlert> alerts = new ArrayList<>();
        for (DemoEvent e : DemoEvents.build(catalog, new DemoTimeline(end, days), seed)) {
            if (e.open()) {
                alerts.add(new OpenAlert(String.format("ALR-%05d", 10_000 + alerts.size() + 1), e.ciCode(),
                        catalog.ci(e.ciCode()).name(), e.severity(), e.title(), e.ts().getEpochSecond()));
            }
        }
        List<Queue> queues = new ArrayList<>();
        for (String app : QUEUE_APPS) {
            String code = catalog.codeByName.get(app);
            if (code == null) {
                continue;
            }
            long depth = app.equals("payment-api") ? 42 : app.equals("notification-service") ? 1_870 : rnd.nextInt(120);
            queues.add(new Queue(code, app, depth, 2 + rnd.nextInt(6), depth == 0 ? 0 : 1 + rnd.nextInt(90),
                    now.getEpochSecond() - rnd.nextInt(10)));
        }
        return new State(List.copyOf(beats), List.copyOf(alerts), List.copyOf(queues));
    }
}
