package dev.opsuite.launcher;

import java.util.List;

/**
 * The Eunsol City Hall estate (src/test/resources/understanding10): a tenth domain (a Korean city government's IT:
 * civil petitions, resident registration, local tax and its payment settlement, welfare subsidies behind a waiting
 * room, passports, unmanned certificate kiosks in two annexes, traffic-signal control and fines, disaster text
 * alerts, the city web site and its search, an AI petition chatbot, e-approval, on three hypervisors, two bare-metal
 * servers and a DR host), new code schemes (codes carrying a year, a purchase quarter or a provisioning date:
 * NET-2019-01, esx23q2-11, vm20230412a, VIP-OUT-2024; databases with engine and version, semu.pg16; apps with a
 * release stamp, minwon-r2409) and names (Korean names with English acronyms inside such as "세금 DB-1" and
 * "민원 API 게이트웨이", names with numbers written as words such as "Host Eleven", names with "#" and "+" such as
 * "C# 과태료 엔진", "Minwon+" and "Search+", names that are Korean common nouns such as "정산" and "대기열", names that
 * contain a place of the estate such as "서부청사 무인민원발급기", abbreviating aliases such as "TDB", "MAG", "RRS"),
 * and a new clock (Monday 16 September 2030, 12:00 Seoul: noon on the first working day after the five-day Chuseok
 * break), with dated questions over CloudWatch-shaped 5-minute CPU series around the 2024-05-31 tax deadline, New
 * Year 2024 and Seollal 2025 (Seoul against UTC days), and over July to September 2030. 196 questions (98 Korean, 98
 * English) by six new writers, split once into dev14 (to be tuned on) and test10 (never tuned on). First measured
 * before any tuning on it (2026-12-05, product at commit cee5da1): dev14 72.4 / 71.1 %, test10 85.7 / 84.6 % (clean /
 * beside the demo); the floors sit a few points under those.
 */
class UnderstandingCityHallTest extends UnderstandingSetTest {
    UnderstandingCityHallTest() {
        super("understanding10", "2030-09-16T12:00:00+09:00", List.of("questions.tsv"),
                ordered("dev14", 0.67, "test10", 0.80));
    }
}
