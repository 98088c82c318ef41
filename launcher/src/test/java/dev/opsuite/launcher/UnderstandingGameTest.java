package dev.opsuite.launcher;

import java.util.List;

/**
 * The Noeul Games estate (src/test/resources/understanding24): a twenty-fourth domain, written to be ordinary rather
 * than exotic (an online game company: account login, matchmaking, zone servers per region, a patch origin, an
 * in-game shop and billing, a leaderboard, chat, guilds, anti-cheat, a log pipeline into a warehouse, a GM console
 * and a mobile push sender, at the Pangyo IDC, AWS Seoul, AWS Tokyo and a DR site in Daejeon), a new code scheme (a
 * lower-case company prefix, a class word and a two-digit number: ng-net-01 … ng-svc-03), names with hyphens,
 * underscores, spaces and digits ("pgy-esx-01", "match_vm", "AntiCheat 3", "Game DB KR"), Korean aliases as people
 * type them ("국섭 1번", "판교 가상화 1호기", "결제 연동"), owners written as people's names, and a new clock (Sunday
 * 21 March 2049, 20:50 Seoul, one zone), with hourly history from 20 December 2048 and 15-minute and one-minute
 * samples. 249 questions (124 Korean, 125 English) in plain operator language by five writers (an on-call engineer,
 * an operations manager, a new hire, a NOC operator writing 존댓말, a colleague writing 반말 chat), 56 of them
 * aggregates or moments at an absolute date, split once into dev28 (to be tuned on) and test24 (never tuned on).
 * First measured before any tuning on it (2026-12-07, product at commit 5bcb205): dev28 96.0 / 95.4 %, test24 94.3 /
 * 93.4 % (clean / beside the demo); after one wrong expectation of dev28 was fixed (a month holding now ended after
 * now): dev28 96.8 / 96.3 %, test24 unchanged. After the first rule read from dev28 (a region word beside a name two
 * CIs share, "the korean zone server"; the same night): dev28 97.6 / 97.2 %, test24 unchanged 94.3 / 93.4 %. The
 * floors sit about four points under the lower first figure of each half.
 */
class UnderstandingGameTest extends UnderstandingSetTest {
    UnderstandingGameTest() {
        super("understanding24", "2049-03-21T20:50:00+09:00", List.of("questions.tsv"),
                ordered("dev28", 0.92, "test24", 0.89));
    }
}
