package dev.opsuite.launcher;

import java.util.List;

/**
 * The Seolbong Alpine Resorts estate (src/test/resources/understanding21): a twenty-first domain (a ski-resort chain:
 * RFID lift gates, lift control, a gondola, snowmaking, a summit webcam, ticketing, kiosks, rental, ski school,
 * patrol, the last-chair sweep, night skiing, online sales and a mobile API in Pyeongchang and at the Seoul head
 * office; a resort in Whistler (America/Vancouver) and one in Corner Brook, Newfoundland (America/St_Johns, a
 * half-hour zone), and a DR site in Wonju), new code schemes (Cisco port-channels such as Po10-PYC, S3 bucket ARNs
 * such as arn:aws:s3:::sb-peakcam, BMC names with the machine room's elevation such as bmc-1458m-1, libvirt-style
 * vm-3f2a, engine@name:port databases such as pg@tickets:5432 beside its replica pg@tickets:6432, systemd units
 * such as liftgate.service as apps, Traefik routers such as guests@docker, Stripe-style product ids such as
 * prod_Lq7TzA as services) and names (Hangul-only server names, 발왕 and 가리왕; French accents, "Télésiège
 * Étoile"; a "#" in "Gondola #2"; names that are time or ranking words, "Last Chair", "First Tracks", "Night Ski",
 * "Summit"; "Marble" as a server beside the Marble VM, DB, POS and circuit; owners written as e-mail addresses;
 * locations with spaces), and a new clock (Tuesday 14 March 2045, 09:30 Seoul = 00:30Z, still Monday 13 March in
 * both North American resorts, whose Sunday 12 March was a 23-hour day when daylight-saving time began at 02:00
 * local: PST to PDT in Whistler, NST to NDT in Newfoundland), with 2-hour, 10-minute and 30-second samples. 305
 * questions (152 Korean, 153 English) by six new writers (a Newfoundland lift mechanic, a Québécois supervisor at
 * Whistler, a director dictating with filler words and spoken punctuation, a lift crew on the radio, the resort's
 * PA announcer, a chairman's secretary writing a courtly register), split once into dev25 (to be tuned on) and
 * test21 (never tuned on). First measured before any tuning on it (2026-12-06, product at commit db72fee): dev25
 * 83.6 / 82.1 %, test21 86.9 / 85.7 % (clean / beside the demo). After the first rules read from dev25 (resort places and
 * Korean zone names, French clock times and months, a meridiem written once, moments to the second, plural API keys;
 * the same afternoon): dev25 90.8 / 90.0 %, test21 90.8 / 90.0 %; the floors sit about four points under the lower
 * figure of each half.
 */
class UnderstandingSkiResortTest extends UnderstandingSetTest {
    UnderstandingSkiResortTest() {
        super("understanding21", "2045-03-14T09:30:00+09:00", List.of("questions.tsv"),
                ordered("dev25", 0.86, "test21", 0.86));
    }
}
