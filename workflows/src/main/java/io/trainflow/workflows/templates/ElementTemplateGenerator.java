package io.trainflow.workflows.templates;

import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.TrainflowPorts;
import java.time.Clock;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.RegisteredHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one element template per task type and user task into a folder; run by the build
 * (see workflows/pom.xml) so the Modeler palette can never drift from the Java.
 */
public final class ElementTemplateGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ElementTemplateGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "bpmn/element-templates");
        Map<String, String> files = render(sampleRegistry());
        Files.createDirectories(out);
        try (var existing = Files.list(out)) {
            for (Path file : existing.filter(p -> p.toString().endsWith(".json")).toList()) {
                if (!files.containsKey(file.getFileName().toString())) {
                    Files.delete(file);
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = out.resolve(file.getKey());
            if (!Files.exists(target) || !Files.readString(target).equals(file.getValue())) {
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        }
        System.out.println("Element templates: " + files.size() + " in " + out.toAbsolutePath().normalize());
    }

    /** The handlers wired to the sample organisation: only their classes matter here. */
    static HandlerRegistry sampleRegistry() {
        return new HandlerRegistry(StepHandlers.all(TrainflowPorts.sample(SampleOrganisation.fromClasspath(), Clock.systemUTC())));
    }

    /** File name → JSON text for every template. */
    public static Map<String, String> render(HandlerRegistry registry) {
        Map<String, String> files = new TreeMap<>();
        for (RegisteredHandler handler : registry.all()) {
            files.put(handler.type() + ".json", JSON.writeValueAsString(ElementTemplates.forHandler(handler)) + "\n");
        }
        for (UserTaskTemplate task : UserTaskTemplate.all()) {
            files.put("user-" + task.id() + ".json", JSON.writeValueAsString(ElementTemplates.forUserTask(task)) + "\n");
        }
        return files;
    }
}
