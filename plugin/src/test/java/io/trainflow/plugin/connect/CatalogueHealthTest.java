package io.trainflow.plugin.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.catalogue.CatalogueCheck;
import io.trainflow.connectors.catalogue.CatalogueEdits;
import io.trainflow.connectors.catalogue.JdbcCatalogue;
import io.trainflow.connectors.health.CheckResult;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;

/**
 * Production starts with an empty catalogue: health says "import one" without failing the probe (L&amp;D must still
 * reach the server to import it); the demo, before its first start, only notes it.
 */
class CatalogueHealthTest {

    @Test
    void anEmptyCatalogueIsPartialUntilACourseIsIn(@TempDir Path dir) {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:file:" + dir.resolve("trainflow"));
        JdbcCatalogue catalogue = new JdbcCatalogue(db, Clock.systemUTC());

        CheckResult production = new CatalogueCheck(() -> catalogue, false).check();
        Health health = ConnectionsHealth.health(production);
        assertThat(health.getStatus().getCode()).isEqualTo("PARTIAL");
        assertThat(health.getDetails().toString()).contains("catalogue is empty: import one");
        assertThat(new CatalogueCheck(() -> catalogue, true).check().ok())
                .as("the demo imports it at first start")
                .isTrue();

        new CatalogueEdits(db, Clock.systemUTC())
                .putCourse(new CatalogueEdits.Course("101", "Java", BigDecimal.TEN, "EUR", null, null));
        assertThat(ConnectionsHealth.health(new CatalogueCheck(() -> catalogue, false).check())
                        .getStatus()
                        .getCode())
                .isEqualTo("UP");
    }
}
