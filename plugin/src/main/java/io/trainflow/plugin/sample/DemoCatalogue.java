package io.trainflow.plugin.sample;

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

    /** {@code sampleDir}: the folder the sample organisation was read from (TRAINFLOW_SAMPLE_DIR), null: the jar's. */
    public static void importAtFirstStart(
            CatalogueImport importer, JdbcCatalogue catalogue, SampleOrganisation org, Clock clock, Path sampleDir) {
        if (!catalogue.isEmpty()) {
            return;
        }
        Map<String, Object> document = new LinkedHashMap<>(Json.read(sampleCatalogue(sampleDir), Map.class));
        document.put("groups", org.groups());
        CatalogueImport.Result result = importer.json(Json.write(document), LocalDate.now(clock));
        LOG.info(
                "Demo: imported the sample catalogue ({} courses, {} sessions, {} budgets, {} group members)",
                result.courses(),
                result.sessions(),
                result.budgets(),
                result.members());
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
