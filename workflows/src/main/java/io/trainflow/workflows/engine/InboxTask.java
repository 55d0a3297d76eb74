package io.trainflow.workflows.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A task as a person sees it in the inbox, with the id of the form it is completed with (and the form, when read
 * alone); its due and follow-up dates and priority (zeebe:taskSchedule, zeebe:priorityDefinition, or the
 * escalation timer), whether it is overdue on the engine's clock, who it is about and the campaign it belongs to.
 */
public record InboxTask(
        String id,
        String name,
        String elementId,
        String processInstanceId,
        String processKey,
        String assignee,
        List<String> candidateGroups,
        Instant created,
        String requestId,
        String employeeId,
        String requestedBy,
        Map<String, Object> context,
        String formId,
        Map<String, Object> form,
        Instant dueDate,
        Instant followUpDate,
        int priority,
        boolean overdue,
        Map<String, Object> employee,
        String campaign) {

    public InboxTask withForm(Map<String, Object> form) {
        return new InboxTask(
                id,
                name,
                elementId,
                processInstanceId,
                processKey,
                assignee,
                candidateGroups,
                created,
                requestId,
                employeeId,
                requestedBy,
                context,
                formId,
                form,
                dueDate,
                followUpDate,
                priority,
                overdue,
                employee,
                campaign);
    }
}
