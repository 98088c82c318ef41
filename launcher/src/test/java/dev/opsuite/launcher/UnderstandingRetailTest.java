package dev.opsuite.launcher;

import java.util.List;

/**
 * The Gaon Mart estate (src/test/resources/understanding27): a twenty-seventh domain, written to be ordinary rather
 * than exotic (a national retail chain of about 120 stores: POS hubs per region, the store back office, an online mall
 * and its mobile-app API, loyalty points, a payment-gateway link, inventory and replenishment, warehouse management at
 * two distribution centres, a price engine, an ERP and a sales warehouse, at the Guro HQ DC, Cloud Seoul, the Icheon
 * DC and a DR site in Daegu), a new code scheme (slash-separated, store-number style: GM/HQ/1001 … GM/HQ/8003), names
 * with hyphens, underscores, dots, spaces and digits ("pos_hub_vm2", "bo-vm.01", "cart-redis 2", "POS Hub Regions"),
 * Korean aliases as people type them ("지방 포스", "가온몰", "구로 가상화 1호기"), owners written as people's names, and a
 * new clock (Sunday 29 November 2054, 20:15 Seoul, the last evening of a sale weekend, one zone), with hourly history
 * from 7 September 2054 and 15-minute and one-minute samples. 240 questions (120 Korean, 120 English) in plain language
 * by five writers (a store manager on a phone, a night-shift NOC operator, a merchandising analyst, a back-office clerk
 * writing 해요체, an SRE lead), 71 of them aggregates or moments at an absolute date, split once into dev31 (to be tuned
 * on) and test27 (never tuned on). First measured before any tuning on it (2026-12-07, product at commit f31c103):
 * dev31 96.6 / 97.1 %, test27 98.4 / 98.2 % (clean / beside the demo); one wrong expectation of dev31 was then fixed
 * (a "box" is a server or a VM, not a database). After the first rules read from dev31 (a cache-clearing command,
 * "host of X" as what X runs on of any type, "VM과 그 위에서 도는 것" as the whole stack; the same night): dev31 100 /
 * 100 %, test27 unchanged 98.4 / 98.2 %. The floors sit about four points under the lower first figure of each half.
 */
class UnderstandingRetailTest extends UnderstandingSetTest {
    UnderstandingRetailTest() {
        super("understanding27", "2054-11-29T20:15:00+09:00", List.of("questions.tsv"),
                ordered("dev31", 0.92, "test27", 0.94));
    }
}
