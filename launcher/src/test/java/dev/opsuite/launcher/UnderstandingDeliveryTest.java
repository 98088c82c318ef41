package dev.opsuite.launcher;

import java.util.List;

/**
 * The Ttaengi Eats estate (src/test/resources/understanding28): a twenty-eighth domain, written to be HARDER than the
 * earlier sets (a food-delivery platform: order API, rider dispatch, the restaurant partner portal, menu search, a
 * payment link, a coupon engine, push notifications, maps/ETA, kafka, redis, postgres/mysql, k8s worker nodes, VMs,
 * load balancers and a CDN, at the Pangyo IDC, the Gasan DC, AWS Seoul and AWS Singapore, a foreign region on Singapore
 * time), a new code scheme (a class letter, two digits, "@" and a site: "a02@pgy", "d06@sgp"), Korean aliases and
 * Konglish as teams type them ("배차 엔진", "쿠버 워커 2번", "페이링크"), owners written as people's names, and a new
 * clock (Friday 4 March 2061, 19:10 Seoul, the dinner peak, with an incident ongoing), hourly history from 6 December
 * 2060 and 15-minute and one-minute samples. 240 questions (120 Korean, 120 English) by five writers typing as
 * operators do under pressure (a night-shift on-call engineer on a phone with typos and dropped spaces, a team lead in
 * Slack mixing Korean and English after a line of context, a manager who describes systems instead of naming them, a
 * terse DBA/SRE with ISO timestamps in UTC and KST, a polite 합쇼체 writer and a Singapore-office colleague writing in
 * Singapore local time), 65 of them at an absolute date or time, split once into dev32 (to be tuned on) and test28
 * (never tuned on) before the product was run on it. First contact (2026-12-07, product at commit cd31cfa): dev32
 * 85.0 / 83.8 %, test28 79.2 / 76.4 % (clean / beside the demo). After the first rules read from dev32 (scaling and
 * rolling back refused, "지난달 말일" as one day): dev32 88.3 / 87.6 %, test28 unchanged. The floors sit about four
 * points under the lower first figure of each half.
 */
class UnderstandingDeliveryTest extends UnderstandingSetTest {
    UnderstandingDeliveryTest() {
        super("understanding28", "2061-03-04T19:10:00+09:00", List.of("questions.tsv"),
                ordered("dev32", 0.79, "test28", 0.72));
    }
}
