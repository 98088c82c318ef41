package dev.opsuite.launcher;

import java.util.List;

/**
 * The Saebyeol Telecom network-operations estate (src/test/resources/understanding7): a seventh domain (a Korean
 * regional telecom and ISP: BNGs and PoP routers in Cheongju and Jeonju, DNS resolvers, DHCP, RADIUS, OSS/BSS with
 * CRM, provisioning, billing mediation and the monthly bill run, CDN caches and an IPTV headend, 5G core functions
 * as apps, the NMS syslog collector, a customer portal and a call-centre CTI, and a DR site in Sejong), new code
 * schemes (mostly digits with a short prefix, reversed-domain app codes, a trailing role word, mixed-case database
 * and load-balancer codes) and clock (a Saturday 13 minutes before midnight on the last day of October), with dated
 * questions over CloudWatch-shaped 5-minute CPU series in February-April 2019 (Seollal, UTC against Seoul days,
 * Q1 2019) and the Chuseok 2026 holidays. 186 questions (93 Korean, 93 English) by six new writers, split once
 * into dev11 (to be tuned on) and test7 (never tuned on). First measured before any tuning on it (2026-12-04, on
 * commit d4cfb4f): dev11 88.2 / 86.6 %, test7 93.5 / 92.7 % (clean / beside the demo); the floors sit under those.
 */
class UnderstandingTelcoTest extends UnderstandingSetTest {
    UnderstandingTelcoTest() {
        super("understanding7", "2026-10-31T23:47:00+09:00", List.of("questions.tsv"),
                ordered("dev11", 0.84, "test7", 0.90));
    }
}
