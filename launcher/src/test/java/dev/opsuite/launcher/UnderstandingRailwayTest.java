package dev.opsuite.launcher;

import java.util.List;

/**
 * The Daon Rail estate (src/test/resources/understanding12): a twelfth domain (a national railway operator's
 * signalling and ticketing IT: seat allocation and the seat inventory database with a DR standby, point-to-point fares
 * and peak pricing, the ticket gateway with payment relay and member login, the booking channels and the mobile app,
 * contactless ticket gates on a bare-metal gate controller, train running status, the CTC console and two station
 * interlocking links on the CTC server, platform displays, timetable building, track maintenance planning and crew
 * rostering, on hypervisors numbered with Roman numerals and a DR node), new code schemes (rack/unit positions such as
 * RK01-U42, LTO tape barcodes such as DRL001L8, seven-character service tags such as 4KQ7H93, pod-style VM codes with a
 * hex suffix such as seat-4f2a1, engine-prefixed database codes such as pg:seat.1 and mssql:crew, hexadecimal app codes
 * such as app-0x1e, URN service codes such as urn:daon:svc:pax-info) and names (Roman numerals such as "Node I" inside
 * "Node II", "Node III" and "Node IV (DR)", "Interlocking II"/"Interlocking III"; names built on "to", "or" and "and"
 * such as "Point to Point", "Click or Call", "Tap and Go", "Door to Door", "Fares and Refunds"; hyphenated
 * Korean-English names such as "좌석-Engine", "승차권-Gateway", "역-Display", "개찰구-Controller"; names that are a
 * metric or status word such as "Peak", "Maintenance" and "Running Status"), and a new clock (Monday 1 September 2031,
 * 00:05 Seoul: five minutes into a new week and a new month, still Sunday 31 August in UTC, with an incident ongoing),
 * with dated questions over CloudWatch-shaped 5-minute CPU series around the Seollal 2031 ticket pre-booking, over the
 * Seollal 2024 break and over the timetable-change night of 1 November 2020 (Seoul against UTC days, quarters and
 * halves), and over July and August 2031. 204 questions (102 Korean, 102 English) by six new writers, split once into
 * dev16 (to be tuned on) and test12 (never tuned on). First measured before any tuning on it (2026-12-05, product at
 * commit 2ca9321): dev16 78.4 / 79.3 %, test12 75.5 / 78.3 % (clean / beside the demo). After the rules read from
 * dev16 (commit f30a179): dev16 99.0 / 97.8 %, test12 82.4 / 83.7 %; the floors sit a few points under those.
 */
class UnderstandingRailwayTest extends UnderstandingSetTest {
    UnderstandingRailwayTest() {
        super("understanding12", "2031-09-01T00:05:00+09:00", List.of("questions.tsv"),
                ordered("dev16", 0.93, "test12", 0.78));
    }
}
