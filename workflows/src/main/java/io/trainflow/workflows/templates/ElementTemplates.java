package io.trainflow.workflows.templates;

import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.engine.RegisteredHandler;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Camunda Modeler element templates (Camunda 8 schema) built from the handler code: the task
 * type, its inputs with their documentation and default FEEL, its outputs and business errors.
 */
public final class ElementTemplates {

    static final String SCHEMA = "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json";
    static final int VERSION = 1;

    private ElementTemplates() {
    }

    public static Map<String, Object> forHandler(RegisteredHandler handler) {
        TaskType type = handler.taskType();
        List<Object> properties = new ArrayList<>();
        properties.add(ordered("type", "Hidden", "value", type.value(),
                "binding", ordered("type", "zeebe:taskDefinition", "property", "type")));
        properties.add(ordered("label", "Retries", "description", "Attempts before the step becomes an incident",
                "group", "retries", "type", "String", "value", String.valueOf(type.retries()),
                "binding", ordered("type", "zeebe:taskDefinition", "property", "retries")));
        for (RecordComponent input : components(handler.inputType())) {
            Doc doc = input.getAnnotation(Doc.class);
            Map<String, Object> property = new LinkedHashMap<>();
            property.put("label", input.getName());
            property.put("description", doc == null ? input.getName() : doc.value());
            property.put("group", "inputs");
            property.put("type", "String");
            property.put("feel", "required");
            property.put("value", doc != null && !doc.feel().isEmpty() ? doc.feel() : "=" + input.getName());
            property.put("binding", ordered("type", "zeebe:input", "name", input.getName()));
            if (doc == null || !doc.optional()) {
                property.put("constraints", ordered("notEmpty", true));
            }
            properties.add(property);
        }
        for (RecordComponent output : components(handler.outputType())) {
            Doc doc = output.getAnnotation(Doc.class);
            properties.add(ordered("label", "Result variable: " + output.getName(),
                    "description", (doc == null ? output.getName() : doc.value()) + " (name of the variable to store it in)",
                    "group", "outputs", "type", "String", "value", output.getName(),
                    "binding", ordered("type", "zeebe:output", "source", "=" + output.getName())));
        }
        String description = type.description()
                + (type.errors().length == 0 ? "" : " Business errors (catch with an error boundary event): "
                + String.join(", ", type.errors()) + ".");
        Map<String, Object> template = header("io.trainflow." + type.value(), type.name(), description, "bpmn:ServiceTask");
        template.put("groups", List.of(group("inputs", "Inputs"), group("outputs", "Outputs"), group("retries", "Retries")));
        template.put("properties", properties);
        return template;
    }

    public static Map<String, Object> forUserTask(UserTaskTemplate task) {
        List<Object> properties = new ArrayList<>();
        properties.add(ordered("type", "Hidden", "value", "", "binding", ordered("type", "zeebe:userTask")));
        if (task.assignee() != null) {
            properties.add(ordered("label", "Assignee", "group", "assignment", "type", "String", "feel", "optional",
                    "value", task.assignee(), "binding", ordered("type", "zeebe:assignmentDefinition", "property", "assignee")));
        }
        if (task.candidateGroups() != null) {
            properties.add(ordered("label", "Candidate groups", "group", "assignment", "type", "String", "feel", "optional",
                    "value", task.candidateGroups(),
                    "binding", ordered("type", "zeebe:assignmentDefinition", "property", "candidateGroups")));
        }
        task.headers().forEach((key, value) -> properties.add(ordered("type", "Hidden", "value", value,
                "binding", ordered("type", "zeebe:taskHeader", "key", key))));
        if (task.formId() != null) {
            properties.add(ordered("label", "Form id", "group", "form", "type", "String", "value", task.formId(),
                    "description", "Id of the Camunda form (bpmn/" + task.formId() + ".form) completions are checked against",
                    "binding", ordered("type", "zeebe:formDefinition", "property", "formId")));
        }
        StringBuilder description = new StringBuilder(task.description()).append(task.formId() == null
                ? " Completed with: " : " Completed with the form '" + task.formId() + "': ");
        task.fields().forEach(f -> description.append(f.name()).append(" (").append(f.description()).append("); "));
        Map<String, Object> template = header("io.trainflow.user." + task.id(), task.name(), description.toString().strip(),
                "bpmn:UserTask");
        template.put("groups", task.formId() == null ? List.of(group("assignment", "Assignment"))
                : List.of(group("assignment", "Assignment"), group("form", "Form")));
        template.put("properties", properties);
        return template;
    }

    private static Map<String, Object> header(String id, String name, String description, String elementType) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("$schema", SCHEMA);
        template.put("name", name);
        template.put("id", id);
        template.put("description", description);
        template.put("version", VERSION);
        template.put("category", ordered("id", "trainflow", "name", "Trainflow"));
        template.put("appliesTo", List.of("bpmn:Task"));
        template.put("elementType", ordered("value", elementType));
        return template;
    }

    private static Map<String, Object> group(String id, String label) {
        return ordered("id", id, "label", label);
    }

    /** Maps keep their keys in the order written, so generated files are byte-for-byte stable. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static List<RecordComponent> components(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return components == null ? List.of() : List.of(components);
    }
}
