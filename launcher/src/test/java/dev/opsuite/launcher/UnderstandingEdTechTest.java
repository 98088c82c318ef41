package dev.opsuite.launcher;

import java.util.List;

/**
 * The Saemteo Learning estate (src/test/resources/understanding25): a twenty-fifth domain, written to be ordinary
 * rather than exotic (an online education platform: learner accounts and SSO, a course catalog, video streaming and
 * transcoding, live classes, an exam service with AI proctoring, assignment uploads, payments, notifications, a
 * recommendation engine, course search, an analytics warehouse, an admin back office and a CDN origin, at the Gasan
 * IDC, GCP Seoul, the Seongsu HQ and a DR site in Busan), a new code scheme (an upper-case company prefix, a lower-case
 * class word and a three-digit number, dot-separated: STL.net.001 … STL.svc.003), names with dots, hyphens,
 * underscores, spaces and digits ("media.bucket", "proctor.ai", "gs-hv01", "dw_node_a", "backoffice vm"), Korean
 * aliases as people type them ("가산 1호기", "회원 DB", "실시간 강의"), owners written as people's names, and a new
 * clock (Tuesday 18 April 2051, 09:10 Seoul, one zone), with hourly history from 16 January 2051 and 15-minute and
 * one-minute samples. 241 questions (121 Korean, 120 English) in plain operator language by five writers (a senior
 * SRE, a vendor engineer writing English as a second language, a product manager, a part-time TA mixing English words
 * into Korean, a night-shift operator typing without spaces), 62 of them aggregates or moments at an absolute date,
 * split once into dev29 (to be tuned on) and test25 (never tuned on). First measured before any tuning on it
 * (2026-12-07, product at commit b5feb6f): dev29 86.1 / 84.3 %, test25 87.4 / 88.1 % (clean / beside the demo); after
 * one wrong expectation of dev29 was fixed (a count by the environment "staging", which the demo estate has too, is
 * now asked on the clean estate only): dev29 86.1 / 85.0 %, test25 unchanged. After the first rules read from dev29
 * (a name read inside a glued Hangul word ends there, contact data and outside sends refused, "o'clock" hour ranges,
 * "this 7 days"; the same morning): dev29 94.3 / 94.4 %, test25 91.6 / 93.1 %. The floors sit about four to five
 * points under the lower first figure of each half.
 */
class UnderstandingEdTechTest extends UnderstandingSetTest {
    UnderstandingEdTechTest() {
        super("understanding25", "2051-04-18T09:10:00+09:00", List.of("questions.tsv"),
                ordered("dev29", 0.80, "test25", 0.83));
    }
}
