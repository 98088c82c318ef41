package dev.opsuite.launcher;

import java.util.List;

/**
 * The Baram Meteorological Administration estate (src/test/resources/understanding15): a fifteenth domain (a national
 * weather service's IT: the supercomputer with its global and local models, post-processing and the Slurm controller
 * on Lustre scratch, surface observations with the SYNOP decoder and the obs DB, two radar sites feeding the radar
 * composite and a CAPPI product, the satellite ground segment with level-0, level-1b and cloud-mask processing,
 * aviation weather (METAR hub, TAF writer), the forecasters' desk, warnings with a CAP feed, the typhoon tracker, the
 * public portal, mobile site and open API, a research verification system, a Gwangju DR standby, and an Antarctic
 * station on New Zealand time), new code schemes (IPv6 unique-local prefixes such as fd42:50::/48, Lustre OST names
 * such as nwpfs-OST0000, HPE Cray xnames such as x1000c1s0b0n0, Proxmox guests such as qemu/2301, TNS-style database
 * names such as OBSDB.WORLD, WMO bulletin headings as app codes such as SMKO01 and SMAA40, HAProxy frontends such as
 * fe:web443, WIS 2.0 topic paths such as wis2/kr-bma/public) and names (Latin cloud genera such as "Cirrus" and
 * "Nimbus", Beaufort-scale words such as "Gentle Breeze", "Gale" and "Strong Gale", a Maori name with a macron,
 * "Tāwhiri", domain names such as "baram.go.kr" inside "m.baram.go.kr" and "api.baram.go.kr", decimal numbers and
 * units such as "1.5 km CAPPI" and "Local Model 1.5 km", Hangul locations with spaces and Korean team names as
 * owners), and a new clock (Friday 29 February 2036, 09:04 Seoul: the leap day, four minutes into the UTC day, with an
 * incident ongoing), with 2-hour, 20-minute, 2-minute and 10-second samples, Zulu date-time groups, the Antarctic
 * station on NZDT (+13:00) and NZST (+12:00), and dated questions over CloudWatch-shaped CPU series around a typhoon
 * ensemble night in August 2034 and an Antarctic midwinter burst in June 2033 (Seoul against UTC and New Zealand
 * days). 230 questions (115 Korean, 115 English) by six new writers (Jeju and Gyeongsang dialects, pager-speak with
 * pasted log lines, Kiwi English, Slack with emoji, METAR/TAF register), split once into dev19 (to be tuned on) and
 * test15 (never tuned on). First measured before any tuning on it (2026-12-05, product at commit b60138c): dev19
 * 85.2 / 84.8 %, test15 82.6 / 82.9 % (clean / beside the demo). After the first rules read from dev19 (the same
 * day): dev19 96.5 / 97.1 %, test15 88.7 / 89.5 %; the floors sit about five points under the lower figure of each half.
 */
class UnderstandingWeatherTest extends UnderstandingSetTest {
    UnderstandingWeatherTest() {
        super("understanding15", "2036-02-29T09:04:00+09:00", List.of("questions.tsv"),
                ordered("dev19", 0.91, "test15", 0.83));
    }
}
