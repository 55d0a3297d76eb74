package io.trainflow.plugin.cli;

import io.trainflow.connectors.catalogue.CatalogueEdits;
import io.trainflow.connectors.catalogue.CatalogueImport;
import io.trainflow.connectors.catalogue.JdbcCatalogue;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.plugin.sample.DemoCatalogue;
import java.time.Clock;
import org.h2.jdbcx.JdbcDataSource;

/** A server database as the demo's first start leaves it: the sample's catalogue, names and groups imported. */
final class DemoDatabase {

    private DemoDatabase() {}

    /** @return the catalogue on it */
    static JdbcCatalogue at(String jdbcUrl) {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL(jdbcUrl);
        db.setUser("sa"); // the server's default user (application.yml)
        Clock clock = Clock.systemUTC();
        JdbcCatalogue catalogue = new JdbcCatalogue(db, clock);
        CatalogueEdits edits = new CatalogueEdits(db, clock);
        DemoCatalogue.importAtFirstStart(
                new CatalogueImport(edits, catalogue),
                edits,
                catalogue,
                SampleOrganisation.fromClasspath(),
                clock,
                null);
        return catalogue;
    }
}
