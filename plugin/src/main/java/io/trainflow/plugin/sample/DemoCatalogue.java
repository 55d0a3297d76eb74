package io.trainflow.plugin.sample;

import io.trainflow.connectors.catalogue.CatalogueEdits;
import io.trainflow.connectors.catalogue.CatalogueImport;
import io.trainflow.connectors.catalogue.JdbcCatalogue;
import io.trainflow.connectors.jdbc.Json;
import io.trainflow.connectors.sample.SampleOrganisation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded demo's catalogue, budgets and groups: the sample's {@code catalogue.json} and groups, imported into
 * the empty tables at the first start, through the same import L&amp;D uses. Later starts keep what was edited.
 */
public final class DemoCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCatalogue.class);
    private static final String CATALOGUE = "trainflow/sample/catalogue.json";

    private DemoCatalogue() {}

    /**
     * {@code sampleDir}: the folder the sample organisation was read from (TRAINFLOW_SAMPLE_DIR), null: the jar's. A
     * demo database made before the HCM's names were the catalogue's gets the sample's names and shortnames alone.
     */
    public static void importAtFirstStart(
            CatalogueImport importer,
            CatalogueEdits edits,
            JdbcCatalogue catalogue,
            SampleOrganisation org,
            Clock clock,
            Path sampleDir) {
        Map<String, Object> document = new LinkedHashMap<>(Json.read(sampleCatalogue(sampleDir), Map.class));
        // what an external HCM calls the catalogue's skills, job titles and departments: the sample's own names
        document.put("skills", org.hcm().skills());
        document.put(
                "jobTitles",
                org.jobTitles().entrySet().stream()
                        .map(t -> Map.of("id", t.getKey(), "name", t.getValue()))
                        .toList());
        document.put("departments", org.hcm().departments());
        if (!catalogue.isEmpty()) {
            if (catalogue.hcmNames().isEmpty()) {
                upgrade(importer, edits, document);
            }
            return;
        }
        document.put("groups", org.groups());
        CatalogueImport.Result result = importer.json(Json.write(document), LocalDate.now(clock));
        LOG.info(
                "Demo: imported the sample catalogue ({} courses, {} sessions, {} budgets, {} group members, {} names)",
                result.courses(),
                result.sessions(),
                result.budgets(),
                result.members(),
                result.names());
    }

    /** The names, and the shortnames of the courses that have none, leaving every edited value as it is. */
    @SuppressWarnings("unchecked")
    private static void upgrade(CatalogueImport importer, CatalogueEdits edits, Map<String, Object> document) {
        Map<String, Object> names = new LinkedHashMap<>(document);
        names.keySet().retainAll(java.util.Set.of("skills", "jobTitles", "departments", "aliases"));
        importer.json(Json.write(names), LocalDate.now());
        for (Map<String, Object> course : (java.util.List<Map<String, Object>>) document.get("courses")) {
            edits.course(String.valueOf(course.get("id")))
                    .filter(c -> c.lmsShortname() == null && course.get("shortname") != null)
                    .ifPresent(c -> edits.putCourse(new CatalogueEdits.Course(
                            c.courseId(),
                            c.title(),
                            c.cost(),
                            c.currency(),
                            c.skillIds(),
                            c.tags(),
                            String.valueOf(course.get("shortname")))));
        }
        LOG.info("Demo: the sample's HCM names and LMS shortnames added to the catalogue");
    }

    private static String sampleCatalogue(Path sampleDir) {
        if (sampleDir != null) {
            try {
                return Files.readString(sampleDir.resolve("catalogue.json"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sample catalogue in " + sampleDir, e);
            }
        }
        try (InputStream in = DemoCatalogue.class.getClassLoader().getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException("sample file not on the classpath: " + CATALOGUE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
