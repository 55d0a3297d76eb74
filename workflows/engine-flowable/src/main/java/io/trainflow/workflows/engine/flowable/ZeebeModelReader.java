package io.trainflow.workflows.engine.flowable;

import java.util.Map;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.DataObject;
import org.flowable.bpmn.model.DataStoreReference;
import org.flowable.bpmn.model.ExtensionAttribute;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Message;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.common.engine.impl.util.io.BytesStreamSource;

/**
 * Turns the bytes of a Zeebe-dialect {@code .bpmn} file into Flowable's model, unchanged
 * except for what Flowable's own reader drops: the {@code zeebe:subscription} of each
 * {@code bpmn:message} (its correlation key) and the {@code zeebe:loopCharacteristics} of
 * multi-instance activities are put back where they were.
 */
public final class ZeebeModelReader {

    static {
        BpmnXMLConverter.addConverter(new ZeebeServiceTaskXMLConverter());
        ZeebeJobElementConverters.install();
    }

    private ZeebeModelReader() {}

    /** Registers the Zeebe converters; idempotent. */
    public static void install() {
        // the static initialiser does the work once per class loader
    }

    public static BpmnModel read(byte[] xml) {
        BpmnModel model = new BpmnXMLConverter().convertToBpmnModel(new BytesStreamSource(xml), false, false, "UTF-8");
        DroppedExtensions dropped = DroppedExtensions.scan(xml);
        dropped.correlationKeys().forEach((messageId, key) -> {
            Message message = model.getMessage(messageId);
            if (message != null && Zeebe.child(message, "subscription").isEmpty()) {
                message.addExtensionElement(element("subscription", Map.of("correlationKey", key)));
            }
        });
        dropped.loops().forEach((activityId, attributes) -> {
            for (Process process : model.getProcesses()) {
                if (process.getFlowElement(activityId, true) instanceof Activity activity
                        && activity.getLoopCharacteristics() != null
                        && Zeebe.child(activity.getLoopCharacteristics(), "loopCharacteristics")
                                .isEmpty()) {
                    activity.getLoopCharacteristics().addExtensionElement(element("loopCharacteristics", attributes));
                }
            }
        });
        dropped.scripts().forEach((taskId, attributes) -> {
            for (Process process : model.getProcesses()) {
                if (process.getFlowElement(taskId, true) instanceof ScriptTask task
                        && Zeebe.child(task, "script").isEmpty()) {
                    task.addExtensionElement(element("script", attributes));
                }
            }
        });
        dropped.links().forEach((eventId, name) -> {
            for (Process process : model.getProcesses()) {
                if (process.getFlowElement(eventId, true) instanceof org.flowable.bpmn.model.Event event) {
                    ExtensionAttribute link = new ExtensionAttribute(LINK);
                    link.setValue(name);
                    event.addAttribute(link);
                }
            }
        });
        // Camunda 8 ignores data objects and stores (documentation only); Flowable would make variables of them
        model.getProcesses().forEach(ZeebeModelReader::withoutData);
        if (!dropped.links().isEmpty()) {
            model.getProcesses().forEach(LinkEvents::connect);
        }
        model.getProcesses().forEach(ExecutionListeners::insert);
        return model;
    }

    /** Attribute marking an event whose link definition Flowable dropped (lint names it). */
    public static final String LINK = "trainflow-link";

    private static void withoutData(org.flowable.bpmn.model.FlowElementsContainer container) {
        for (FlowElement element : new java.util.ArrayList<>(container.getFlowElements())) {
            if (element instanceof DataObject || element instanceof DataStoreReference) {
                container.removeFlowElement(element.getId());
            } else if (element instanceof org.flowable.bpmn.model.SubProcess sub) {
                withoutData(sub);
            }
        }
        if (container instanceof Process process) {
            process.getDataObjects().clear();
        } else if (container instanceof org.flowable.bpmn.model.SubProcess sub) {
            sub.getDataObjects().clear();
        }
    }

    /** The ids of the processes a file defines (none when it does not read). */
    public static java.util.List<String> processIds(byte[] xml) {
        try {
            return read(xml).getProcesses().stream().map(Process::getId).toList();
        } catch (RuntimeException e) {
            return java.util.List.of();
        }
    }

    static ExtensionElement element(String name, Map<String, String> attributes) {
        ExtensionElement element = new ExtensionElement();
        element.setName(name);
        element.setNamespace(Zeebe.NAMESPACE);
        element.setNamespacePrefix("zeebe");
        attributes.forEach((key, value) -> {
            ExtensionAttribute attribute = new ExtensionAttribute(key);
            attribute.setValue(value);
            element.addAttribute(attribute);
        });
        return element;
    }
}
