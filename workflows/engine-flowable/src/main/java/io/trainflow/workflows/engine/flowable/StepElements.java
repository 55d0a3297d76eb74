package io.trainflow.workflows.engine.flowable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.engine.ManagementService;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;

/**
 * What the BPMN says about each step element — its {@code zeebe:taskHeaders} and
 * {@code zeebe:taskDefinition retries} — read once per process definition version.
 */
final class StepElements {

    /** Headers, and the attempts the BPMN allows (null: the handler's default). */
    record Step(Map<String, String> headers, Integer retries) {}

    private final ManagementService management;
    private final Map<String, Step> cache = new ConcurrentHashMap<>();

    StepElements(ManagementService management) {
        this.management = management;
    }

    Step of(String processDefinitionId, String elementId) {
        if (processDefinitionId == null || elementId == null) {
            return new Step(Map.of(), null);
        }
        return cache.computeIfAbsent(
                processDefinitionId + "/" + elementId,
                key -> management.executeCommand(context -> {
                    FlowElement element = ProcessDefinitionUtil.getBpmnModel(processDefinitionId)
                            .getFlowElement(elementId);
                    Map<String, String> headers = new LinkedHashMap<>();
                    Zeebe.child(element, "taskHeaders").ifPresent(block -> {
                        List<ExtensionElement> entries =
                                block.getChildElements().get("header");
                        if (entries != null) {
                            // Modeler's connector templates write headers left empty without a value: they say nothing
                            entries.stream()
                                    .filter(h -> h.getAttributeValue(null, "key") != null
                                            && h.getAttributeValue(null, "value") != null)
                                    .forEach(h -> headers.put(
                                            h.getAttributeValue(null, "key"), h.getAttributeValue(null, "value")));
                        }
                    });
                    Integer retries = Zeebe.attribute(element, "taskDefinition", "retries")
                            .filter(r -> r.strip().matches("\\d+"))
                            .map(r -> Integer.parseInt(r.strip()))
                            .orElse(null);
                    return new Step(Map.copyOf(headers), retries);
                }));
    }
}
