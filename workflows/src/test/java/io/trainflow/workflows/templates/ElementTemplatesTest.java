package io.trainflow.workflows.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.engine.HandlerRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ElementTemplatesTest {

    private static final Path BPMN = Path.of("..", "bpmn");
    private final Map<String, String> rendered;

    ElementTemplatesTest() throws IOException {
        rendered = ElementTemplateGenerator.render(TemplateVersions.read(BPMN.resolve("element-templates")));
    }

    @Test
    void everyTaskTypeUsedInTheProcessesHasATemplateInThePalette() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern type = Pattern.compile("zeebe:taskDefinition type=\"([^\"]+)\"");
        try (Stream<Path> files = Files.list(BPMN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher m = type.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        for (String t : used) {
            assertThat(BPMN.resolve("element-templates").resolve(t + ".json"))
                    .as("template for " + t)
                    .exists();
        }
    }

    @Test
    void committedTemplatesAreExactlyWhatTheHandlerCodeGenerates() throws IOException {
        for (Map.Entry<String, String> file : rendered.entrySet()) {
            assertThat(Files.readString(BPMN.resolve("element-templates").resolve(file.getKey())))
                    .as(file.getKey() + " is stale: run mvn process-classes -pl workflows")
                    .isEqualTo(file.getValue());
        }
        try (Stream<Path> files = Files.list(BPMN.resolve("element-templates"))) {
            assertThat(files.map(p -> p.getFileName().toString())
                            .filter(name -> !ElementTemplateGenerator.PREVIOUS
                                    .matcher(name)
                                    .matches())
                            .filter(name -> !name.equals(TemplateVersions.FILE))
                            .toList())
                    .as("templates with no handler behind them")
                    .containsExactlyInAnyOrderElementsOf(rendered.keySet());
        }
    }

    @Test
    void templateBindsTheTypeAndEveryInputOfTheHandler() {
        JsonMapper json = JsonMapper.builder().build();
        for (Class<? extends StepHandler<?, ?>> type : StepHandlers.types()) {
            RegisteredHandlerView handler = new RegisteredHandlerView(
                    type.getAnnotation(TaskType.class).value(), HandlerRegistry.ioTypes(type)[0]);
            JsonNode template = json.readTree(rendered.get(handler.type() + ".json"));
            assertThat(template.get("elementType").get("value").asString()).isEqualTo("bpmn:ServiceTask");
            List<JsonNode> properties = template.get("properties").valueStream().toList();
            assertThat(properties).anySatisfy(p -> {
                assertThat(p.get("binding").get("type").asString()).isEqualTo("zeebe:taskDefinition");
                assertThat(p.get("value").asString()).isEqualTo(handler.type());
            });
            for (var component : handler.inputType().getRecordComponents()) {
                assertThat(properties)
                        .as(handler.type() + " input " + component.getName())
                        .anySatisfy(p -> {
                            assertThat(p.get("binding").get("type").asString()).isEqualTo("zeebe:input");
                            assertThat(p.get("binding").get("name").asString()).isEqualTo(component.getName());
                            assertThat(p.get("description").asString()).isNotBlank();
                        });
            }
        }
    }

    private record RegisteredHandlerView(String type, Class<?> inputType) {}
}
