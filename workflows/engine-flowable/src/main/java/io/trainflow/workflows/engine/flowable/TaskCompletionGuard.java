package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.duties.Duties;
import io.trainflow.workflows.duties.Parties;
import io.trainflow.workflows.duties.Routing;
import io.trainflow.workflows.duties.Step;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.delegate.TaskListener;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.TaskInfo;
import org.flowable.task.service.delegate.DelegateTask;

/**
 * The Flowable face of {@link Duties}, on every user task: as a task is created it goes only to people
 * who may decide it (else to the fallback group, with the reason as task variable {@value #ROUTING_NOTE}
 * and a comment in the audit trail); as it completes, inside the engine's transaction, the completer must
 * be someone who may see it, and an approval records who decided. A refusal rolls the completion back.
 */
public class TaskCompletionGuard implements TaskListener {

    private static final long serialVersionUID = 1L;

    /** Variable naming the requester of the process instance. */
    public static final String REQUESTER = Parties.REQUESTER;

    /** Task variable (and comment type) saying why a task went elsewhere than modelled. */
    public static final String ROUTING_NOTE = "routingNote";

    /** The variables separation of duties reads. */
    public static final java.util.List<String> PARTY_VARIABLES = java.util.List.of(
            Parties.REQUESTER, Parties.PROFILE, Parties.DECIDED, Parties.ON_BEHALF_OF, Parties.LEVEL, "approver");

    private final transient Duties duties;

    public TaskCompletionGuard(Directory directory) {
        this.duties = new Duties(directory);
    }

    public Duties duties() {
        return duties;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            route(task);
            return;
        }
        String user = Authentication.getAuthenticatedUserId();
        Map<String, Object> variables = task.getVariables(PARTY_VARIABLES);
        Parties parties = parties(variables);
        Step step = step(
                task.getTaskDefinitionKey(),
                task.getName(),
                task.getProcessDefinitionId(),
                task.getAssignee(),
                variables,
                task.getCandidates());
        refuseQuietly(() -> duties.checkCompletion(user, task.getId(), parties, step));
        if (step.decision()) {
            Object onBehalfOf = user.equals(variables.get("approver")) ? variables.get(Parties.ON_BEHALF_OF) : null;
            task.setVariable(
                    Parties.DECIDED,
                    parties.decidedAfter(step.level(), user, onBehalfOf instanceof String s ? s : null));
        }
    }

    /** The same check a caller makes before anything else is looked at (a stranger learns nothing of the form). */
    public void check(
            String user, TaskInfo task, Map<String, Object> variables, Collection<? extends IdentityLink> links) {
        refuseQuietly(
                () -> duties.checkCompletion(user, task.getId(), parties(variables), step(task, variables, links)));
    }

    /**
     * A refusal inside the engine, as an engine exception the engine logs quietly (a refusal is an answer,
     * not an error, and its message names a person); {@link UserTasks} hands the refusal itself to its caller.
     */
    static void refuseQuietly(Runnable check) {
        try {
            check.run();
        } catch (TrainflowProblem refused) {
            throw new Refused(refused);
        }
    }

    /** The engine's wrapper of a {@link TrainflowProblem} raised inside a command: its cause is the refusal. */
    public static final class Refused extends FlowableException {
        private static final long serialVersionUID = 1L;

        Refused(TrainflowProblem problem) {
            super(problem.getMessage(), problem);
            setReduceLogLevel(true);
        }

        public TrainflowProblem problem() {
            return (TrainflowProblem) getCause();
        }
    }

    /** Whether the user may see (and so complete) this task. */
    public boolean maySee(
            String user, TaskInfo task, Map<String, Object> variables, Collection<? extends IdentityLink> links) {
        return duties.maySee(user, parties(variables), step(task, variables, links));
    }

    public static Parties parties(Map<String, Object> variables) {
        return Parties.of(
                variables.get(Parties.REQUESTER), variables.get(Parties.PROFILE), variables.get(Parties.DECIDED));
    }

    private void route(DelegateTask task) {
        Map<String, Object> variables = task.getVariables(PARTY_VARIABLES);
        Step step = step(
                task.getTaskDefinitionKey(),
                task.getName(),
                task.getProcessDefinitionId(),
                task.getAssignee(),
                variables,
                task.getCandidates());
        Routing routing = duties.route(parties(variables), step);
        if (!routing.changed()) {
            return;
        }
        if (routing.assignee() == null && task.getAssignee() != null) {
            task.setAssignee(null);
        }
        for (String user : step.candidateUsers()) {
            if (!routing.candidateUsers().contains(user)) {
                task.deleteCandidateUser(user);
            }
        }
        for (String group : step.candidateGroups()) {
            if (!routing.candidateGroups().contains(group)) {
                task.deleteCandidateGroup(group);
            }
        }
        routing.candidateGroups().stream()
                .filter(g -> !step.candidateGroups().contains(g))
                .forEach(task::addCandidateGroup);
        task.setVariableLocal(ROUTING_NOTE, routing.note());
        CommandContextUtil.getProcessEngineConfiguration()
                .getTaskService()
                .addComment(task.getId(), task.getProcessInstanceId(), ROUTING_NOTE, routing.note());
    }

    static Step step(TaskInfo task, Map<String, Object> variables, Collection<? extends IdentityLink> links) {
        return step(
                task.getTaskDefinitionKey(),
                task.getName(),
                task.getProcessDefinitionId(),
                task.getAssignee(),
                variables,
                links);
    }

    static Step step(
            String elementId,
            String name,
            String processDefinitionId,
            String assignee,
            Map<String, Object> variables,
            Collection<? extends IdentityLink> links) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
        }
        Object level = variables.get(Parties.LEVEL);
        return new Step(
                elementId,
                name,
                isApproval(processDefinitionId, elementId),
                level instanceof String l ? l : null,
                assignee,
                users,
                groups);
    }

    /** An approval is a user task with the task header {@code approval = true} (see docs/TASK-TYPES.md). */
    private static boolean isApproval(String processDefinitionId, String elementId) {
        if (processDefinitionId == null) {
            return false;
        }
        FlowElement element =
                ProcessDefinitionUtil.getBpmnModel(processDefinitionId).getFlowElement(elementId);
        return element != null
                && "true".equalsIgnoreCase(Zeebe.header(element, "approval").orElse(null));
    }
}
