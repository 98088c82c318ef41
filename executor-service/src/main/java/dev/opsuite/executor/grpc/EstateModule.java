package dev.opsuite.executor.grpc;

import dev.opsuite.estate.EstateImporter;
import dev.opsuite.estate.EstateSchema;
import dev.opsuite.kit.config.Env;
import javax.sql.DataSource;
import org.neo4j.driver.Driver;

/** Wiring of the estate importer for the executor's composition root. */
public final class EstateModule {
    private EstateModule() {}

    /**
     * Migrates the estate schema, creates the graph constraint and returns the EstateService (a
     * BindableService; close it at shutdown to stop taking imports). Limits come from the
     * environment ({@link EstateImportConfig#fromEnv}).
     *
     * @param writable a pool allowed to write the public schema (not the read-only executor pool)
     */
    public static EstateGrpcService create(DataSource writable, Driver driver) {
        return create(writable, driver, EstateImportConfig.fromEnv(Env.system()));
    }

    public static EstateGrpcService create(DataSource writable, Driver driver, EstateImportConfig config) {
        return create(writable, driver, config, java.util.Optional.empty());
    }

    /** @param documents where imported documents go, or empty when this executor keeps no document index */
    public static EstateGrpcService create(DataSource writable, Driver driver, EstateImportConfig config,
                                           java.util.Optional<dev.opsuite.executor.documents.DocumentImporter> documents) {
        return new EstateGrpcService(importer(writable, driver, config.metricPartitions()), config, documents);
    }

    /** The migrated, ready importer, for callers that load files in-process (the demo estate). */
    public static EstateImporter importer(DataSource writable, Driver driver) {
        return importer(writable, driver, "month");
    }

    /** @param metricPartitions how ci_metric's new partitions are cut: month or day (OPS_METRIC_PARTITIONS) */
    public static EstateImporter importer(DataSource writable, Driver driver, String metricPartitions) {
        EstateSchema.migrate(writable);
        EstateImporter importer = new EstateImporter(writable, driver, metricPartitions);
        importer.ensureGraphSchema();
        return importer;
    }
}
