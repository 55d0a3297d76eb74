package io.trainflow.workflows.templates;

import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.TaskType;
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

    private ElementTemplates() {}

    /**
     * What a process relies on in a handler's template: its type, the names, Java types, optionality and default
     * FEEL of its inputs, the names and types of its outputs, its business errors. Wording is not part of it.
     */
    public static String contract(TaskType type, Class<?> inputType, Class<?> outputType) {
        StringBuilder c = new StringBuilder("type ").append(type.value()).append('\n');
        for (RecordComponent input : components(inputType)) {
            Doc doc = input.getAnnotation(Doc.class);
            c.append("in ")
                    .append(input.getName())
                    .append(' ')
                    .append(input.getGenericType().getTypeName())
                    .append(doc != null && doc.optional() ? " optional" : "")
                    .append(doc != null && !doc.feel().isEmpty() ? " " + doc.feel() : "")
                    .append('\n');
        }
        for (RecordComponent output : components(outputType)) {
            c.append("out ")
                    .append(output.getName())
                    .append(' ')
                    .append(output.getGenericType().getTypeName())
                    .append('\n');
        }
        c.append("errors ").append(String.join(",", new java.util.TreeSet<>(List.of(type.errors()))));
        return c.toString();
    }

    /** What a process relies on in a user task's template: everything it sets, not its wording. */
    public static String contract(UserTaskTemplate task) {
        return "user " + task.id() + "\nassignee " + task.assignee() + "\ngroups " + task.candidateGroups()
                + "\nheaders " + new java.util.TreeMap<>(task.headers()) + "\nform " + task.formId()
                + "\nfields "
                + task.fields().stream().map(UserTaskTemplate.Field::name).toList();
    }

    public static Map<String, Object> forHandler(TaskType type, Class<?> inputType, Class<?> outputType, int version) {
        List<Object> properties = new ArrayList<>();
        properties.add(ordered(
                "type",
                "Hidden",
                "value",
                type.value(),
                "binding",
                ordered("type", "zeebe:taskDefinition", "property", "type")));
        properties.add(ordered(
                "label",
                "Retries",
                "description",
                "Attempts before the step becomes an incident",
                "group",
                "retries",
                "type",
                "String",
                "value",
                String.valueOf(type.retries()),
                "binding",
                ordered("type", "zeebe:taskDefinition", "property", "retries")));
        for (RecordComponent input : components(inputType)) {
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
        for (RecordComponent output : components(outputType)) {
            Doc doc = output.getAnnotation(Doc.class);
            properties.add(ordered(
                    "label",
                    "Result variable: " + output.getName(),
                    "description",
                    (doc == null ? output.getName() : doc.value()) + " (name of the variable to store it in)",
                    "group",
                    "outputs",
                    "type",
                    "String",
                    "value",
                    output.getName(),
                    "binding",
                    ordered("type", "zeebe:output", "source", "=" + output.getName())));
        }
        String description = type.description()
                + (type.errors().length == 0
                        ? ""
                        : " Business errors (catch with an error boundary event): " + String.join(", ", type.errors())
                                + ".");
        Map<String, Object> template = header(id(type), type.name(), description, "bpmn:ServiceTask", version);
        template.put(
                "groups", List.of(group("inputs", "Inputs"), group("outputs", "Outputs"), group("retries", "Retries")));
        template.put("properties", properties);
        return template;
    }

    /** The template id of a task type, as {@code zeebe:modelerTemplate} names it in the BPMN. */
    public static String id(TaskType type) {
        return "io.trainflow." + type.value();
    }

    public static String id(UserTaskTemplate task) {
        return "io.trainflow.user." + task.id();
    }

    public static Map<String, Object> forUserTask(UserTaskTemplate task, int version) {
        List<Object> properties = new ArrayList<>();
        properties.add(ordered("type", "Hidden", "value", "", "binding", ordered("type", "zeebe:userTask")));
        if (task.assignee() != null) {
            properties.add(ordered(
                    "label",
                    "Assignee",
                    "group",
                    "assignment",
                    "type",
                    "String",
                    "feel",
                    "optional",
                    "value",
                    task.assignee(),
                    "binding",
                    ordered("type", "zeebe:assignmentDefinition", "property", "assignee")));
        }
        if (task.candidateGroups() != null) {
            properties.add(ordered(
                    "label",
                    "Candidate groups",
                    "group",
                    "assignment",
                    "type",
                    "String",
                    "feel",
                    "optional",
                    "value",
                    task.candidateGroups(),
                    "binding",
                    ordered("type", "zeebe:assignmentDefinition", "property", "candidateGroups")));
        }
        task.headers()
                .forEach((key, value) -> properties.add(ordered(
                        "type", "Hidden", "value", value, "binding", ordered("type", "zeebe:taskHeader", "key", key))));
        if (task.formId() != null) {
            properties.add(ordered(
                    "label",
                    "Form id",
                    "group",
                    "form",
                    "type",
                    "String",
                    "value",
                    task.formId(),
                    "description",
                    "Id of the Camunda form (bpmn/" + task.formId() + ".form) completions are checked against",
                    "binding",
                    ordered("type", "zeebe:formDefinition", "property", "formId")));
        }
        StringBuilder description = new StringBuilder(task.description())
                .append(
                        task.formId() == null
                                ? " Completed with: "
                                : " Completed with the form '" + task.formId() + "': ");
        task.fields()
                .forEach(f -> description
                        .append(f.name())
                        .append(" (")
                        .append(f.description())
                        .append("); "));
        Map<String, Object> template =
                header(id(task), task.name(), description.toString().strip(), "bpmn:UserTask", version);
        template.put(
                "groups",
                task.formId() == null
                        ? List.of(group("assignment", "Assignment"))
                        : List.of(group("assignment", "Assignment"), group("form", "Form")));
        template.put("properties", properties);
        return template;
    }

    private static Map<String, Object> header(
            String id, String name, String description, String elementType, int version) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("$schema", SCHEMA);
        template.put("name", name);
        template.put("id", id);
        template.put("description", description);
        template.put("version", version);
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
