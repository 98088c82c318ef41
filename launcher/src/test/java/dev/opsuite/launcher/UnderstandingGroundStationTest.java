package dev.opsuite.launcher;

import java.util.List;

/**
 * The Byeolbit Orbital estate (src/test/resources/understanding31): a thirty-first domain, a satellite ground-station
 * network (antenna controllers at three stations, telemetry forwarders, telemetry ingest, a command uplink gateway, the
 * orbit/pass scheduler, the mission data archive, the customer portal API, auth, a message queue, a time-series DB,
 * postgres, k8s nodes, VMs, a load balancer and site routers) at the Daejeon operations centre (Seoul time) and the
 * Honolulu (HST), Santiago (UTC-4 until Sunday 3 September 2073, then UTC-3: southern-hemisphere summer time; the
 * history crosses the change) and Svalbard (CEST) stations; a new code scheme (a three-letter site, an underscore, a
 * type word and one digit: "djn_app3", "lyr_ant2"), names with spaces, dots, slashes and parentheses ("hnl-ant-01
 * (11m)", "hnl-uplink.edge", "scl/station-ctl", "pass-sched pg (primary)"), people and teams as owners, and a new clock
 * (Thursday 14 September 2073, 10:25 Seoul = Wednesday 15:25 in Honolulu and 22:25 in Santiago, twenty-five minutes
 * into an uplink incident). 240 questions (120 Korean, 120 English) by five writers in wordings earlier sets did not
 * stress: a Korean engineer writing English as a second language ("yesterday ant-02 cpu max how much?", "2073.09.12",
 * "9/12(Tue)"), a terse SRE writing like a CLI ("cpu tlm-ingest 1h avg", "top3 mem now", "메모리 top2 오늘 평균기준"),
 * a Korean manager writing long polite sentences with a preface ("보고 자료 때문에 그런데요, ... 확인 부탁드립니다",
 * "Sorry to bother you, for tomorrow's review could you ..."), a planner asking by calendar and in a station's zone
 * ("지지난주 목요일", "the Tuesday before last", "산티아고 시간으로 9월 12일 오후 2시", "at 2pm Hawaii time today") and
 * an operator on a phone (typos, pasted alerts, CIs named by a description); 62 name an absolute date or time. Split
 * once into dev35 (to be tuned on) and test31 (never tuned on) before the product was run on it. First contact
 * (2026-12-07, product at commit 167abb71): dev35 81.7 / 79.2 %, test31 81.7 / 80.9 % (clean / beside the demo). The
 * floors sit about four points under the first clean figure of each half. After the first rules read from dev35
 * (commands to equipment and its schedule, "which node", a far place's own day and "the Tuesday before last"): dev35
 * 90.0 / 88.7 %, test31 85.8 / 85.5 %.
 */
class UnderstandingGroundStationTest extends UnderstandingSetTest {
    UnderstandingGroundStationTest() {
        super("understanding31", "2073-09-14T10:25:00+09:00", List.of("questions.tsv"),
                ordered("dev35", 0.77, "test31", 0.77));
    }
}
