package dev.opsuite.launcher;

import java.util.List;

/**
 * The Haneul Music estate (src/test/resources/understanding29): a twenty-ninth domain, a music-streaming and
 * concert-ticketing company (playback API, recommendation, search, the ticket queue 대기열, a payment link, a lyrics
 * service, a CDN edge, transcoding workers, kafka, redis, postgres/mysql/elasticsearch, k8s nodes, VMs and load
 * balancers) at the Mokdong IDC, the Busan DC, AWS Seoul and GCP Los Angeles, the first foreign region on a NEGATIVE
 * UTC offset (Pacific time, PDT until Sunday 4 November 2063, PST after), a new code scheme (a type digit, two digits
 * and a site: "hm604-mk", "hm403-la"), names with spaces, dots and parentheses ("ticket-db (primary)", "pay.link",
 * "Lyrics Svc"), and a new clock (Wednesday 14 November 2063, 11:25 Seoul = Tuesday 13 November, 18:25 in Los
 * Angeles, 25 minutes after a concert's ticket opening, with the queue incident ongoing). 240 questions (120 Korean,
 * 120 English) by five writers in wordings earlier sets did not stress: a Korean veteran writing numbers and times in
 * Korean words ("세 시간 전", "오후 세 시", "열한 시 이십 분", "이틀 전", "상위 다섯 개"), a Los Angeles SRE in Pacific
 * time and US dates ("y'day 9-11pm PT", "10/20"), a product manager in business words ("the thing that builds
 * playlists", "제일 바쁜 앱"), a cautious junior wrapping questions in apologies, and an incident commander; 61 name
 * an absolute date or time. Split once into dev33 (to be tuned on) and test29 (never tuned on) before the product
 * was run on it. First contact (2026-12-07, product at commit 32a5d06): dev33 80.7 / 78.3 %, test29 67.8 / 66.0 %
 * (clean / beside the demo). After the first rules read from dev33 (clock times in Korean words, a US writer's hour
 * ranges and short city names, split phrasal commands and names that begin with a record word): dev33 91.6 / 90.6 %,
 * test29 75.2 / 74.8 %. The floors sit about four points under the lower first figure of each half.
 */
class UnderstandingMusicTest extends UnderstandingSetTest {
    UnderstandingMusicTest() {
        super("understanding29", "2063-11-14T11:25:00+09:00", List.of("questions.tsv"),
                ordered("dev33", 0.74, "test29", 0.62));
    }
}
