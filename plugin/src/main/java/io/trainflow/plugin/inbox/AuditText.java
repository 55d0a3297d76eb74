package io.trainflow.plugin.inbox;

import java.util.Map;
import org.flowable.task.api.Task;

/** The line the audit trail keeps for a completed task: what was decided, and why. */
final class AuditText {

    private static final int MAX = 3900;

    private AuditText() {
    }

    static String of(Task task, Map<String, Object> variables) {
        StringBuilder text = new StringBuilder(task.getTaskDefinitionKey()).append(':');
        variables.forEach((name, value) -> text.append(' ').append(name).append('=').append(value));
        return text.length() > MAX ? text.substring(0, MAX) : text.toString();
    }
}
