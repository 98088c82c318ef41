package dev.opsuite.launcher;

import java.util.List;

/**
 * The Sallim Market estate (src/test/resources/understanding17): a seventeenth domain (an e-commerce company's
 * fulfilment network: the storefront, today's deals, product search, cart, checkout and the payment gate, the order hub,
 * the warehouse-management system with wave planning, pick-to-light, two sorters, an AMR fleet and waybill printing,
 * same-day routing, a returns desk in error, a cold-chain centre in Jincheon, a cross-border air hub in Gimpo, a DR
 * replica in Pyeongtaek, and fulfilment centres in Edison NJ (US Eastern), Ontario CA (US Pacific) and Rotterdam
 * (CET)), new code schemes (fulfilment-centre codes with a role such as ICN1.core and EWR4.wan, iSCSI qualified names
 * such as iqn.2036-05.kr.sallim:icn1-wms, MAAS-style pet names such as brisk-heron as server codes, KubeVirt instances
 * such as vmi/wms-a, URI-style database codes such as pg://wms-icn1 and mysql://us-oms-ewr4, Kubernetes deployments
 * such as deploy/sorter-b2, ingresses and Backstage-style system:word services) and names (brackets, "Sorter [B2]",
 * "AMR Wi-Fi [ICN1]"; digits that are prefixes of other names, "Zone 1" / "Zone 12", "Dock 7" / "Dock 17"; a version
 * inside a name, "AMR Fleet 2.0"; a dot, "Pay.Gate"; an apostrophe and a time word, "Today's Deals"; Korean-only names,
 * "냉장 1호기", "신선 입고"; Spanish with ñ and accents, "Montaña Alta", "Río Hondo"; Dutch, "IJsselmonde",
 * "'s-Gravendeel", "Magazijn WMS", "Retouren"), and a new clock (Saturday 27 November 2038, 02:30 Seoul: Friday 17:30
 * UTC, half past noon of the US Black Friday in New Jersey, with the cross-border checkout incident ongoing), with
 * 3-hour, 20-minute, 2-minute and 10-second samples, the 25-hour Sundays of Rotterdam (31 October) and New Jersey and
 * California (7 November), US and Dutch days, UTC days and dated questions over CloudWatch-shaped CPU series around a
 * Pacific-time "Cyber Sunday" 2037 and the EU's spring-forward night of March 2037. 230 questions (115 Korean, 115
 * English) by six new writers (a PM writing English loanwords in Hangul, a Gen-Z part-timer's slang, the Chungcheong
 * dialect, an Edison night-shift lead's American ops chat, Dutch-flavoured English, Spanglish), split once into dev21
 * (to be tuned on) and test17 (never tuned on). First measured before any tuning on it (2026-12-05, product at commit
 * 2d88944): dev21 73.9 / 76.2 %, test17 75.7 / 75.7 % (clean / beside the demo). After the first rules read from dev21
 * (the same evening, at 1e9280b): dev21 87.0 / 87.6 %, test17 79.1 / 79.4 %; the floors sit about five points under the
 * lower figure of each half.
 */
class UnderstandingFulfilmentTest extends UnderstandingSetTest {
    UnderstandingFulfilmentTest() {
        super("understanding17", "2038-11-27T02:30:00+09:00", List.of("questions.tsv"),
                ordered("dev21", 0.81, "test17", 0.74));
    }
}
