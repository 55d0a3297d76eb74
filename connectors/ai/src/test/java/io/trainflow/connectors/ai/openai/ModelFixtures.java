package io.trainflow.connectors.ai.openai;

import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.SkillNeed;
import io.trainflow.connectors.ai.port.PathItem;
import io.trainflow.connectors.ai.privacy.DataClassification;
import io.trainflow.connectors.ai.privacy.Pseudonymiser;
import io.trainflow.connectors.ai.testdata.Sample;
import io.trainflow.connectors.ai.testdata.TestEngines;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A ModelAi on a stub endpoint, and the path items of the sample's software engineer alice.martin. */
public final class ModelFixtures {

    static final String KEY = "sk-test-secret-key-0123456789";

    private ModelFixtures() {}

    static OpenAiConfig config(StubModel stub) {
        return OpenAiConfig.of(stub.baseUrl(), "llama3.1:8b", KEY)
                .withTimeout(Duration.ofMillis(800))
                .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(50));
    }

    static Pseudonymiser pseudonymiser() {
        List<Pseudonymiser.Person> people = Sample.people().stream()
                .map(p -> new Pseudonymiser.Person(
                        p.employeeId(), p.firstName(), p.lastName(), p.username(), p.email(), p.employeeId()))
                .toList();
        return Pseudonymiser.of("test-secret".getBytes(StandardCharsets.UTF_8), people);
    }

    static ModelAi model(OpenAiConfig config, DataClassification classification) {
        return new ModelAi(
                config,
                new ChatClient(config),
                TestEngines.offline(),
                pseudonymiser(),
                classification,
                TestEngines.CLOCK);
    }

    static ModelAi model(StubModel stub) {
        return model(config(stub), DataClassification.defaults());
    }

    static CourseCandidate course(String id) {
        return Sample.catalogue().stream()
                .filter(c -> c.courseId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    static SkillNeed skill(String id) {
        return Sample.labelledGaps().stream()
                .map(Sample.LabelledGap::need)
                .filter(n -> n.skillId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** alice.martin's path: Python for Automation for the python gap, SQL for the sql gap. */
    static List<PathItem> alicePath() {
        return List.of(
                new PathItem(skill("python"), course("103"), 0.83), new PathItem(skill("sql"), course("104"), 0.67));
    }

    /** A well-behaved model: one reason per requested item, quoting the pseudonyms it was given. */
    public static String explainEveryItem(StubModel.Received request) {
        var reasons = OpenAiWire.JSON.createObjectNode();
        var list = reasons.putArray("reasons");
        JsonNode data = request.data();
        String who = data.path("learner").path("name").asString("the learner");
        for (JsonNode item : data.get("items")) {
            list.addObject()
                    .put("courseId", item.get("courseId").asString())
                    .put("skillId", item.get("skillId").asString())
                    .put(
                            "explanation",
                            item.get("courseTitle").asString() + " builds " + who + "'s "
                                    + item.get("skillName").asString() + " skills (similarity " + item.get("similarity")
                                    + ").");
        }
        return OpenAiWire.JSON.writeValueAsString(reasons);
    }
}
