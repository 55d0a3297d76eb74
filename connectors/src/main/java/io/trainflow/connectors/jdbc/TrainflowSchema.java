package io.trainflow.connectors.jdbc;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Trainflow's own tables (prefix {@code tf_}), made and changed only by the Flyway migrations in
 * {@code db/migration} (README "Catalogue, budgets and groups": how to add one). Flowable keeps its own schema.
 *
 * <p>Every store calls {@link #ensure} before its first statement, so no store runs on a database that was not
 * migrated, whoever built it (the server, the CLI, a test, a benchmark); the migration runs once per data source.
 */
public final class TrainflowSchema {

    /** The history table Flyway keeps, with Trainflow's prefix. */
    public static final String HISTORY_TABLE = "tf_schema_history";

    private static final Set<DataSource> MIGRATED =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private TrainflowSchema() {}

    /** Migrates {@code dataSource} unless this process already did. */
    public static void ensure(DataSource dataSource) {
        while (dataSource instanceof WrappedDataSource wrapper) {
            dataSource = wrapper.wrapped();
        }
        synchronized (MIGRATED) {
            if (!MIGRATED.contains(dataSource)) {
                migrate(dataSource);
                MIGRATED.add(dataSource);
            }
        }
    }

    /**
     * Applies the pending migrations. A database made by release 0.1 (tables created ad hoc, no history) or one
     * that already holds Flowable's tables is baselined at version 0, not 1: release 0.1 made only the tables of
     * the stores it used, so V1 (CREATE TABLE IF NOT EXISTS) must still run to add the missing ones.
     */
    public static MigrateResult migrate(DataSource dataSource) {
        // nodes starting together on one PostgreSQL migrate one after the other
        return StartupLock.around(
                dataSource,
                "trainflow-schema",
                () -> Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .table(HISTORY_TABLE)
                        .baselineOnMigrate(true)
                        .baselineVersion("0")
                        .baselineDescription("tables of release 0.1, made ad hoc")
                        .load()
                        .migrate());
    }
}
