package io.trainflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Handlers are discovered from the class path's registries, none forgotten, each built with its ports. */
class HandlerDiscoveryTest {

    @Test
    void everyTaskTypeOfThisModuleIsRegisteredAndBuilt() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<String> annotated;
        try (Stream<Path> files = Files.walk(classes)) {
            List<String> names = files.filter(p -> p.toString().endsWith("Handler.class"))
                    .map(p -> classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .toList();
            annotated = new java.util.ArrayList<>();
            for (String name : names) {
                Class<?> type = Class.forName(name);
                // Camunda's own connectors (io.camunda:...) run on their Camel runtime, which the application adds
                // beside the discovered handlers (RestConnector.with): they take no ports
                if (type.isAnnotationPresent(TaskType.class)
                        && StepHandler.class.isAssignableFrom(type)
                        && !type.getAnnotation(TaskType.class).value().startsWith("io.camunda:")) {
                    annotated.add(name);
                }
            }
        }

        assertThat(StepHandlers.types().stream().map(Class::getName).toList())
                .as("every @TaskType handler is in " + StepHandlers.REGISTRY)
                .containsExactlyInAnyOrderElementsOf(annotated);

        List<StepHandler<?, ?>> built =
                StepHandlers.all(Sample.ports(SampleOrganisation.fromClasspath(), Clock.systemUTC()));
        assertThat(built.stream().map(h -> h.getClass().getName()).toList())
                .containsExactlyElementsOf(
                        StepHandlers.types().stream().map(Class::getName).toList());
    }
}
