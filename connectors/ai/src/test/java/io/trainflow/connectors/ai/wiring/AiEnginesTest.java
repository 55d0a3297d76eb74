package io.trainflow.connectors.ai.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.embedding.CourseTexts;
import io.trainflow.connectors.ai.offline.OfflineAi;
import io.trainflow.connectors.ai.openai.ModelAi;
import io.trainflow.connectors.ai.privacy.Pseudonymiser;
import io.trainflow.connectors.ai.testdata.Sample;
import io.trainflow.connectors.sample.SampleOrganisation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AiEnginesTest {

    @Test
    void offlineUnlessAnEndpointIsConfigured(@TempDir Path dir) {
        AiPort offline = AiEngines.create(
                AiSettings.fromEnvironment(Map.of("TRAINFLOW_AI_CACHE_DIR", dir.toString())), List.of());
        assertThat(offline).isInstanceOf(OfflineAi.class);
        AiEngines.offline(offline).indexCatalogue(Sample.catalogue());
        assertThat(dir.resolve("all-minilm-l6-v2-q")).isDirectoryContaining("glob:**.vec");

        AiSettings settings = AiSettings.fromEnvironment(Map.of(
                "TRAINFLOW_AI_CACHE_DIR",
                dir.toString(),
                "TRAINFLOW_AI_BASE_URL",
                "http://localhost:11434/v1",
                "TRAINFLOW_AI_MODEL",
                "llama3.1",
                "TRAINFLOW_AI_API_KEY",
                "sk-never-print-me",
                "TRAINFLOW_AI_CLASSIFICATION",
                "feedback.comments=NEVER_SEND"));
        try (AiPort model = AiEngines.create(settings, List.of())) {
            assertThat(model).isInstanceOf(ModelAi.class);
            assertThat(model.engine()).isEqualTo("openai-compatible:llama3.1");
        }
        assertThat(settings.toString()).doesNotContain("sk-never-print-me").contains("feedback.comments=NEVER_SEND");
    }

    @Test
    void theSampleOrganisationsPeopleAndCatalogueWireIn(@TempDir Path dir) {
        SampleOrganisation org = SampleOrganisation.fromClasspath();
        List<Pseudonymiser.Person> people = AiEngines.people(org.hcm());
        assertThat(people).hasSize(Sample.people().size());
        assertThat(people).extracting(Pseudonymiser.Person::email).contains("alice.martin@acme.example");

        AiPort ai =
                AiEngines.create(AiSettings.fromEnvironment(Map.of("TRAINFLOW_AI_CACHE_DIR", dir.toString())), people);
        assertThat(AiEngines.indexCatalogue(ai, org.lms(), org.catalogue()))
                .isEqualTo(CourseTexts.catalogueVersion(Sample.catalogue()));
    }
}
