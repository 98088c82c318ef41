package dev.opsuite.estate;

import dev.opsuite.model.errors.OpsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one estate CSV file: validate the whole file (nothing written if anything is wrong),
 * load it into PostgreSQL in one transaction, then push CIs/relations to the graph. Re-importing
 * the same file changes nothing. Blocking: call it off any event loop.
 */
public final class EstateImporter {
    private static final Logger log = LoggerFactory.getLogger(EstateImporter.class);
    static final String DEFAULT_STATEMENT_TIMEOUT = "30min";
    /** At most ten progress events a second within a pass: a reader of each sees movement, none is flooded. */
    public static final java.time.Duration DEFAULT_PROGRESS_INTERVAL = java.time.Duration.ofMillis(100);

    private final PgEstateLoader postgres;
    private final DataSource writable;
    private final EstateGraph graph;
    private final GraphLoader graphLoader;

    /** @param writable a pool that may write the public schema; graph a Neo4j driver */
    public EstateImporter(DataSource writable, Driver graphDriver) {
        this(writable, new Neo4jEstateGraph(graphDriver), "month");
    }

    /** @param metricPartitions how ci_metric's new partitions are cut: "month" or "day" (OPS_METRIC_PARTITIONS) */
    public EstateImporter(DataSource writable, Driver graphDriver, String metricPartitions) {
        this(writable, new Neo4jEstateGraph(graphDriver), metricPartitions);
    }

    EstateImporter(DataSource writable, EstateGraph graph) {
        this(writable, graph, "month");
    }

    /**
     * Refuses a value of OPS_METRIC_PARTITIONS other than "month" or "day" (any case), naming the variable: the
     * one check, for a configuration read before an importer is built.
     *
     * @throws IllegalArgumentException naming what is accepted
     */
    public static void checkMetricPartitions(String metricPartitions) {
        MetricPartitions.Unit.parse(metricPartitions);
    }

    EstateImporter(DataSource writable, EstateGraph graph, String metricPartitions) {
        this.writable = writable;
        this.postgres = new PgEstateLoader(writable, DEFAULT_STATEMENT_TIMEOUT,
                MetricPartitions.Unit.parse(metricPartitions));
        this.graph = graph;
        this.graphLoader = new GraphLoader(graph);
    }

    /** Creates the graph's uniqueness constraint; call once at start (idempotent). */
    public void ensureGraphSchema() {
        try {
            graph.ensureSchema();
        } catch (RuntimeException e) {
            throw OpsException.unavailable("graph store unavailable: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * @param fileKind cis | relations | metrics | events
     * @param fileName how the operator calls the file; used only in messages
     * @throws EstateImportException the file is invalid; nothing was written
     * @throws OpsException          INVALID_ARGUMENT for an unknown kind, UNAVAILABLE when a store fails
     */
    public ImportReport importFile(String fileKind, String fileName, Path file) {
        return importFile(fileKind, fileName, file, ImportProgress.Listener.NONE);
    }

    /**
     * As {@link #importFile(String, String, Path)}, telling the listener how far it has come: as each
     * pass begins, then at most every 100 ms (on this thread).
     */
    public ImportReport importFile(String fileKind, String fileName, Path file, ImportProgress.Listener progress) {
        return importFile(fileKind, fileName, file, progress, DEFAULT_PROGRESS_INTERVAL);
    }

    /** As above, with at least {@code interval} between two events within a pass. */
    public ImportReport importFile(String fileKind, String fileName, Path file, ImportProgress.Listener progress,
                                   java.time.Duration interval) {
        FileKind kind = FileKind.parse(fileKind);
        String name = displayName(fileName, kind);
        long start = System.nanoTime();
        ImportValidator.Result valid;
        long upserted;
        ImportMeter meter;
        try {
            meter = ImportMeter.of(progress, Files.size(file), kind, interval);
            meter.phase(ImportProgress.Phase.VALIDATE);
            Set<String> known = kind == FileKind.CIS ? null : postgres.knownCodes();
            valid = ImportValidator.validate(file, name, kind, known, meter);
            log.debug("{}: validated {} rows in {} ms", name, valid.rows(), (System.nanoTime() - start) / 1_000_000);
            upserted = postgres.load(kind, file, name, valid.span(), meter);
        } catch (EstateImportException | OpsException e) {
            throw e;
        } catch (SQLException e) {
            throw OpsException.unavailable("estate database failed during import of " + name
                    + " (nothing was written): " + safeSqlMessage(e), e);
        } catch (Exception e) {
            throw new OpsException(dev.opsuite.model.errors.ErrorCode.INTERNAL,
                    "import of " + name + " failed (nothing was written)", e);
        }
        long graphRows;
        try {
            graphRows = graphLoader.load(kind, file, name, meter);
        } catch (Exception e) {
            // PostgreSQL has committed; the import is idempotent, so importing the file again heals it.
            log.warn("graph sync of {} failed after the database commit", name, e);
            throw OpsException.unavailable(name + " was stored in the database but the graph update failed;"
                    + " import the same file again to complete it", e);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        log.info("imported {} ({}): {} rows read, {} upserted, {} graph rows in {} ms", name, kind.wireName(),
                valid.rows(), upserted, graphRows, ms);
        return new ImportReport(kind.wireName(), name, valid.rows(), upserted, graphRows, ms);
    }

    public EstateStats stats() {
        long[] pg;
        long[] g;
        try {
            pg = postgres.counts();
        } catch (SQLException e) {
            throw OpsException.unavailable("estate database unavailable: " + safeSqlMessage(e), e);
        }
        try {
            g = graph.counts();
        } catch (RuntimeException e) {
            throw OpsException.unavailable("graph store unavailable: " + e.getClass().getSimpleName(), e);
        }
        return new EstateStats(pg[0], pg[1], pg[2], pg[3], g[0], g[1], pg[4]);
    }

    /**
     * Removes every CI tagged with this origin (the demo's are "demo") with its metrics, events,
     * relations, aliases and graph node. The graph goes first: if the database step fails, running
     * the removal again finds the same CIs. Returns the number of CIs removed.
     */
    public long removeOrigin(String origin) {
        List<String> codes;
        try {
            codes = postgres.codesOfOrigin(origin);
        } catch (SQLException e) {
            throw OpsException.unavailable("estate database unavailable: " + safeSqlMessage(e), e);
        }
        if (codes.isEmpty()) {
            return 0;
        }
        try {
            graph.deleteCis(codes);
        } catch (RuntimeException e) {
            throw OpsException.unavailable("graph store unavailable: " + e.getClass().getSimpleName(), e);
        }
        try {
            long n = postgres.deleteCis(codes);
            log.info("removed {} CIs of origin {}", n, origin);
            return n;
        } catch (SQLException e) {
            throw OpsException.unavailable("estate database failed while removing (run it again): "
                    + safeSqlMessage(e), e);
        }
    }

    /**
     * Metric retention: removes the samples (and their rollups) from before UTC midnight of today less
     * {@code keep} days ("30d"); see {@link MetricRetention}.
     *
     * @throws OpsException INVALID_ARGUMENT for a keep that is not 1d–99999d, UNAVAILABLE when the database fails
     */
    public RetentionReport applyMetricRetention(String keep, java.time.Instant now) {
        int days;
        try {
            days = MetricRetention.days(keep);
        } catch (IllegalArgumentException e) {
            throw OpsException.invalid(e.getMessage());
        }
        try {
            RetentionReport r = MetricRetention.apply(writable, DEFAULT_STATEMENT_TIMEOUT,
                    MetricRetention.cutoff(now, days));
            log.info("metric retention {}: {} partitions dropped, {} rows and {} rollup rows deleted before {}", keep,
                    r.droppedPartitions().size(), r.deletedMetricRows(), r.deletedRollupRows(), r.cutoff());
            return r;
        } catch (SQLException e) {
            throw OpsException.unavailable("estate database failed while applying retention (nothing was removed;"
                    + " run it again): " + safeSqlMessage(e), e);
        }
    }

    /** What a retention run removed: samples before {@code cutoff} are gone. */
    public record RetentionReport(java.time.Instant cutoff, List<String> droppedPartitions, long deletedMetricRows,
                                  long deletedRollupRows) {}

    /** Only the base name, bounded: it is echoed in every message. */
    private static String displayName(String fileName, FileKind kind) {
        if (fileName == null || fileName.isBlank()) {
            return kind.wireName() + ".csv";
        }
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        return base.isEmpty() ? kind.wireName() + ".csv" : Texts.excerpt(base);
    }

    /** SQL state and class only: server messages can quote row data. */
    private static String safeSqlMessage(SQLException e) {
        return "SQLSTATE " + e.getSQLState();
    }
}
