package io.trainflow.tests.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.catalogue.CatalogueEdits;
import io.trainflow.connectors.catalogue.CatalogueImport;
import io.trainflow.connectors.catalogue.JdbcCatalogue;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import io.trainflow.tests.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Upgrading a database made by release 0.1 (tables created ad hoc by each store, no migration history, Flowable's
 * tables beside them) keeps every row: the tables are renamed to the one prefix, the ones that release never made
 * (its Moodle store was not used here) are added, on H2 and on PostgreSQL; the catalogue then works on it.
 */
class SchemaMigrationTest {

    /** A row of release 0.1 per table it made, and where that row lives after the upgrade. */
    private static final Map<String, String[]> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("TF_STEP_EFFECT", new String[] {
            "TF_STEP_EFFECT", "INSERT INTO TF_STEP_EFFECT VALUES ('req-1/enrol', 'DONE', '{}', CURRENT_TIMESTAMP)"
        });
        ROWS.put("tf_access_audit", new String[] {
            "tf_access_audit",
            "INSERT INTO tf_access_audit VALUES ('a1', CURRENT_TIMESTAMP, 'zoe.vincent', 'read', 'req-1', NULL)"
        });
        ROWS.put("tf_api_key", new String[] {
            "tf_api_key",
            "INSERT INTO tf_api_key (id, key_hash, name, username,"
                    + " scopes, created_at, created_by) VALUES ('k1', 'hash', 'ci', 'adam.david', 'read', CURRENT_TIMESTAMP, 'adam.david')"
        });
        ROWS.put("tf_ai_course_vector", new String[] {
            "tf_ai_course_vector", "INSERT INTO tf_ai_course_vector VALUES ('offline', 'v1', 'c1', '[0.1]')"
        });
        ROWS.put(
                "tf_sample_state",
                new String[] {"tf_sample_state", "INSERT INTO tf_sample_state VALUES ('clock', '{}')"});
        ROWS.put("tf_outcome", new String[] {
            "tf_outcome", "INSERT INTO tf_outcome (programme_id, request_id) VALUES ('p1', 'req-1')"
        });
        ROWS.put("tf_delegation", new String[] {
            "tf_delegation",
            "INSERT INTO tf_delegation VALUES ('d1', 'sophie.laurent',"
                    + " 'marc.dubois', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'holiday')"
        });
        ROWS.put("trainflow_oauth_token", new String[] {
            "tf_oauth_token",
            "INSERT INTO trainflow_oauth_token VALUES ('orangehrm', 'access', 'refresh', NULL, CURRENT_TIMESTAMP)"
        });
        ROWS.put("trainflow_scim_training", new String[] {
            "tf_scim_training", "INSERT INTO trainflow_scim_training VALUES ('e1', 'Safety', NULL, NULL, NULL)"
        });
        ROWS.put("trainflow_scim_skill", new String[] {
            "tf_scim_skill", "INSERT INTO trainflow_scim_skill VALUES ('e1', 's1', 'Reports', 2, NULL)"
        });
    }

    @Test
    void anH2FileOfRelease01IsUpgradedWithEveryRow(@TempDir Path dir) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("trainflow") + ";DB_CLOSE_ON_EXIT=FALSE");
        h2.setUser("sa");
        upgradesWithEveryRow(h2);
    }

    @Test
    void aPostgresDatabaseOfRelease01IsUpgradedWithEveryRow() throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(postgres.jdbcUrl());
            upgradesWithEveryRow(pg);
        }
    }

    private static void upgradesWithEveryRow(DataSource db) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ACT_GE_PROPERTY (NAME_ VARCHAR(64) PRIMARY KEY, VALUE_ VARCHAR(300))");
            for (String ddl : release01Ddl()) {
                if (!ddl.contains("tf_moodle_")) {
                    s.execute(ddl);
                }
            }
            for (String[] row : ROWS.values()) {
                s.execute(row[1]);
            }
        }

        MigrateResult result = TrainflowSchema.migrate(db);

        assertThat(result.success).isTrue();
        assertThat(Integer.parseInt(result.targetSchemaVersion)).isGreaterThanOrEqualTo(2);
        for (Map.Entry<String, String[]> table : ROWS.entrySet()) {
            assertThat(count(db, table.getValue()[0]))
                    .as("rows of %s, now %s", table.getKey(), table.getValue()[0])
                    .isEqualTo(1);
        }
        assertThat(count(db, "tf_moodle_completion_check"))
                .as("a table release 0.1 had not made yet")
                .isZero();
        assertThat(count(db, "ACT_GE_PROPERTY"))
                .as("Flowable's tables are left alone")
                .isZero();
        assertThat(TrainflowSchema.migrate(db).migrationsExecuted)
                .as("a second start migrates nothing")
                .isZero();
        catalogueWorksOn(db);
    }

    /** The catalogue's SQL (upserts, the seat lock, nulls) on the upgraded database. */
    private static void catalogueWorksOn(DataSource db) {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
        JdbcCatalogue catalogue = new JdbcCatalogue(db, clock);
        CatalogueEdits edits = new CatalogueEdits(db, clock);
        CatalogueImport importer = new CatalogueImport(edits, catalogue);
        assertThat(catalogue.isEmpty()).isTrue();
        importer.csv("courses", "id,title,cost,currency,skills\n701,Negotiation,800,EUR,negotiation\n");
        importer.csv(
                "sessions", "id,courseId,start,end,seats\n701-a,701,2026-04-01T09:00:00Z,2026-04-01T17:00:00Z,1\n");
        importer.csv("budgets", "departmentId,allocated,spent,owner,currency\nsales,8000,7600,julie.lambert,EUR\n");
        edits.putCourse(new CatalogueEdits.Course("701", "Negotiation", new BigDecimal("950.50"), "EUR", null, null));

        assertThat(catalogue.offering("701")).get().extracting(o -> o.cost()).isEqualTo(950.5);
        assertThat(catalogue.budget("sales"))
                .get()
                .extracting(b -> b.remaining())
                .isEqualTo(400.0);
        assertThat(catalogue.reserveSeat("701-a", "alice.martin", "req-1")).isTrue();
        assertThat(catalogue.reserveSeat("701-a", "bob.petit", "req-2"))
                .as("the one seat is taken")
                .isFalse();
        assertThat(catalogue.isEmpty()).isFalse();
    }

    /** Release 0.1's statements, which V1 keeps verbatim (a migration already applied never changes). */
    private static List<String> release01Ddl() throws IOException {
        try (InputStream in =
                TrainflowSchema.class.getResourceAsStream("/db/migration/V1__tables_of_release_0_1.sql")) {
            List<String> statements = new ArrayList<>();
            for (String statement : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("(?m)^--.*$", "")
                    .split(";")) {
                if (!statement.isBlank()) {
                    statements.add(statement.strip());
                }
            }
            return statements;
        }
    }

    private static int count(DataSource db, String table) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        }
    }
}
