package dev.opsuite.launcher;

import java.util.List;

/**
 * The Ongil Mobility estate (src/test/resources/understanding18): an eighteenth domain (an EV-charging and
 * car-sharing mobility platform: the OCPP central system, smart charging, charge reservations, roaming, plug-and-charge
 * and a V2G gateway behind a charger edge, the car-sharing booking API, digital keys, the fleet telematics gateway and
 * vehicle returns, the wallet, top-ups, idle fees and settlement, routing, range prediction and offline map tiles,
 * battery state-of-health and state-of-charge analytics, an expressway charging hub at the Anseong rest area, a hub and
 * depot in Jeju, a DR replica in Sejong, and depots in Adelaide (ACST/ACDT, a half-hour offset with daylight saving)
 * and Istanbul (TRT, +03:00)), new code schemes (six-character geohashes with a role such as wydmcq-core, Ceph RBD
 * pool/image storage such as rbd-ssd/trip-logs, chemical element symbols with their atomic numbers as server codes
 * such as Li-3 and Co-27, availability-zone/instance VMs such as sel-az1/csms-01, shard/replica database codes such as
 * pg-booking-s1r2, gRPC service names such as charge.v2.SmartCharging as app codes, Envoy listeners with a port and
 * PagerDuty-style service ids such as PQ7M2XK) and names (Japanese, "電池ラボ", "充電予約"; Chinese, "换电 Bridge";
 * Turkish with a dotted capital I and a dotless i, "İstinye", "Şarj Planlayıcı"; a Kaurna place name, "Tarntanya";
 * hash signs, "Hub #7" / "Hub #12"; slashes, "V2G/V2H Gateway", "Lock/Unlock Relay"; parentheses, "Map Tiles
 * (Offline)" and every location, "Adelaide (Tonsley)"; mixed-case acronyms, "SoH Model", "kWh Ledger", "eMSP Roaming
 * Hub"; common English words, "Range", "Return", "Top Up", "Settlement"; battery parts, "Anode", "Cathode", "Separator";
 * owners written as chat handles, "@elif.yilmaz"), and a new clock (Sunday 2 October 2039, 11:40 Seoul: Chuseok day,
 * two days after the quarter end, 02:40 UTC, the morning after Adelaide moved its clocks forward (a 23-hour Adelaide
 * day), with the Anseong rest-area charging queue incident ongoing), with 6-hour, 15-minute, 1-minute and 20-second
 * samples, Adelaide, Istanbul and UTC days and dated questions over CloudWatch-shaped CPU series around Adelaide's
 * fall-back night of April 2039 (a 25-hour day that crosses the Seoul midnight) and Turkey's Republic Day evening of
 * 2038. 230 questions (115 Korean, 115 English) by six new writers (a Seoul SRE pasting Grafana panel titles and time
 * pickers, an elderly adviser writing formal Korean with Hanja words, a call-centre agent relaying customer complaints,
 * an Adelaide depot lead's Australian English, a data analyst writing half-SQL, a Jeju field foreman's Korean full of
 * Japanese loanwords), split once into dev22 (to be tuned on) and test18 (never tuned on). First measured before any
 * tuning on it (2026-12-06, product at commit 71fae8a): dev22 73.9 / 73.1 %, test18 70.4 / 71.2 % (clean / beside the
 * demo). After the first rules read from dev22 (the same night): dev22 95.7 / 96.2 %, test18 84.3 / 84.6 %; the floors
 * sit about five points under the lower figure of each half.
 */
class UnderstandingMobilityTest extends UnderstandingSetTest {
    UnderstandingMobilityTest() {
        super("understanding18", "2039-10-02T11:40:00+09:00", List.of("questions.tsv"),
                ordered("dev22", 0.90, "test18", 0.79));
    }
}
