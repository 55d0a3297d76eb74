package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.ProcessHistoryPort;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.history.HistoricProcessInstanceQuery;
import org.flowable.task.api.history.HistoricTaskInstance;

/** The history port on Flowable's history service (history level audit or above keeps what it answers). */
public final class FlowableHistory implements ProcessHistoryPort {

    private final ProcessEngine engine;

    public FlowableHistory(TrainflowEngine engine) {
        this.engine = engine.flowable();
    }

    @Override
    public Optional<ProcessRecord> byBusinessKey(String processKey, String businessKey) {
        HistoricProcessInstanceQuery query =
                engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey);
        if (processKey != null) {
            query.processDefinitionKey(processKey);
        }
        return Optional.ofNullable(query.singleResult()).map(FlowableHistory::record);
    }

    @Override
    public List<ProcessRecord> byVariable(String processKey, String variable, Object value, int max) {
        return engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .variableValueEquals(variable, value)
                .orderByProcessInstanceStartTime()
                .desc()
                .listPage(0, max)
                .stream()
                .map(FlowableHistory::record)
                .toList();
    }

    @Override
    public Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> variables = new LinkedHashMap<>();
        engine.getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .list()
                .forEach(v -> variables.put(v.getVariableName(), v.getValue()));
        return variables;
    }

    @Override
    public String modelXml(String processDefinitionId) {
        try (InputStream in = engine.getRepositoryService().getProcessModel(processDefinitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> activeElements(String processInstanceId) {
        try {
            return engine.getRuntimeService().getActiveActivityIds(processInstanceId);
        } catch (FlowableObjectNotFoundException ended) {
            return List.of();
        }
    }

    @Override
    public List<String> passedElements(String processInstanceId) {
        return engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .finished()
                .list()
                .stream()
                .map(a -> a.getActivityId())
                .distinct()
                .toList();
    }

    @Override
    public List<TaskRecord> tasksOfRequest(String requestId) {
        List<TaskRecord> tasks = new ArrayList<>();
        for (HistoricTaskInstance task : engine.getHistoryService()
                .createHistoricTaskInstanceQuery()
                .processVariableValueEquals("requestId", requestId)
                .list()) {
            List<ProcessHistoryPort.Comment> comments = new ArrayList<>();
            for (String type : List.of(UserTasks.AUDIT_COMMENT, TaskCompletionGuard.ROUTING_NOTE)) {
                for (org.flowable.engine.task.Comment comment :
                        engine.getTaskService().getTaskComments(task.getId(), type)) {
                    comments.add(new ProcessHistoryPort.Comment(
                            comment.getTime().toInstant(), comment.getUserId(), type, comment.getFullMessage()));
                }
            }
            tasks.add(new TaskRecord(
                    task.getId(),
                    task.getName(),
                    task.getTaskDefinitionKey(),
                    instant(task.getEndTime()),
                    task.getDeleteReason(),
                    comments));
        }
        return tasks;
    }

    @Override
    public List<String> openTaskNames(String requestId) {
        return engine
                .getTaskService()
                .createTaskQuery()
                .processVariableValueEquals("requestId", requestId)
                .list()
                .stream()
                .map(t -> t.getName())
                .toList();
    }

    @Override
    public boolean decidedTaskOf(String user, String requestId) {
        return engine.getHistoryService()
                        .createHistoricTaskInstanceQuery()
                        .finished()
                        .taskAssignee(user)
                        .processVariableValueEquals("requestId", requestId)
                        .count()
                > 0;
    }

    @Override
    public void cancel(String processInstanceId, String reason) {
        try {
            engine.getRuntimeService().deleteProcessInstance(processInstanceId, reason);
        } catch (FlowableObjectNotFoundException endedMeanwhile) {
            throw new TrainflowProblem.Conflict("Process instance " + processInstanceId + " has already ended");
        }
    }

    private static ProcessRecord record(HistoricProcessInstance p) {
        return new ProcessRecord(
                p.getId(),
                p.getProcessDefinitionKey(),
                p.getProcessDefinitionId(),
                p.getBusinessKey(),
                instant(p.getStartTime()),
                instant(p.getEndTime()),
                p.getEndActivityId(),
                p.getDeleteReason(),
                p.getSuperProcessInstanceId());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
