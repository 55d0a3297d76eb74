package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.api.NoOutput;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskListenerResult;
import io.trainflow.workflows.api.TaskListenerResult.Corrections;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.RegisteredHandler;
import io.trainflow.workflows.engine.StepInvoker;
import io.trainflow.workflows.engine.StepOutcome;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.engine.delegate.TaskListener;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.service.delegate.DelegateTask;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Camunda 8's user task listeners ({@code zeebe:taskListeners}, 8.8 documentation "User task listeners"): for each
 * lifecycle event, the listeners of that event type run their job types through the handler registry, one after
 * the other in model order, and the transition waits for them. Here they run synchronously inside the engine's
 * transaction of the transition: creating as the task is created (before it is committed, so nobody sees it before
 * its corrections), assigning as it is claimed or assigned, completing as it completes (after the rules on who may
 * complete), canceling as it is interrupted or its process ends. A listener's handler returns a
 * {@link TaskListenerResult}: a denial (assigning, completing) rolls the transition back and is the person's 409
 * with the listener's reason; corrections are seen by the next listeners (in the {@code io.camunda.zeebe:*} task
 * headers) and applied when all ran, none when one denies. A listener that fails rolls the transition back: the
 * person's request is a 503 naming the element and listener (Camunda would keep the transition pending as an
 * incident); for creating and canceling the step that led there is retried, then an incident.
 */
public final class UserTaskListeners implements TaskListener {

    private static final long serialVersionUID = 1L;

    static final List<String> EVENT_TYPES = List.of("creating", "assigning", "updating", "completing", "canceling");

    /** Camunda's reserved task-header names for the task's data (the listener's input reads them). */
    static final String HEADER = "io.camunda.zeebe:";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Transient task variables: the creating listeners ran; an assignment waits for them. */
    private static final String CREATED = "trainflow-task-created";

    private static final String DEFERRED = "trainflow-assigning-deferred";

    private final transient HandlerRegistry handlers;
    private final transient StepInvoker invoker = new StepInvoker();

    UserTaskListeners(HandlerRegistry handlers) {
        this.handlers = handlers;
    }

    record Listener(String eventType, String type) {}

    /** Whether a handler may be a task listener: it returns a result or nothing, never variables. */
    static boolean canListen(RegisteredHandler handler) {
        return canListen(handler.outputType());
    }

    private static boolean canListen(Class<?> outputType) {
        return outputType == TaskListenerResult.class || outputType == NoOutput.class;
    }

    /** The same, read from the handler classes without building any handler (the lint command). */
    public static Set<String> typesOf(List<Class<? extends StepHandler<?, ?>>> handlerClasses) {
        return handlerClasses.stream()
                .filter(c -> canListen(HandlerRegistry.ioTypes(c)[1]))
                .map(c -> c.getAnnotation(TaskType.class).value())
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The task types whose handler may be a task listener (lint refuses the others as listener types). */
    public static Set<String> types(HandlerRegistry handlers) {
        return handlers.all().stream()
                .filter(UserTaskListeners::canListen)
                .map(RegisteredHandler::type)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The {@code zeebe:taskListener} entries of an element, in model order (lint reads them too). */
    public static List<ExtensionElement> entries(BaseElement element) {
        return Zeebe.child(element, "taskListeners")
                .map(all -> all.getChildElements().getOrDefault("taskListener", List.of()))
                .orElse(List.of());
    }

    /** The listeners of a user task, in model order. */
    static List<Listener> of(BaseElement element) {
        return entries(element).stream()
                .map(entry ->
                        new Listener(entry.getAttributeValue(null, "eventType"), entry.getAttributeValue(null, "type")))
                .toList();
    }

    /** Camunda's event type of a Flowable task event. */
    static String eventType(String flowableEvent) {
        return switch (flowableEvent) {
            case EVENTNAME_CREATE -> "creating";
            case EVENTNAME_ASSIGNMENT -> "assigning";
            case EVENTNAME_COMPLETE -> "completing";
            case EVENTNAME_DELETE -> "canceling";
            default -> flowableEvent;
        };
    }

    @Override
    public void notify(DelegateTask task) {
        String eventType = eventType(task.getEventName());
        boolean creating = task instanceof TaskEntity entity && entity.isInserted();
        if (creating && eventType.equals("assigning") && task.getTransientVariableLocal(CREATED) == null) {
            // Flowable assigns a new task before its create event; Camunda runs creating, then assigning
            task.setTransientVariableLocal(DEFERRED, true);
            return;
        }
        run(task, eventType);
        if (eventType.equals("creating")) {
            task.setTransientVariableLocal(CREATED, true);
            if (task.getTransientVariableLocal(DEFERRED) != null && task.getAssignee() != null) {
                run(task, "assigning");
            }
        }
    }

    private void run(DelegateTask task, String eventType) {
        List<Listener> listeners = of(Zeebe.elementOf(task)).stream()
                .filter(l -> eventType.equals(l.eventType()))
                .toList();
        if (listeners.isEmpty()) {
            return;
        }
        Corrections corrections = Corrections.NONE;
        for (Listener listener : listeners) {
            TaskListenerResult result = run(task, eventType, listener, corrections);
            if (result.denied()) {
                if (!deniable(eventType)) {
                    throw failed(
                            task,
                            listener,
                            "a " + eventType + " listener may not deny (Camunda 8 allows it for"
                                    + " assigning, updating and completing only)");
                }
                String reason =
                        result.deniedReason() == null || result.deniedReason().isBlank()
                                ? "no reason given"
                                : result.deniedReason();
                throw new TaskCompletionGuard.Refused(new TrainflowProblem.Conflict(
                        verb(eventType) + " task '" + task.getName() + "' (" + task.getTaskDefinitionKey()
                                + ") was denied by its task listener '" + listener.type() + "': " + reason));
            }
            corrections = corrections.then(result.corrections());
        }
        if (!"canceling".equals(eventType)) {
            apply(task, eventType, corrections);
        }
    }

    private static boolean deniable(String eventType) {
        return eventType.equals("assigning") || eventType.equals("updating") || eventType.equals("completing");
    }

    private TaskListenerResult run(DelegateTask task, String eventType, Listener listener, Corrections so) {
        RegisteredHandler handler =
                handlers.find(listener.type()).orElseThrow(() -> failed(task, listener, "no handler for this type"));
        if (!canListen(handler)) {
            // Camunda 8 completes a listener's job without variables: only a result (deny, corrections)
            throw failed(
                    task,
                    listener,
                    "its handler returns " + handler.outputType().getSimpleName()
                            + ", not a TaskListenerResult: a task listener sets no variables");
        }
        StepOutcome outcome;
        try {
            outcome = invoker.invoke(handler, task.getVariables(), headers(task, eventType, so));
        } catch (RuntimeException e) {
            throw failed(task, listener, e.getMessage());
        }
        if (!(outcome instanceof StepOutcome.Completed completed)) {
            throw failed(
                    task,
                    listener,
                    outcome instanceof StepOutcome.BusinessFailure error
                            ? "it threw BPMN error '" + error.code() + "', which a task listener may not"
                            : ((StepOutcome.Incident) outcome).message());
        }
        if (completed.variables().isEmpty()) {
            return TaskListenerResult.accept();
        }
        try {
            return JSON.convertValue(completed.variables(), TaskListenerResult.class);
        } catch (RuntimeException e) {
            throw failed(task, listener, "its result is not a task listener result: " + e.getMessage());
        }
    }

    private static TaskCompletionGuard.Refused failed(DelegateTask task, Listener listener, String why) {
        return new TaskCompletionGuard.Refused(new TrainflowProblem.Unavailable(
                "User task '" + task.getTaskDefinitionKey() + "': its " + listener.eventType() + " task listener '"
                        + listener.type() + "' failed (" + why + "); nothing changed, try again later"));
    }

    private static String verb(String eventType) {
        return switch (eventType) {
            case "assigning" -> "Assigning";
            case "updating" -> "Updating";
            default -> "Completing";
        };
    }

    /** The element's task headers, then the task's data as the listener sees it (corrections so far included). */
    private static Map<String, String> headers(DelegateTask task, String eventType, Corrections so) {
        Map<String, String> headers = new LinkedHashMap<>();
        Zeebe.child(Zeebe.elementOf(task), "taskHeaders").ifPresent(block -> {
            List<ExtensionElement> entries = block.getChildElements().get("header");
            if (entries != null) {
                entries.forEach(h -> headers.put(h.getAttributeValue(null, "key"), h.getAttributeValue(null, "value")));
            }
        });
        headers.put(HEADER + "action", action(eventType));
        headers.put(HEADER + "userTaskKey", task.getId());
        String assignee = so.assignee() != null ? so.assignee() : task.getAssignee();
        if (assignee != null && !assignee.isEmpty()) {
            headers.put(HEADER + "assignee", assignee);
        }
        headers.put(
                HEADER + "candidateUsers",
                list(so.candidateUsers() != null ? so.candidateUsers() : candidates(task, true)));
        headers.put(
                HEADER + "candidateGroups",
                list(so.candidateGroups() != null ? so.candidateGroups() : candidates(task, false)));
        String due = so.dueDate() != null ? so.dueDate() : iso(task.getDueDate());
        if (due != null && !due.isEmpty()) {
            headers.put(HEADER + "dueDate", due);
        }
        Object followUp = task.getVariableLocal(TaskSchedule.FOLLOW_UP);
        String followUpText = so.followUpDate() != null ? so.followUpDate() : iso(followUp);
        if (followUpText != null && !followUpText.isEmpty()) {
            headers.put(HEADER + "followUpDate", followUpText);
        }
        headers.put(HEADER + "priority", String.valueOf(so.priority() != null ? so.priority() : task.getPriority()));
        return headers;
    }

    private static String action(String eventType) {
        return switch (eventType) {
            case "assigning" -> "assign";
            case "completing" -> "complete";
            case "updating" -> "update";
            case "canceling" -> "cancel";
            default -> "create";
        };
    }

    private static String iso(Object date) {
        return date instanceof Date d ? d.toInstant().toString() : null;
    }

    /** A JSON list, as Camunda gives candidates in the headers. */
    private static String list(List<String> values) {
        return JSON.writeValueAsString(values);
    }

    private static List<String> candidates(DelegateTask task, boolean users) {
        Set<String> found = new LinkedHashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                String id = users ? link.getUserId() : link.getGroupId();
                if (id != null) {
                    found.add(id);
                }
            }
        }
        return List.copyOf(found);
    }

    private static void apply(DelegateTask task, String eventType, Corrections corrections) {
        if (corrections.assignee() != null && !("creating".equals(eventType) && task.getAssignee() != null)) {
            // Camunda: a creating listener corrects the assignee only when the process gave none
            task.setAssignee(corrections.assignee().isEmpty() ? null : corrections.assignee());
        }
        if (corrections.dueDate() != null) {
            task.setDueDate(date(task, "dueDate", corrections.dueDate()));
        }
        if (corrections.followUpDate() != null) {
            Date followUp = date(task, "followUpDate", corrections.followUpDate());
            if (followUp == null) {
                task.removeVariableLocal(TaskSchedule.FOLLOW_UP);
            } else {
                task.setVariableLocal(TaskSchedule.FOLLOW_UP, followUp);
            }
        }
        if (corrections.priority() != null) {
            if (corrections.priority() < 0 || corrections.priority() > 100) {
                throw new TaskCompletionGuard.Refused(new TrainflowProblem.Unavailable("User task '"
                        + task.getTaskDefinitionKey() + "': a task listener corrected the priority to "
                        + corrections.priority() + ", not between 0 and 100; nothing changed"));
            }
            task.setPriority(corrections.priority());
        }
        if (corrections.candidateUsers() != null) {
            candidates(task, true).forEach(task::deleteCandidateUser);
            task.addCandidateUsers(corrections.candidateUsers());
        }
        if (corrections.candidateGroups() != null) {
            candidates(task, false).forEach(task::deleteCandidateGroup);
            task.addCandidateGroups(corrections.candidateGroups());
        }
    }

    private static Date date(DelegateTask task, String what, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Date.from(TaskSchedule.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            throw new TaskCompletionGuard.Refused(new TrainflowProblem.Unavailable("User task '"
                    + task.getTaskDefinitionKey() + "': a task listener corrected the " + what + " to '" + text
                    + "', not an ISO-8601 date-time; nothing changed"));
        }
    }
}
