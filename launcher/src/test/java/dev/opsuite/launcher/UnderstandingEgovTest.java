package dev.opsuite.launcher;

import java.util.List;

/**
 * The Nuri e-Filing Portal estate (src/test/resources/understanding26): a twenty-sixth domain, written to be ordinary
 * rather than exotic (a government e-filing portal agency: certificate login, the filing forms service, document upload
 * and OCR, a payment gateway link, a notice mailer, an identity-verification link to another agency, a nightly
 * settlement batch, a statistics warehouse, the groupware and a call centre, in the Daejeon and Gwangju government data
 * centres, the agency's Sejong office and a DR site in Gongju), a new code scheme (upper-case, dot-separated: a
 * portal prefix, a two-letter class and a two-digit number, NRS.NW.01 … NRS.SC.03), names with hyphens, underscores,
 * dots, spaces and digits ("doc.upload", "login_vm01", "gw-vm.sejong", "OCR Engine 2", "Taxpayer DB Replica"), Korean
 * aliases as people type them ("누리신고", "납부 연계", "로그인 레디스", "온나라"), owners written as teams, and a new
 * clock (Friday 31 May 2052, 17:40 Seoul, the last day of the income-tax filing month), with hourly history from
 * 1 March 2052 and 15-minute and one-minute samples. 240 questions (120 Korean, 120 English) by five writers (a civil
 * servant writing 합쇼체, a contractor's developer romanising Korean names, a security auditor, a help-desk clerk using
 * Korean nicknames, a sysadmin writing dates as 52.4.1, 4/1 or 22 May), 63 of them aggregates or moments at an absolute
 * date, split once into dev30 (to be tuned on) and test26 (never tuned on) before the product was run on it.
 * First measured before any tuning on it (2026-12-07, product at commit b5feb6f): dev30 94.2 / 95.2 %, test26 95.0 /
 * 94.3 % (clean / beside the demo); after one wrong expectation of dev30 was fixed ("운영 중인" VMs are the running
 * ones): dev30 95.0 / 95.2 %, test26 unchanged. After the rules read from dev30 (dotted dates with a two-digit year, the
 * moment a CI was at its slowest, "depend, directly or indirectly, on X", a type word naming the CI it follows, an article
 * before a threshold's number; the same night): dev30 100 / 100 %, test26 unchanged 95.0 / 94.3 %. The floors sit about
 * four points under the lower first figure of each half.
 */
class UnderstandingEgovTest extends UnderstandingSetTest {
    UnderstandingEgovTest() {
        super("understanding26", "2052-05-31T17:40:00+09:00", List.of("questions.tsv"),
                ordered("dev30", 0.91, "test26", 0.90));
    }
}
