package io.trainflow.workflows.engine.flowable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.engine.ManagementService;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;

/** The {@code zeebe:taskHeaders} of each element, read once per process definition version. */
final class TaskHeaders {

    private final ManagementService management;
    private final Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();

    TaskHeaders(ManagementService management) {
        this.management = management;
    }

    Map<String, String> of(String processDefinitionId, String elementId) {
        if (processDefinitionId == null || elementId == null) {
            return Map.of();
        }
        return cache.computeIfAbsent(processDefinitionId + "/" + elementId, key -> management.executeCommand(context -> {
            FlowElement element = ProcessDefinitionUtil.getBpmnModel(processDefinitionId).getFlowElement(elementId);
            Map<String, String> headers = new LinkedHashMap<>();
            Zeebe.child(element, "taskHeaders").ifPresent(block -> {
                List<ExtensionElement> entries = block.getChildElements().get("header");
                if (entries != null) {
                    entries.forEach(h -> headers.put(h.getAttributeValue(null, "key"), h.getAttributeValue(null, "value")));
                }
            });
            return Map.copyOf(headers);
        }));
    }
}
