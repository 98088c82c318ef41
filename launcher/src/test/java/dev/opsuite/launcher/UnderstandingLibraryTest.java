package dev.opsuite.launcher;

import java.util.List;

/**
 * The Hanul National Library &amp; Archives estate (src/test/resources/understanding20): a twentieth domain (a national
 * library and archive: the catalogue search, cataloguing, the search indexer, circulation, seat booking, interlibrary
 * loan, the reference chat, new arrivals, the rare-books reading room, scanning, OCR, the IIIF viewer, AI
 * transcription, legal deposit, the records portal, the library web site, a web crawler and the digital-preservation
 * engine in Sejong, a Himalayan manuscript digitisation lab in Kathmandu (NPT, +05:45, a quarter-hour offset) and a
 * Korean diaspora archive in Honolulu (HST, -10:00) and a DR replica in Daegu), new code schemes (Junos
 * aggregated-ethernet units such as ae1.210 as networks, SMB shares written share@filer such as scans@nas01,
 * call-number asset tags such as Z678.1 as servers, Xen guests such as domU-14, SQL Server named instances with a
 * backslash such as SQL01\CATALOG beside its replica SQL91\CATALOG, npm-style scoped packages such as @hanul/opac as
 * apps, nginx upstreams such as upstream_public and ISSN-shaped service numbers with a check digit such as
 * ISSN-2765-415X) and names (Devanagari, "सगरमाथा", "पाण्डुलिपि OCR"; a Hawaiian name with an ʻokina, "Kaʻala";
 * book formats as hypervisors, "Folio", "Quarto", "Octavo"; a server called "Index"; names that are questions or
 * ranking words, "What's New", "Ask a Librarian", "Top Shelf"; kebab-case locations such as kathmandu-lab; owners
 * with a Korean job title, "한서윤 사서"), and a new clock (Wednesday 6 January 2044, 12:45 Seoul, in ISO week
 * 2044-W01 right after the 53-week year 2043, whose week 53 ran across the new year; Tuesday 17:45 in Honolulu),
 * with 90-minute, 6-minute and 45-second samples, Kathmandu, Honolulu and UTC days, ISO week numbers, 12 AM / 12 PM
 * and 낮 12시 / 밤 12시, and CloudWatch-shaped CPU series around a Honolulu evening of 13 January 2043 (the next
 * Seoul and UTC day) and a Kathmandu night of 20 May 2043. 309 questions (155 Korean, 154 English) by six new
 * writers (an archivist writing official-letter Korean, an IT staff member writing North Korean 문화어, a caretaker
 * writing Gangwon dialect, a Honolulu technician writing Hawaiian Pidgin, a Kathmandu engineer writing Nepali English
 * and an engineer pasting prompt-engineering templates), split once into dev24 (to be tuned on) and test20 (never
 * tuned on). First measured before any tuning on it (2026-12-06, product at commit f3a0ae7): dev24 72.4 / 71.2 %,
 * test20 75.8 / 78.4 % (clean / beside the demo). After the first rules read from dev24 (ISO week numbers, official
 * dotted dates, 문화어 words, Nepal and Hawaii zones, Devanagari names, prompt-template labels; the same morning): dev24
 * 90.1 / 89.2 %, test20 87.9 / 87.8 %; the floors sit about five points under the lower figure of each half.
 */
class UnderstandingLibraryTest extends UnderstandingSetTest {
    UnderstandingLibraryTest() {
        super("understanding20", "2044-01-06T12:45:00+09:00", List.of("questions.tsv"),
                ordered("dev24", 0.85, "test20", 0.83));
    }
}
