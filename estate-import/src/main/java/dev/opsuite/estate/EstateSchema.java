package dev.opsuite.estate;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the estate tables (public schema) up to date; safe to run at every start. */
public final class EstateSchema {
    public static final String LOCATION = "classpath:db/estate";
    public static final String HISTORY_TABLE = "estate_schema_history";

    private EstateSchema() {}

    public static void migrate(DataSource writable) {
        Flyway.configure()
                .dataSource(writable)
                .locations(LOCATION)
                .schemas("public")
                .table(HISTORY_TABLE)
                // public may already hold other tables (an operator's database, or other modules'
                // migrations with their own history tables); baseline at 0 so V1 still runs.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
