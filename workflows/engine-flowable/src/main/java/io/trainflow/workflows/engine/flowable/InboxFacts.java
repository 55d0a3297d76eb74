package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.duties.Duties;
import io.trainflow.workflows.duties.Parties;
import io.trainflow.workflows.duties.Step;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.task.api.TaskInfo;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.flowable.variable.api.event.FlowableVariableEvent;

/**
 * Writes on each new user task what the web inbox sorts and filters by, so a 100,000-task inbox is narrowed by
 * the database, not in memory: its due date (when the process escalates or ends it: its interrupting boundary
 * timer with a fixed ISO duration), as task variables the learner's name and department and the campaign, and its
 * row of inbox facts ({@link InboxFactRows}: what the list shows, and whom separation of duties keeps away). The
 * facts are written again whenever a variable they come from changes in the task's process instance (a decision
 * recorded, a delegation noted on the task), and deleted with the task (completed, cancelled, withdrawn). Runs in
 * the transaction that changes the task: a failure here fails that transaction, never leaves facts behind.
 */
final class InboxFacts implements FlowableEventListener {

    static final String EMPLOYEE = "inboxEmployee";
    static final String DEPARTMENT = "inboxDepartment";
    static final String CAMPAIGN = "inboxCampaign";

    /** The process a campaign runs; its business key is the programme (campaign) id. */
    private static final String CAMPAIGN_PROCESS = "training-programme";

    /** The variables the facts are made of (separation of duties' among them). */
    private static final List<String> READ = java.util.stream.Stream.concat(
                    TaskCompletionGuard.PARTY_VARIABLES.stream(),
                    java.util.stream.Stream.of("requestId", "employeeId", "pathCost", UserTasks.FOLLOW_UP_DATE))
            .distinct()
            .toList();

    /** The engine events the facts follow. */
    static final FlowableEngineEventType[] EVENTS = {
        FlowableEngineEventType.TASK_CREATED,
        FlowableEngineEventType.TASK_COMPLETED,
        FlowableEngineEventType.ENTITY_DELETED,
        FlowableEngineEventType.VARIABLE_CREATED,
        FlowableEngineEventType.VARIABLE_UPDATED,
        FlowableEngineEventType.VARIABLE_DELETED
    };

    private final Duties duties;
    private final Function<TaskInfo, Optional<String>> formIdOf;

    InboxFacts(Duties duties, Function<TaskInfo, Optional<String>> formIdOf) {
        this.duties = duties;
        this.formIdOf = formIdOf;
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (event.getType() == FlowableEngineEventType.TASK_CREATED
                && ((FlowableEntityEvent) event).getEntity() instanceof TaskEntity task
                && task.getProcessDefinitionId() != null) {
            created(task);
        } else if ((event.getType() == FlowableEngineEventType.TASK_COMPLETED
                        || event.getType() == FlowableEngineEventType.ENTITY_DELETED)
                && ((FlowableEntityEvent) event).getEntity() instanceof TaskEntity task) {
            InboxFactRows.delete(TaskNotices.connection(), task.getId());
        } else if (event instanceof FlowableVariableEvent variable && READ.contains(variable.getVariableName())) {
            // a process variable deleted is not followed (a scope's variables go as it ends; a stale fact only keeps
            // more
            // people away), a task's own is (a delegation given back removes the deputy's note)
            if (event.getType() == FlowableEngineEventType.VARIABLE_DELETED && variable.getTaskId() == null) {
                return;
            }
            List<TaskEntity> tasks = variable.getTaskId() != null
                    ? Optional.ofNullable(CommandContextUtil.getTaskService().getTask(variable.getTaskId()))
                            .map(List::of)
                            .orElse(List.of())
                    : variable.getProcessInstanceId() == null
                            ? List.of()
                            : CommandContextUtil.getTaskService()
                                    .findTasksByProcessInstanceId(variable.getProcessInstanceId());
            tasks.stream()
                    .filter(task -> !task.isDeleted() && task.getProcessDefinitionId() != null)
                    .forEach(this::write);
        }
    }

    /** What a new task gets: its due date, its filter variables, its facts (also for an open task found without facts). */
    void created(TaskEntity task) {
        if (task.getDueDate() == null) {
            dueAfter(task.getProcessDefinitionId(), task.getTaskDefinitionKey())
                    .ifPresent(after -> task.setDueDate(
                            Date.from(task.getCreateTime().toInstant().plus(after))));
        }
        if (task.getVariable("profile") instanceof Map<?, ?> profile) {
            String name = profile.get("displayName") == null
                    ? ""
                    : profile.get("displayName").toString();
            task.setVariableLocal(
                    EMPLOYEE,
                    (name + " " + Optional.ofNullable(profile.get("employeeId")).orElse("")).strip());
            if (profile.get("department") != null) {
                task.setVariableLocal(DEPARTMENT, profile.get("department").toString());
            }
        }
        campaignOf(task).ifPresent(campaign -> task.setVariableLocal(CAMPAIGN, campaign));
        write(task);
    }

    /** The task's facts as its variables say now (inside the engine command). */
    void write(TaskEntity task) {
        InboxFactRows.write(TaskNotices.connection(), fact(task));
    }

    private InboxFactRows.Fact fact(TaskEntity task) {
        Map<String, Object> variables = task.getVariables(READ);
        Step step = TaskCompletionGuard.step(
                task.getTaskDefinitionKey(),
                task.getName(),
                task.getProcessDefinitionId(),
                task.getAssignee(),
                variables,
                List.of());
        Map<String, Object> employee = new HashMap<>();
        if (variables.get(Parties.PROFILE) instanceof Map<?, ?> profile) {
            for (String key : FlowableUserTasks.EMPLOYEE_KEYS) {
                if (profile.get(key) != null) {
                    employee.put(key, profile.get(key));
                }
            }
        }
        Object followUp = variables.get(UserTasks.FOLLOW_UP_DATE);
        return new InboxFactRows.Fact(
                task.getId(),
                task.getProcessInstanceId(),
                InboxFactRows.text(variables.get("requestId")),
                InboxFactRows.text(variables.get("employeeId")),
                InboxFactRows.text(variables.get(Parties.REQUESTER)),
                employee,
                task.getVariableLocal(CAMPAIGN) instanceof String campaign
                        ? campaign
                        : campaignOf(task).orElse(null),
                step.decision(),
                step.level(),
                variables.get("pathCost") instanceof Number cost ? cost.doubleValue() : null,
                InboxFactRows.text(variables.get(Parties.ON_BEHALF_OF)),
                followUp instanceof Date date ? date.toInstant() : null,
                formIdOf.apply(task).orElse(null),
                duties.keptAway(TaskCompletionGuard.parties(variables), step));
    }

    /** How long after creation the task's interrupting timer fires, when it is a fixed duration. */
    static Optional<Duration> dueAfter(String processDefinitionId, String elementId) {
        FlowElement element =
                ProcessDefinitionUtil.getBpmnModel(processDefinitionId).getFlowElement(elementId);
        if (!(element instanceof Activity activity)) {
            return Optional.empty();
        }
        for (BoundaryEvent boundary : activity.getBoundaryEvents()) {
            if (boundary.isCancelActivity()
                    && !boundary.getEventDefinitions().isEmpty()
                    && boundary.getEventDefinitions().get(0) instanceof TimerEventDefinition timer
                    && timer.getTimeDuration() != null) {
                try {
                    return Optional.of(Duration.parse(timer.getTimeDuration().strip()));
                } catch (DateTimeParseException notFixed) {
                    // a FEEL duration depends on the instance: no due date rather than a wrong one
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> campaignOf(TaskEntity task) {
        ExecutionEntity instance =
                CommandContextUtil.getExecutionEntityManager().findById(task.getProcessInstanceId());
        if (instance == null || instance.getRootProcessInstanceId() == null) {
            return Optional.empty();
        }
        ExecutionEntity root =
                CommandContextUtil.getExecutionEntityManager().findById(instance.getRootProcessInstanceId());
        return root != null && CAMPAIGN_PROCESS.equals(root.getProcessDefinitionKey())
                ? Optional.ofNullable(root.getBusinessKey())
                : Optional.empty();
    }

    @Override
    public boolean isFailOnException() {
        return true;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return null;
    }
}
