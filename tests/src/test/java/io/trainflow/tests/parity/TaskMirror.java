package io.trainflow.tests.parity;

import io.trainflow.engine.camunda.ContractGateway;
import io.trainflow.workflows.feel.FeelValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.engine.ProcessEngine;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;

/**
 * The stand-in engine's open user tasks, shown on the contract gateway as a cluster shows the tasks its models
 * opened: process, element, name, the element's task headers, assignee, candidates, creation time and the variables
 * the task sees. A task the stand-in closed (a boundary timer, a message) is cancelled on the gateway; a task the
 * adapter completed is completed on the stand-in with exactly the variables of the adapter's command.
 */
final class TaskMirror {

    private static final String DECIDED = io.trainflow.workflows.duties.Parties.DECIDED;

    private final ContractGateway gateway;
    private final ProcessEngine engine;
    /** Stand-in task id to gateway key, and back. */
    private final Map<String, String> keys = new HashMap<>();

    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, Map<String, String>> headers = new HashMap<>();

    TaskMirror(ContractGateway gateway, ProcessEngine engine) {
        this.gateway = gateway;
        this.engine = engine;
    }

    void sync() {
        List<Task> open = engine.getTaskService().createTaskQuery().list();
        Set<String> openIds = open.stream().map(Task::getId).collect(Collectors.toSet());
        for (String id : List.copyOf(keys.keySet())) {
            if (!openIds.contains(id)) {
                String key = keys.remove(id);
                ids.remove(key);
                if (gateway.userTaskOpen(key)) {
                    gateway.cancelUserTask(key);
                }
            }
        }
        for (Task task : open) {
            String key = keys.get(task.getId());
            if (key == null) {
                key = show(task);
                keys.put(task.getId(), key);
                ids.put(key, task.getId());
            } else {
                gateway.assign(key, task.getAssignee());
            }
        }
    }

    /**
     * The adapter completed the gateway's task as {@code user}: the stand-in completes its own with the command's
     * variables, as that user (its guard checks the same rules again). Who decided, as the adapter sent it, must be
     * what the embedded engine records for the same decision.
     */
    void completed(String key, String user, Map<String, Object> variables) {
        String id = ids.remove(key);
        if (id == null) {
            throw new AssertionError("The adapter completed task " + key + ", which no model opened");
        }
        keys.remove(id);
        String instance = engine.getTaskService()
                .createTaskQuery()
                .taskId(id)
                .singleResult()
                .getProcessInstanceId();
        Object before = decided(instance);
        engine.getIdentityService().setAuthenticatedUserId(user);
        try {
            engine.getTaskService().complete(id, variables);
        } finally {
            engine.getIdentityService().setAuthenticatedUserId(null);
        }
        Object recorded = decided(instance);
        boolean decision = !String.valueOf(recorded).equals(String.valueOf(before));
        if ((decision || variables.containsKey(DECIDED))
                && !String.valueOf(recorded).equals(String.valueOf(variables.get(DECIDED)))) {
            throw new AssertionError("The adapter sent " + DECIDED + " " + variables.get(DECIDED)
                    + "; the embedded engine recorded " + recorded + " for the same decision by " + user);
        }
    }

    /** Who decided so far, as the instance's variable holds it (null before the first decision). */
    private Object decided(String instance) {
        return engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance)
                .variableName(DECIDED)
                .list()
                .stream()
                .filter(v -> v.getTaskId() == null)
                .findFirst()
                .map(v -> FeelValues.toPlain(v.getValue()))
                .orElse(null);
    }

    private String show(Task task) {
        List<String> groups = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
            if ("candidate".equals(link.getType())) {
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                } else if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
            }
        }
        return gateway.mirrorUserTask(
                task.getProcessDefinitionId().split(":")[0],
                task.getTaskDefinitionKey(),
                task.getName(),
                headers(task),
                task.getAssignee(),
                groups,
                users,
                task.getCreateTime().toInstant(),
                plain(engine.getTaskService().getVariables(task.getId())));
    }

    /** The element's {@code zeebe:taskHeaders}, from the deployed model. */
    private Map<String, String> headers(Task task) {
        return headers.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(), k -> {
            FlowElement element = engine.getRepositoryService()
                    .getBpmnModel(task.getProcessDefinitionId())
                    .getFlowElement(task.getTaskDefinitionKey());
            Map<String, String> found = new LinkedHashMap<>();
            for (ExtensionElement list : element.getExtensionElements().getOrDefault("taskHeaders", List.of())) {
                for (ExtensionElement header : list.getChildElements().getOrDefault("header", List.of())) {
                    found.put(header.getAttributeValue(null, "key"), header.getAttributeValue(null, "value"));
                }
            }
            return found;
        });
    }

    /** Variables as JSON-like values, as a cluster holds them. */
    static Map<String, Object> plain(Map<String, Object> variables) {
        Map<String, Object> plain = new LinkedHashMap<>();
        variables.forEach((name, value) -> plain.put(name, FeelValues.toPlain(value)));
        return plain;
    }
}
