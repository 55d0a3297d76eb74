package io.trainflow.workflows.lint;

import java.util.ArrayList;
import java.util.List;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.Association;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.CompensateEventDefinition;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.StartEvent;

/**
 * Compensation events as Camunda 8 runs them: boundary events tied by an association to their handler, throw and
 * end events (with an {@code activityRef} naming an activity that has a compensation boundary event). Camunda 8
 * has no compensation event sub-process, and neither does Trainflow.
 */
final class CompensationRules {

    private CompensationRules() {}

    /** Why the compensation event cannot run; empty when it can. */
    static List<String> check(Event event, CompensateEventDefinition definition, BpmnModel model) {
        List<String> problems = new ArrayList<>();
        Process process = model.getProcesses().stream()
                .filter(p -> p.getFlowElement(event.getId(), true) != null)
                .findFirst()
                .orElse(null);
        if (event instanceof StartEvent) {
            problems.add("compensation event sub-processes are not supported (Camunda 8 has none either): attach a"
                    + " compensation boundary event to the activity, with its handler");
        } else if (event instanceof BoundaryEvent boundary) {
            boolean handled = process != null
                    && process.findAssociationsWithSourceRefRecursive(boundary.getId()).stream()
                            .map(Association::getTargetRef)
                            .map(id -> process.getFlowElement(id, true))
                            .anyMatch(h -> h instanceof Activity a && a.isForCompensation());
            if (!handled) {
                problems.add("compensation boundary event has no compensation handler: associate it with an activity"
                        + " marked for compensation");
            }
            if (boundary.getAttachedToRef() != null
                    && boundary.getAttachedToRef().getLoopCharacteristics() != null) {
                // tried: the instances of such an activity never completed on the embedded engine
                problems.add("compensation of a multi-instance activity is not supported on the embedded engine yet:"
                        + " compensate an activity inside a multi-instance sub-process instead");
            }
        } else if (definition.getActivityRef() != null
                && !definition.getActivityRef().isBlank()
                && process != null) {
            FlowElement ref = process.getFlowElement(definition.getActivityRef(), true);
            boolean compensable = ref instanceof Activity activity
                    && activity.getBoundaryEvents().stream()
                            .anyMatch(b -> b.getEventDefinitions().stream()
                                    .anyMatch(CompensateEventDefinition.class::isInstance));
            if (!compensable) {
                problems.add("activityRef '" + definition.getActivityRef() + "' names no activity with a compensation"
                        + " boundary event");
            }
        }
        return problems;
    }
}
