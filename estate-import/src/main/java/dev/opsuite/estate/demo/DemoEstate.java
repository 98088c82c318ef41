package dev.opsuite.estate.demo;

import dev.opsuite.estate.EstateImporter;
import dev.opsuite.estate.ImportReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The demo estate: a realistic two-DC estate written as the same four CSV files an operator would
 * upload, and loaded through the same importer. Same seed and end → byte-identical files.
 *
 * <p>Planted stories: SVR007 (서버G) CPU spike two days before the end; VM0012 memory leak over
 * three days ending in a restart 20 h before the end; DB003 payment-db outage one day before the
 * end with payment-api & co. failing for an hour (preceded by a payment-api deploy).
 */
public final class DemoEstate {
    /** The attribute that tags the demo's CIs ({@code origin: demo}); an operator's imports never set it. */
    public static final String ORIGIN_ATTRIBUTE = "origin";
    public static final String DEMO_ORIGIN = "demo";
    public static final String CIS = "cis.csv";
    public static final String RELATIONS = "relations.csv";
    public static final String METRICS = "metrics.csv";
    public static final String EVENTS = "events.csv";
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    private static final List<String> CI_COLUMNS = List.of("ci_code", "ci_name", "ci_type", "status", "environment",
            "location", "owner", "aliases");

    private DemoEstate() {}

    /**
     * Writes cis.csv, relations.csv, metrics.csv and events.csv into {@code dir}.
     *
     * @param end  last metric sample (truncated to 5 minutes); incidents are placed relative to it
     * @param days length of the metric window (7 → about 1.5 M metric rows)
     */
    public static void writeCsv(Path dir, long seed, Instant end, int days) throws IOException {
        Files.createDirectories(dir);
        DemoCatalog catalog = new DemoCatalog(seed);
        DemoTimeline time = new DemoTimeline(end, days);
        writeCis(dir.resolve(CIS), catalog);
        try (CSVPrinter out = printer(dir.resolve(RELATIONS))) {
            out.printRecord("source_ci_code", "relation_type", "target_ci_code");
            for (DemoRelation r : DemoRelations.build(catalog)) {
                out.printRecord(r.source(), r.type(), r.target());
            }
        }
        try (Writer out = writer(dir.resolve(METRICS))) {
            new DemoMetrics(catalog, time, seed).write(out);
        }
        try (CSVPrinter out = printer(dir.resolve(EVENTS))) {
            out.printRecord("ts", "ci_code", "event_type", "severity", "title", "detail");
            for (DemoEvent e : DemoEvents.build(catalog, time, seed)) {
                out.printRecord(e.ts().toString(), e.ciCode(), e.type(), e.severity(), e.title(), e.detail());
            }
        }
    }

    /** Imports the four files of {@code dir} in dependency order through the operator's path. */
    public static List<ImportReport> importInto(EstateImporter importer, Path dir) {
        List<ImportReport> reports = new ArrayList<>();
        reports.add(importer.importFile("cis", CIS, dir.resolve(CIS)));
        reports.add(importer.importFile("relations", RELATIONS, dir.resolve(RELATIONS)));
        reports.add(importer.importFile("metrics", METRICS, dir.resolve(METRICS)));
        reports.add(importer.importFile("events", EVENTS, dir.resolve(EVENTS)));
        return reports;
    }

    private static void writeCis(Path file, DemoCatalog catalog) throws IOException {
        Set<String> attributeColumns = new LinkedHashSet<>();
        catalog.cis.forEach(ci -> attributeColumns.addAll(ci.attributes().keySet()));
        try (CSVPrinter out = printer(file)) {
            List<String> header = new ArrayList<>(CI_COLUMNS);
            header.addAll(attributeColumns);
            header.add(ORIGIN_ATTRIBUTE); // tags every demo CI, so ./ops demo remove can find them
            out.printRecord(header);
            for (DemoCi ci : catalog.cis) {
                List<String> row = new ArrayList<>(List.of(ci.code(), ci.name(), ci.type(), ci.status(),
                        ci.environment(), ci.location(), ci.owner(), ci.aliases() == null ? "" : ci.aliases()));
                attributeColumns.forEach(col -> row.add(ci.attributes().getOrDefault(col, "")));
                row.add(DEMO_ORIGIN);
                out.printRecord(row);
            }
        }
    }

    private static CSVPrinter printer(Path file) throws IOException {
        return new CSVPrinter(writer(file), CSV);
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20);
    }
}
