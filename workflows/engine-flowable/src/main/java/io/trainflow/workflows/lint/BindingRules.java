package io.trainflow.workflows.lint;

import io.trainflow.workflows.engine.flowable.Zeebe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowable.bpmn.model.BaseElement;

/**
 * {@code bindingType} on called processes, decisions and forms. Processes and decisions bind as Camunda 8
 * documents (latest, deployment, versionTag); a form is the one deployed with its process, or the latest one
 * carrying the version tag it is bound by.
 */
final class BindingRules {

    private static final List<String> TYPES = List.of("latest", "deployment", "versionTag");

    private BindingRules() {}

    /** Why the element's bindings cannot run; empty when they can. */
    static List<String> check(BaseElement element) {
        List<String> problems = new ArrayList<>();
        for (String child : List.of("calledElement", "calledDecision", "formDefinition")) {
            Optional<String> binding =
                    Zeebe.attribute(element, child, "bindingType").map(String::strip);
            if (binding.isEmpty()) {
                continue;
            }
            if (!TYPES.contains(binding.get())) {
                problems.add("zeebe:" + child + " bindingType '" + binding.get() + "' is not one of " + TYPES);
            } else if (binding.get().equals("versionTag")
                    && Zeebe.attribute(element, child, "versionTag").isEmpty()) {
                problems.add("zeebe:" + child + " bindingType 'versionTag' needs a versionTag");
            }
        }
        return problems;
    }
}
