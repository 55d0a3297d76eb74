package io.trainflow.workflows.lint;

import io.trainflow.workflows.engine.flowable.UserTaskListeners;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.UserTask;

/**
 * What lint says of {@code zeebe:taskListeners} (Camunda 8.8's user task listeners, run by the engine's
 * {@code UserTaskListeners}): each needs a known event type and a job type with a handler; a computed (FEEL) type
 * is not run; an {@code updating} listener is accepted with a note, as nothing in Trainflow updates an open task.
 */
final class TaskListenerRules {

    private static final List<String> EVENT_TYPES =
            List.of("creating", "assigning", "updating", "completing", "canceling");

    static final String UPDATING_NOTE = "'updating' task listeners are never triggered on Trainflow: nothing updates"
            + " an open user task's attributes or variables (Camunda's update API, Operate)";

    private TaskListenerRules() {}

    /** Problems (refusals) and notes, each one sentence. */
    record Findings(List<String> problems, List<String> notes) {}

    static Findings check(FlowElement element, Set<String> taskTypes, Set<String> listenerTypes) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<ExtensionElement> listeners = UserTaskListeners.entries(element);
        if (!(element instanceof UserTask)) {
            problems.add("zeebe:taskListeners belong on user tasks only");
            return new Findings(problems, notes);
        }
        Set<String> seen = new HashSet<>();
        for (ExtensionElement listener : listeners) {
            String eventType = blankToNull(listener.getAttributeValue(null, "eventType"));
            String type = blankToNull(listener.getAttributeValue(null, "type"));
            if (eventType == null || !EVENT_TYPES.contains(eventType)) {
                problems.add("task listener eventType '" + eventType + "' is not one of " + EVENT_TYPES);
                continue;
            }
            if (type == null) {
                problems.add("a " + eventType + " task listener has no job type");
                continue;
            }
            if (type.startsWith("=")) {
                problems.add("task listener type '" + type + "' is a FEEL expression: not run yet, give the job"
                        + " type itself");
            } else if (!taskTypes.contains(type)) {
                problems.add("task listener type '" + type + "' (" + eventType + ") has no handler");
            } else if (!listenerTypes.contains(type)) {
                problems.add("task listener type '" + type + "' (" + eventType + ") runs a handler that returns"
                        + " variables, not a TaskListenerResult: a task listener sets none (Camunda 8)");
            }
            if (eventType.equals("updating") && seen.add(eventType)) {
                notes.add(UPDATING_NOTE);
            }
        }
        return new Findings(problems, notes);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
