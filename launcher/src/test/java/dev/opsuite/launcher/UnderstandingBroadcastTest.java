package dev.opsuite.launcher;

import java.util.List;

/**
 * The Yeoul Public Broadcasting estate (src/test/resources/understanding13): a thirteenth domain (a public television
 * broadcaster's playout and newsroom IT: the 1TV playout on a main and a backup chain, the 24-hour news channel, the
 * newsroom system and its database with a DR standby, the copy desk and the nine o'clock news rundown, the character
 * generator and the election graphics, live captions, the archive (MAM) with ingest and a tape library, schedule and
 * commercial traffic with as-run reconciliation, the YPlay streaming service, the news website, staff SSO, the London
 * and New York bureaus with their live links, and an OB van), new code schemes (Cisco dotted MAC addresses such as
 * 00a0.c9f4.2b17, Fibre Channel WWNs such as 50060e8012a4f001, blade enclosure bays such as enc2-bay01, vCenter
 * managed-object ids such as vm-2048, StatefulSet-style databases such as nrcsdb-0 and nrcsdb-1, issue-tracker style
 * app keys such as PLY-101 and CCX-401, NATO-word load balancers such as lb-kilo, call-sign services such as HLYP-N24)
 * and names (Hanja such as "報道 DB", "報道 NRCS" and "編成 Planner"; names that start with a number or a clock hour
 * such as "1TV Playout", "24 Live", "News 9", "7 Day Catch-up", "ST 2110 Media Fabric"; a one-letter chain such as
 * "Playout A" and "Playout B"; test-signal hypervisors "Colour Bars", "Black Burst", "Tri-Level" and "Slate (DR)";
 * locations with spaces), and a new clock (Friday 22 December 2034, 22:40 Seoul: the evening before the Christmas long
 * weekend, with an incident ongoing), with hourly, 10-minute, 1-minute and irregular samples, foreign bureaus on London
 * and New York time across both 2034 daylight-saving changes, and dated questions over CloudWatch-shaped CPU series
 * around the general election night of 2028 and the World Cup final of 2026 (Seoul against UTC and US Eastern days,
 * quarters and halves). 210 questions (105 Korean, 105 English) by six new writers, split once into dev17 (to be tuned
 * on) and test13 (never tuned on). First measured before any tuning on it (2026-12-05, product at commit 6338b10):
 * dev17 74.0 / 77.7 %, test13 78.3 / 79.6 % (clean / beside the demo). After the first rules read from dev17 (commit
 * 3821048): dev17 80.8 / 85.1 %, test13 84.9 / 86.0 %; after the second round (dev17, then dev18 of the brokerage
 * set): dev17 93.3 / 95.7 %, test13 88.7 / 90.3 %; the floors sit about five points under the lower figure of each
 * half.
 */
class UnderstandingBroadcastTest extends UnderstandingSetTest {
    UnderstandingBroadcastTest() {
        super("understanding13", "2034-12-22T22:40:00+09:00", List.of("questions.tsv"),
                ordered("dev17", 0.88, "test13", 0.83));
    }
}
