package dev.opsuite.incident;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The detector's defaults on the Numenta Anomaly Benchmark's labelled real series
 * ({@link NabCorpus}): labelled windows hit and false windows per series, each half apart, written
 * to target/nab/report.md. The defaults were chosen on the dev half; the test half is only counted.
 * The floors sit under the figures measured when they were set (docs/incidents.md: dev 85.0 %,
 * test 55.2 %, 1.00 / 1.25 false windows per series), so a change that loses ground fails here;
 * the targets (hit ≥ 90 %, at most one false window per series) are not reached on both
 * halves and are reported, not asserted.
 */
class NabEvaluationTest {
    static final double DEV_HIT_FLOOR = 0.80;
    static final double TEST_HIT_FLOOR = 0.50;
    static final double FALSE_PER_SERIES_CEILING = 1.5;

    @Test
    void theDefaultsOnBothHalves() throws IOException {
        StringBuilder report = new StringBuilder("# Anomaly windows on NAB (realKnownCause + realAWSCloudwatch)\n\n"
                + "| half | series | labelled windows | hit | hit rate | false windows | false per series | series with > 1 false |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        // per series for the dev half only: the test half is counted, never read series by series while tuning
        StringBuilder detail = new StringBuilder("\n| half | series | labels | hit | found | false |\n|---|---|---|---|---|---|\n");
        double[] devFigures = half("dev", NabCorpus.half(true), report, detail);
        double[] testFigures = half("test", NabCorpus.half(false), report, new StringBuilder());
        Path out = Path.of("target", "nab", "report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.append(detail).toString(), StandardCharsets.UTF_8);
        assertTrue(devFigures[0] >= DEV_HIT_FLOOR, "dev hit rate " + devFigures[0] + "\n" + report);
        assertTrue(testFigures[0] >= TEST_HIT_FLOOR, "test hit rate " + testFigures[0] + "\n" + report);
        assertTrue(devFigures[1] <= FALSE_PER_SERIES_CEILING && testFigures[1] <= FALSE_PER_SERIES_CEILING,
                "false windows per series " + devFigures[1] + " / " + testFigures[1] + "\n" + report);
    }

    private static double[] half(String name, List<NabCorpus.Labelled> series, StringBuilder report, StringBuilder detail) {
        int labels = 0;
        int hit = 0;
        int falseWindows = 0;
        int overOne = 0;
        for (NabCorpus.Labelled l : series) {
            NabScore s = NabScore.of(l, DetectorSettings.DEFAULTS);
            labels += s.labels();
            hit += s.hit();
            falseWindows += s.falseWindows();
            overOne += s.falseWindows() > 1 ? 1 : 0;
            detail.append(String.format("| %s | %s | %d | %d | %d | %d |%n", name, s.name(), s.labels(), s.hit(),
                    s.found(), s.falseWindows()));
        }
        double rate = labels == 0 ? 0 : (double) hit / labels;
        double perSeries = (double) falseWindows / series.size();
        report.append(String.format("| %s | %d | %d | %d | %.1f %% | %d | %.2f | %d |%n", name, series.size(), labels, hit,
                100 * rate, falseWindows, perSeries, overOne));
        return new double[] {rate, perSeries};
    }
}
