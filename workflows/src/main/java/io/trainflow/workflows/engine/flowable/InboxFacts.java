package io.trainflow.workflows.engine.flowable;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
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
import org.flowable.task.service.impl.persistence.entity.TaskEntity;

/**
 * Writes on each new user task what the web inbox sorts and filters by, so a 10,000-task inbox is narrowed by
 * the database, not in memory: its due date (when the process escalates or ends it: its interrupting boundary
 * timer with a fixed ISO duration), and as task variables the learner's name and department and the campaign the
 * request belongs to. Runs in the transaction that creates the task.
 */
final class InboxFacts implements FlowableEventListener {

    static final String EMPLOYEE = "inboxEmployee";
    static final String DEPARTMENT = "inboxDepartment";
    static final String CAMPAIGN = "inboxCampaign";

    /** The process a campaign runs; its business key is the programme (campaign) id. */
    private static final String CAMPAIGN_PROCESS = "training-programme";

    @Override
    public void onEvent(FlowableEvent event) {
        if (event.getType() != FlowableEngineEventType.TASK_CREATED
                || !(((FlowableEntityEvent) event).getEntity() instanceof TaskEntity task) || task.getProcessDefinitionId() == null) {
            return;
        }
        if (task.getDueDate() == null) {
            dueAfter(task.getProcessDefinitionId(), task.getTaskDefinitionKey())
                    .ifPresent(after -> task.setDueDate(Date.from(task.getCreateTime().toInstant().plus(after))));
        }
        if (task.getVariable("profile") instanceof Map<?, ?> profile) {
            String name = profile.get("displayName") == null ? "" : profile.get("displayName").toString();
            task.setVariableLocal(EMPLOYEE, (name + " " + Optional.ofNullable(profile.get("employeeId")).orElse("")).strip());
            if (profile.get("department") != null) {
                task.setVariableLocal(DEPARTMENT, profile.get("department").toString());
            }
        }
        campaignOf(task).ifPresent(campaign -> task.setVariableLocal(CAMPAIGN, campaign));
    }

    /** How long after creation the task's interrupting timer fires, when it is a fixed duration. */
    static Optional<Duration> dueAfter(String processDefinitionId, String elementId) {
        FlowElement element = ProcessDefinitionUtil.getBpmnModel(processDefinitionId).getFlowElement(elementId);
        if (!(element instanceof Activity activity)) {
            return Optional.empty();
        }
        for (BoundaryEvent boundary : activity.getBoundaryEvents()) {
            if (boundary.isCancelActivity() && !boundary.getEventDefinitions().isEmpty()
                    && boundary.getEventDefinitions().get(0) instanceof TimerEventDefinition timer && timer.getTimeDuration() != null) {
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
        ExecutionEntity instance = CommandContextUtil.getExecutionEntityManager().findById(task.getProcessInstanceId());
        if (instance == null || instance.getRootProcessInstanceId() == null) {
            return Optional.empty();
        }
        ExecutionEntity root = CommandContextUtil.getExecutionEntityManager().findById(instance.getRootProcessInstanceId());
        return root != null && CAMPAIGN_PROCESS.equals(root.getProcessDefinitionKey()) ? Optional.ofNullable(root.getBusinessKey())
                : Optional.empty();
    }

    @Override
    public boolean isFailOnException() {
        return false;
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
