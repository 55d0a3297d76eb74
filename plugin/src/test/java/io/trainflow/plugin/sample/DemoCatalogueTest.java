package io.trainflow.plugin.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.catalogue.CatalogueEdits;
import io.trainflow.connectors.catalogue.CatalogueImport;
import io.trainflow.connectors.catalogue.HcmName;
import io.trainflow.connectors.catalogue.JdbcCatalogue;
import io.trainflow.connectors.sample.SampleOrganisation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demo database made before the HCM's names and the LMS shortnames were the catalogue's: the next start adds the
 * sample's names and the shortnames of its courses, and keeps what L&amp;D edited.
 */
class DemoCatalogueTest {

    @Test
    void anOlderDemoDatabaseGetsTheNamesAndShortnamesAndKeepsItsEdits(@TempDir Path dir) throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:file:" + dir.resolve("trainflow"));
        Clock clock = Clock.systemUTC();
        JdbcCatalogue catalogue = new JdbcCatalogue(db, clock);
        CatalogueEdits edits = new CatalogueEdits(db, clock);
        CatalogueImport importer = new CatalogueImport(edits, catalogue);
        SampleOrganisation org = SampleOrganisation.fromClasspath();
        DemoCatalogue.importAtFirstStart(importer, edits, catalogue, org, clock, null);
        // as the release before V13 left it: no names, no shortnames, and a price L&D changed
        try (Connection c = db.getConnection()) {
            c.createStatement().executeUpdate("DELETE FROM tf_hcm_name");
            c.createStatement().executeUpdate("UPDATE tf_course SET lms_shortname = NULL");
        }
        CatalogueEdits.Course java = edits.course("101").orElseThrow();
        edits.putCourse(new CatalogueEdits.Course(
                "101", java.title(), new BigDecimal("499.00"), java.currency(), java.skillIds(), java.tags()));

        DemoCatalogue.importAtFirstStart(importer, edits, catalogue, org, clock, null);

        assertThat(catalogue.lmsShortnames()).containsEntry("101", "JAVA-FUND");
        assertThat(edits.course("101").orElseThrow().cost()).isEqualByComparingTo("499.00");
        assertThat(catalogue.hcmNames())
                .contains(new HcmName(HcmName.SKILL, "coaching", skillName(org, "coaching"), List.of("Coaching")))
                .anyMatch(n ->
                        n.kind().equals(HcmName.DEPARTMENT) && n.catalogueId().equals("engineering"))
                .anyMatch(n ->
                        n.kind().equals(HcmName.JOB_TITLE) && n.catalogueId().equals("software-engineer"));
    }

    private static String skillName(SampleOrganisation org, String id) {
        return org.hcm().skills().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow()
                .name();
    }
}
