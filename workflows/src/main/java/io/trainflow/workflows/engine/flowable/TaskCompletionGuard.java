package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.Directory;
import java.util.Collection;
import java.util.Set;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.delegate.TaskListener;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.TaskInfo;
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
        check(Authentication.getAuthenticatedUserId(), new Completing(task.getTaskDefinitionKey(), task.getName(),
                task.getAssignee(), task.getProcessDefinitionId()), task.getVariable(REQUESTER), task.getCandidates());
    }

    /**
     * The same rules for a task about to be completed, so a caller can refuse before anything
     * else is looked at (a stranger learns nothing about the task's form).
     */
    public void check(String user, TaskInfo task, Object requester, Collection<? extends IdentityLink> links) {
        check(user, new Completing(task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), task.getProcessDefinitionId()),
                requester, links);
    }

    /** What the rules read of a task, from a live task or one being completed. */
    private record Completing(String elementId, String name, String assignee, String processDefinitionId) {
    }

    private void check(String user, Completing task, Object requester, Collection<? extends IdentityLink> links) {
        if (user == null || user.isBlank()) {
            throw new FlowableForbiddenException("Task '" + task.elementId() + "' must be completed by a named user");
        }
        boolean isRequester = user.equals(requester);
        boolean isAssignee = user.equals(task.assignee());
        if (isRequester && (!isAssignee || isApproval(task))) {
            throw new FlowableForbiddenException(user + " made this request and cannot complete '"
                    + task.name() + "' (" + task.elementId() + ")");
        }
        if (!isAssignee && !isCandidate(task, links, user)) {
            throw new FlowableForbiddenException(user + " is neither the assignee nor a candidate of task '"
                    + task.name() + "' (" + task.elementId() + ")");
        }
    }

    private boolean isCandidate(Completing task, Collection<? extends IdentityLink> links, String user) {
        if (task.assignee() != null) {
            return false;
        }
        Set<String> groups = directory.groupsOf(user);
        for (IdentityLink link : links) {
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
    private static boolean isApproval(Completing task) {
        FlowElement element = ProcessDefinitionUtil.getBpmnModel(task.processDefinitionId()).getFlowElement(task.elementId());
        return "true".equalsIgnoreCase(Zeebe.header(element, "approval").orElse(null));
    }
}
