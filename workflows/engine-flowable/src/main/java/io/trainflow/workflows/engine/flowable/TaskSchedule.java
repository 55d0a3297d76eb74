package io.trainflow.workflows.engine.flowable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.delegate.TaskListener;
import org.flowable.task.service.delegate.DelegateTask;

/**
 * Camunda 8's {@code zeebe:taskSchedule} (due and follow-up dates: ISO-8601 date-times, or FEEL giving one)
 * and {@code zeebe:priorityDefinition} (0-100, default 50) of a user task, applied as the task is created:
 * the inbox sorts by due date, then priority, and marks overdue tasks. The follow-up date is kept as the
 * task's local variable {@value #FOLLOW_UP}.
 */
final class TaskSchedule implements TaskListener {

    private static final long serialVersionUID = 1L;

    static final TaskSchedule INSTANCE = new TaskSchedule();

    /** Task-local variable holding the follow-up date (a Flowable task has none). */
    public static final String FOLLOW_UP = "followUpDate";

    @Override
    public void notify(DelegateTask task) {
        FlowElement element = Zeebe.elementOf(task);
        Zeebe.attribute(element, "taskSchedule", "dueDate")
                .map(v -> date(task, "dueDate", v))
                .ifPresent(task::setDueDate);
        Zeebe.attribute(element, "taskSchedule", "followUpDate")
                .map(v -> date(task, "followUpDate", v))
                .ifPresent(d -> task.setVariableLocal(FOLLOW_UP, d));
        Zeebe.attribute(element, "priorityDefinition", "priority")
                .map(v -> Zeebe.value(v, task))
                .ifPresent(p -> {
                    int priority = p instanceof Number n
                            ? n.intValue()
                            : Integer.parseInt(p.toString().strip());
                    if (priority < 0 || priority > 100) {
                        throw new FlowableException("User task '" + task.getTaskDefinitionKey() + "': priority "
                                + priority + " is not between 0 and 100");
                    }
                    task.setPriority(priority);
                });
    }

    private static Date date(DelegateTask task, String what, String text) {
        Object value = Zeebe.value(text, task);
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof ZonedDateTime zoned) {
                return Date.from(zoned.toInstant());
            } else if (value instanceof OffsetDateTime offset) {
                return Date.from(offset.toInstant());
            } else if (value instanceof Date date) {
                return date;
            }
            return Date.from(parse(value.toString().strip()));
        } catch (DateTimeParseException e) {
            throw new FlowableException("User task '" + task.getTaskDefinitionKey() + "': " + what + " '" + value
                    + "' is not an ISO-8601 date-time (e.g. 2026-03-02T17:00:00Z)");
        }
    }

    /** An ISO-8601 date-time with an offset or zone, as Camunda 8 requires. */
    static Instant parse(String text) {
        return ZonedDateTime.parse(text).toInstant();
    }
}
