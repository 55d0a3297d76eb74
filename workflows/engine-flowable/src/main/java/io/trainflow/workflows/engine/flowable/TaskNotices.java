package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.duties.Step;
import io.trainflow.workflows.notify.tasks.TaskNotice;
import io.trainflow.workflows.notify.tasks.TaskNotifier;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.delegate.TaskListener;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.task.api.Task;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.flowable.task.service.delegate.DelegateTask;
import org.flowable.task.service.impl.persistence.entity.HistoricTaskInstanceEntity;

/**
 * The Flowable face of {@link TaskNotifier}: as a user task is created (after separation of duties routed it), the
 * notifier hears of it inside the engine's transaction, on the engine's own connection. A task that replaces one its
 * interrupting timer ended (the approval's "after 5 days") is an escalation.
 */
final class TaskNotices implements TaskListener {

    private static final long serialVersionUID = 1L;

    /** Variables a notice reads besides the parties. */
    private static final List<String> READ = List.of("requestId");

    private final transient TaskNotifier notifier;

    TaskNotices(TaskNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void notify(DelegateTask task) {
        if (notifier == TaskNotifier.NONE) {
            return;
        }
        Map<String, Object> variables = task.getVariables(variables());
        TaskNotice.Kind kind = escalated(task) ? TaskNotice.Kind.ESCALATED : TaskNotice.Kind.CREATED;
        notifier.notice(
                notice(
                        kind,
                        task.getId(),
                        task.getName(),
                        variables,
                        TaskCompletionGuard.step(
                                task.getTaskDefinitionKey(),
                                task.getName(),
                                task.getProcessDefinitionId(),
                                task.getAssignee(),
                                variables,
                                task.getCandidates())),
                connection());
    }

    /** The connection of the running engine command: what is written on it commits with the task. */
    static Connection connection() {
        return EngineConnection.of(Context.getCommandContext());
    }

    /** A notice about an open task, read through the engine's services (outside a task listener). */
    static TaskNotice notice(ProcessEngine engine, Task task, TaskNotice.Kind kind) {
        // one command: whether it is an approval is read from the process model, which needs the engine's context
        return engine.getManagementService().executeCommand(context -> {
            Map<String, Object> variables = engine.getTaskService().getVariables(task.getId(), variables());
            return notice(
                    kind,
                    task.getId(),
                    task.getName(),
                    variables,
                    TaskCompletionGuard.step(
                            task, variables, engine.getTaskService().getIdentityLinksForTask(task.getId())));
        });
    }

    private static TaskNotice notice(
            TaskNotice.Kind kind, String taskId, String taskName, Map<String, Object> variables, Step step) {
        return TaskNotice.of(kind, taskId, taskName, variables, TaskCompletionGuard.parties(variables), step);
    }

    private static List<String> variables() {
        List<String> names = new ArrayList<>(TaskCompletionGuard.PARTY_VARIABLES);
        names.addAll(READ);
        return names;
    }

    /**
     * The last earlier task of this element in this instance was ended by one of its interrupting timers. When the timer
     * fires, the old task ends in this very transaction: its history is then only in the engine's cache, not yet in
     * the database.
     */
    private static boolean escalated(DelegateTask task) {
        if (task.getProcessInstanceId() == null) {
            return false;
        }
        Optional<HistoricTaskInstanceEntity> endedNow =
                CommandContextUtil.getEntityCache().findInCache(HistoricTaskInstanceEntity.class).stream()
                        .filter(t -> task.getProcessInstanceId().equals(t.getProcessInstanceId())
                                && task.getTaskDefinitionKey().equals(t.getTaskDefinitionKey())
                                && !task.getId().equals(t.getId())
                                && t.getEndTime() != null)
                        .max(Comparator.comparing(HistoricTaskInstanceEntity::getEndTime));
        if (endedNow.isPresent()) {
            return endedNow.get().getDeleteReason() != null
                    && timerBoundary(
                            task.getProcessDefinitionId(), endedNow.get().getDeleteReason());
        }
        List<HistoricTaskInstance> last = CommandContextUtil.getProcessEngineConfiguration()
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(task.getTaskDefinitionKey())
                .finished()
                .orderByHistoricTaskInstanceEndTime()
                .desc()
                .listPage(0, 1);
        return last.stream()
                .anyMatch(t -> t.getDeleteReason() != null
                        && timerBoundary(task.getProcessDefinitionId(), t.getDeleteReason()));
    }

    /** Flowable ends a task its boundary event interrupts with the reason "boundary event (id)". */
    private static boolean timerBoundary(String processDefinitionId, String deleteReason) {
        String prefix = "boundary event (";
        if (!deleteReason.startsWith(prefix) || !deleteReason.endsWith(")")) {
            return false;
        }
        FlowElement element = ProcessDefinitionUtil.getBpmnModel(processDefinitionId)
                .getFlowElement(deleteReason.substring(prefix.length(), deleteReason.length() - 1));
        return element instanceof BoundaryEvent boundary
                && boundary.isCancelActivity()
                && boundary.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance);
    }
}
