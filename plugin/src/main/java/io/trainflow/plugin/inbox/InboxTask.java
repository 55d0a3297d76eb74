package io.trainflow.plugin.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A task as a person sees it in the inbox. */
public record InboxTask(String id, String name, String elementId, String processInstanceId, String processKey,
                        String assignee, List<String> candidateGroups, Instant created, String requestId,
                        String employeeId, String requestedBy, Map<String, Object> context) {
}
