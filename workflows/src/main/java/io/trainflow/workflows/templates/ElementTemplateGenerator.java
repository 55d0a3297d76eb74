package io.trainflow.workflows.templates;

import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.engine.HandlerRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one element template per handler class and user task into a folder, at the version recorded for its
 * contract ({@link TemplateVersions}); run by the build (see workflows/pom.xml) so the Modeler palette can never
 * drift from the Java. Built from the classes alone: no handler is instantiated.
 *
 * <p>A template whose contract changed keeps its file untouched (and the template test fails) until someone runs
 * the generator with {@code --new-versions}: that keeps the previous file as {@code <id>.v<N>.json} (Camunda Modeler
 * then offers the upgrade on tasks still at version N) and writes version N+1.
 */
public final class ElementTemplateGenerator {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    /** A kept previous version: {@code check-budget.v1.json}. */
    static final Pattern PREVIOUS = Pattern.compile("(.+)\\.v(\\d+)\\.json");

    private ElementTemplateGenerator() {}

    /** One template to write: its file name, id, contract and how to render it at a version. */
    record Template(
            String file, String id, String contract, java.util.function.IntFunction<Map<String, Object>> render) {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "bpmn/element-templates");
        boolean newVersions = List.of(args).contains("--new-versions");
        Files.createDirectories(out);
        TemplateVersions versions = TemplateVersions.read(out);
        Map<String, String> files = new TreeMap<>();
        List<String> stale = new ArrayList<>();
        for (Template t : templates()) {
            TemplateVersions.Recorded recorded = versions.get(t.file());
            String hash = TemplateVersions.hash(t.contract());
            int version;
            if (recorded == null) {
                version = 1;
            } else if (recorded.contractHash().equals(hash)) {
                version = recorded.version();
            } else if (newVersions) {
                Path current = out.resolve(t.file() + ".json");
                if (Files.exists(current)) {
                    Files.copy(current, out.resolve(t.file() + ".v" + recorded.version() + ".json"));
                }
                version = recorded.version() + 1;
            } else {
                stale.add(t.file());
                continue;
            }
            versions.put(t.file(), new TemplateVersions.Recorded(version, hash));
            files.put(t.file() + ".json", JSON.writeValueAsString(t.render().apply(version)) + "\n");
        }
        try (var existing = Files.list(out)) {
            for (Path file :
                    existing.filter(p -> p.toString().endsWith(".json")).toList()) {
                String name = file.getFileName().toString();
                var previous = PREVIOUS.matcher(name);
                boolean kept = previous.matches() && versions.get(previous.group(1)) != null;
                if (!files.containsKey(name) && !kept && !stale.contains(name.replace(".json", ""))) {
                    Files.delete(file);
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            writeIfChanged(out.resolve(file.getKey()), file.getValue());
        }
        writeIfChanged(out.resolve(TemplateVersions.FILE), versions.text());
        System.out.println("Element templates: " + files.size() + " in "
                + out.toAbsolutePath().normalize());
        if (!stale.isEmpty()) {
            System.out.println(
                    "WARNING: the contract of " + stale + " changed; their templates were left as they are."
                            + " Run the generator with --new-versions to write the next version (README \"Element templates and their versions\")");
        }
    }

    private static void writeIfChanged(Path target, String text) throws IOException {
        if (!Files.exists(target) || !Files.readString(target).equals(text)) {
            Files.writeString(target, text, StandardCharsets.UTF_8);
        }
    }

    /** Every template, from the handler classes and the user tasks. */
    static List<Template> templates() {
        List<Template> templates = new ArrayList<>();
        for (Class<? extends StepHandler<?, ?>> handler : StepHandlers.types()) {
            TaskType type = handler.getAnnotation(TaskType.class);
            Class<?>[] io = HandlerRegistry.ioTypes(handler);
            templates.add(new Template(
                    type.value(),
                    ElementTemplates.id(type),
                    ElementTemplates.contract(type, io[0], io[1]),
                    version -> ElementTemplates.forHandler(type, io[0], io[1], version)));
        }
        for (UserTaskTemplate task : UserTaskTemplate.all()) {
            templates.add(new Template(
                    "user-" + task.id(),
                    ElementTemplates.id(task),
                    ElementTemplates.contract(task),
                    version -> ElementTemplates.forUserTask(task, version)));
        }
        return templates;
    }

    /** File name → JSON text of every template at its recorded version (what the build writes). */
    public static Map<String, String> render(TemplateVersions versions) {
        Map<String, String> files = new TreeMap<>();
        for (Template t : templates()) {
            TemplateVersions.Recorded recorded = versions.get(t.file());
            files.put(
                    t.file() + ".json",
                    JSON.writeValueAsString(t.render().apply(recorded == null ? 1 : recorded.version())) + "\n");
        }
        return files;
    }
}
