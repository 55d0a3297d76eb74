package io.trainflow.workflows.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.TaskType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template's version follows its contract: a handler whose inputs or outputs changed without a new template
 * version fails here; previous versions stay beside the current one for Modeler's upgrade; Trainflow's own BPMN
 * applies the current template to every service task of a Trainflow type.
 */
class TemplateVersionsTest {

    private static final Path TEMPLATES = Path.of("..", "bpmn", "element-templates");
    private static final String BPMN_MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";

    @Test
    void everyTemplateIsAtTheVersionRecordedForItsContract() throws IOException {
        TemplateVersions versions = TemplateVersions.read(TEMPLATES);
        for (ElementTemplateGenerator.Template t : ElementTemplateGenerator.templates()) {
            TemplateVersions.Recorded recorded = versions.get(t.file());
            assertThat(recorded)
                    .as("%s has no recorded version: run mvn process-classes -pl workflows", t.file())
                    .isNotNull();
            assertThat(TemplateVersions.hash(t.contract()))
                    .as(
                            "the contract of %s (inputs, outputs, errors) changed, but its template is still version %d:"
                                    + " run ElementTemplateGenerator with --new-versions (README \"Element templates and their versions\")"
                                    + " and update zeebe:modelerTemplateVersion in bpmn/",
                            t.file(), recorded.version())
                    .isEqualTo(recorded.contractHash());
        }
    }

    @TaskType(value = "probe", name = "Probe", description = "a handler's contract, before and after")
    private static final class Probe {}

    record Before(
            @Doc(value = "The learner", feel = "=profile") String profile) {}

    record Reworded(
            @Doc(value = "Who learns", feel = "=profile") String profile) {}

    record OneMoreInput(
            @Doc(value = "The learner", feel = "=profile") String profile, Double pathCost) {}

    record Retyped(
            @Doc(value = "The learner", feel = "=profile") Map<String, Object> profile) {}

    record Out(boolean overBudget) {}

    @Test
    void anInputAddedOrRetypedIsANewContractAndNewWordingIsNot() {
        TaskType type = Probe.class.getAnnotation(TaskType.class);
        String before = ElementTemplates.contract(type, Before.class, Out.class);

        assertThat(ElementTemplates.contract(type, Reworded.class, Out.class)).isEqualTo(before);
        assertThat(ElementTemplates.contract(type, OneMoreInput.class, Out.class))
                .isNotEqualTo(before);
        assertThat(ElementTemplates.contract(type, Retyped.class, Out.class)).isNotEqualTo(before);
        assertThat(ElementTemplates.contract(type, Before.class, Before.class))
                .as("outputs count too")
                .isNotEqualTo(before);
    }

    @Test
    void everyPreviousVersionIsKeptForModelersUpgrade() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        TemplateVersions versions = TemplateVersions.read(TEMPLATES);
        for (Map.Entry<String, TemplateVersions.Recorded> t : versions.all().entrySet()) {
            JsonNode current =
                    json.readTree(TEMPLATES.resolve(t.getKey() + ".json").toFile());
            assertThat(current.get("version").asInt())
                    .as(t.getKey())
                    .isEqualTo(t.getValue().version());
            for (int v = 1; v < t.getValue().version(); v++) {
                Path previous = TEMPLATES.resolve(t.getKey() + ".v" + v + ".json");
                assertThat(previous)
                        .as("version %d of %s, kept for the upgrade", v, t.getKey())
                        .exists();
                JsonNode old = json.readTree(previous.toFile());
                assertThat(old.get("version").asInt()).isEqualTo(v);
                assertThat(old.get("id").asString()).isEqualTo(current.get("id").asString());
            }
        }
    }

    @Test
    void everyTrainflowServiceTaskInTheBpmnAppliesItsCurrentTemplate() throws Exception {
        TemplateVersions versions = TemplateVersions.read(TEMPLATES);
        List<String> trainflowTypes = StepHandlers.types().stream()
                .map(h -> h.getAnnotation(TaskType.class).value())
                .toList();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Map<String, Integer> checked = new HashMap<>();
        try (Stream<Path> files = Files.list(TEMPLATES.getParent())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                NodeList tasks = factory.newDocumentBuilder()
                        .parse(file.toFile())
                        .getElementsByTagNameNS(BPMN_MODEL, "serviceTask");
                for (int i = 0; i < tasks.getLength(); i++) {
                    Element task = (Element) tasks.item(i);
                    NodeList definitions = task.getElementsByTagNameNS(ZEEBE, "taskDefinition");
                    String type =
                            definitions.getLength() == 0 ? null : ((Element) definitions.item(0)).getAttribute("type");
                    if (!trainflowTypes.contains(type)) {
                        continue;
                    }
                    String where = file.getFileName() + " element '" + task.getAttribute("id") + "'";
                    assertThat(task.getAttributeNS(ZEEBE, "modelerTemplate"))
                            .as(where)
                            .isEqualTo("io.trainflow." + type);
                    assertThat(task.getAttributeNS(ZEEBE, "modelerTemplateVersion"))
                            .as(where)
                            .isEqualTo(String.valueOf(versions.get(type).version()));
                    checked.merge(type, 1, Integer::sum);
                }
            }
        }
        assertThat(checked).as("service tasks checked").isNotEmpty();
    }
}
