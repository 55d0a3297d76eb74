package io.trainflow.plugin.sample;

import io.trainflow.connectors.catalogue.CatalogueEdits;
import io.trainflow.connectors.catalogue.CatalogueImport;
import io.trainflow.connectors.delegation.JdbcDelegationStore;
import io.trainflow.connectors.jdbc.StartupLock;
import io.trainflow.connectors.sample.JdbcSampleState;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.plugin.config.DemoSeed;
import io.trainflow.plugin.connect.DemoSystems;
import io.trainflow.plugin.security.DemoPeople;
import io.trainflow.workflows.engine.flowable.EngineClock;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The embedded demo's wiring, the only place the server builds the sample organisation. Every bean is lazy: the
 * production wiring asks for one only when {@code trainflow.lms.type} or {@code trainflow.hcm.type} is {@code
 * sample}, so a server on Moodle and OrangeHRM never reads the sample.
 */
@Configuration(proxyBeanMethods = false)
@Lazy
class SampleConfiguration {

    /** The sample packaged in the jar, or a company's own variant of it from TRAINFLOW_SAMPLE_DIR. */
    @Bean
    SampleOrganisation sampleOrganisation(
            EngineClock clock, DataSource dataSource, @Value("${trainflow.sample-dir:}") String sampleDir) {
        JdbcSampleState state = new JdbcSampleState(dataSource);
        if (sampleDir.isBlank()) {
            return SampleOrganisation.fromClasspath(clock, state);
        }
        Path dir = Path.of(sampleDir);
        if (!Files.isRegularFile(dir.resolve("organisation.json"))) {
            throw new IllegalStateException("TRAINFLOW_SAMPLE_DIR (trainflow.sample-dir) is " + dir.toAbsolutePath()
                    + ", which holds no organisation.json: it must be laid out like config/sample/");
        }
        return SampleOrganisation.fromDirectory(dir, clock, state);
    }

    /** The demo clock (time travel) kept in the database, so a restart keeps the walkthrough's time. */
    @Bean
    EngineClock.Store demoClockStore(DataSource dataSource) {
        return new DemoClockStore(new JdbcSampleState(dataSource));
    }

    @Bean
    DemoSystems demoSystems(ObjectProvider<SampleOrganisation> org) {
        return SampleSystems.of(org::getObject);
    }

    /**
     * The sample's catalogue, names and groups into the empty tables at the first start (nodes starting together
     * import one after the other: the second finds the tables filled), and its delegations, each once.
     */
    @Bean
    DemoSeed demoSeed(
            ObjectProvider<SampleOrganisation> org,
            DataSource dataSource,
            EngineClock clock,
            @Value("${trainflow.sample-dir:}") String sampleDir) {
        return catalogue -> StartupLock.around(dataSource, "demo-catalogue", () -> {
            CatalogueEdits edits = new CatalogueEdits(dataSource, clock);
            DemoCatalogue.importAtFirstStart(
                    new CatalogueImport(edits, catalogue),
                    edits,
                    catalogue,
                    org.getObject(),
                    clock,
                    sampleDir.isBlank() ? null : Path.of(sampleDir));
            org.getObject().seedDelegations(new JdbcDelegationStore(dataSource));
            return null;
        });
    }

    @Bean
    DemoPeople demoPeople(ObjectProvider<SampleOrganisation> org) {
        return new SamplePeople(org::getObject);
    }
}
