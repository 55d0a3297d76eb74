package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.Directory;
import java.util.Set;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.delegate.TaskListener;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.service.delegate.DelegateTask;

/**
 * Runs as the task completes, inside the engine's transaction: only a named person who may
 * see the task completes it, and the person who made the request never decides on it through
 * a group or an approval. A refusal rolls the completion back; the task stays open.
 */
public class TaskCompletionGuard implements TaskListener {

    private static final long serialVersionUID = 1L;

    /** Variable naming the requester of the process instance. */
    public static final String REQUESTER = "requestedBy";

    private final transient Directory directory;

    public TaskCompletionGuard(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void notify(DelegateTask task) {
        String user = Authentication.getAuthenticatedUserId();
        if (user == null || user.isBlank()) {
            throw new FlowableForbiddenException("Task '" + task.getTaskDefinitionKey() + "' must be completed by a named user");
        }
        Object requester = task.getVariable(REQUESTER);
        boolean isRequester = user.equals(requester);
        boolean isAssignee = user.equals(task.getAssignee());
        if (isRequester && (!isAssignee || isApproval(task))) {
            throw new FlowableForbiddenException(user + " made this request and cannot complete '"
                    + task.getName() + "' (" + task.getTaskDefinitionKey() + ")");
        }
        if (!isAssignee && !isCandidate(task, user)) {
            throw new FlowableForbiddenException(user + " is neither the assignee nor a candidate of task '"
                    + task.getName() + "' (" + task.getTaskDefinitionKey() + ")");
        }
    }

    private boolean isCandidate(DelegateTask task, String user) {
        if (task.getAssignee() != null) {
            return false;
        }
        Set<String> groups = directory.groupsOf(user);
        for (IdentityLink link : task.getCandidates()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (user.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }

    /** An approval is a user task with the task header {@code approval = true} (see docs/TASK-TYPES.md). */
    static boolean isApproval(DelegateTask task) {
        FlowElement element = ProcessDefinitionUtil.getBpmnModel(task.getProcessDefinitionId())
                .getFlowElement(task.getTaskDefinitionKey());
        return "true".equalsIgnoreCase(Zeebe.header(element, "approval").orElse(null));
    }
}
