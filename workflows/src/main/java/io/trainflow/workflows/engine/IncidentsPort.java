package io.trainflow.workflows.engine;

import java.time.Instant;
import java.util.List;

/**
 * Steps that ran out of attempts (or could not run at all), as the admins' incidents page sees them on any engine:
 * listed, read, and retried with new attempts. An unknown id is the engine's not-found refusal.
 */
public interface IncidentsPort {

    /** The open incidents, oldest first. */
    List<Incident> list();

    Incident get(String id);

    /** What the engine kept about the failure (a stack trace, or the error message); empty when nothing. */
    String details(String id);

    /** Gives the step {@code retries} new attempts; the incident disappears. */
    void retry(String id, int retries);

    /** One parked step. {@code type} is the task type for steps run by a handler (may be null). */
    record Incident(
            String id,
            String processInstanceId,
            String processDefinitionId,
            String elementId,
            String elementName,
            String type,
            String message,
            Instant createdAt) {}
}
