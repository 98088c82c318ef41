package dev.opsuite.launcher;

import java.util.List;

/**
 * The Dalbit Market AWS estate over real public CPU series (src/test/resources/understanding_realcpu): a small web
 * shop's AWS account (EC2 instances with i-xxxxxxxx codes and names such as web-1, two RDS databases, an ELB, apps
 * and services) whose cpu_usage history is the Numenta Anomaly Benchmark's real AWS CloudWatch CPU series (MIT
 * licence), kept with NAB's own timestamps and values, in two blocks (14-28 February and 2-24 April 2014), with the
 * clock fixed at Wednesday 7 May 2014, 10:00 Seoul. Questions name absolute dates and time ranges (ISO, written-out
 * and Korean dates, dates without a year, hours of a day, UTC days and hours, "since" a date, day spans) for
 * aggregates, peaks, thresholds, rankings, comparisons and events, and a few ranges without data. Split once into
 * devR (to be tuned on) and testR (never tuned on). 161 questions (80 Korean, 81 English) by four writers (an SRE on
 * call, a team lead, a NOC operator writing 존댓말, a night-shift operator writing terse 반말). First measured before
 * any tuning on it (2026-12-06, product at commit 08e22bc, the set at 15cdce3): devR 91.5 / 93.3 %, testR 92.4 /
 * 89.2 % (clean / beside the demo); the floors sit about four points under the lower figure of each half.
 */
class UnderstandingRealCpuTest extends UnderstandingSetTest {
    UnderstandingRealCpuTest() {
        super("understanding_realcpu", "2014-05-07T10:00:00+09:00", List.of("questions.tsv"),
                ordered("devR", 0.87, "testR", 0.85));
    }
}
