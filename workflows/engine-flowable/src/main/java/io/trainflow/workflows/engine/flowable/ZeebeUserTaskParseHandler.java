package io.trainflow.workflows.engine.flowable;

import java.util.Arrays;
import java.util.List;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.delegate.TaskListener;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.handler.AbstractBpmnParseHandler;

/**
 * Maps {@code zeebe:assignmentDefinition} onto Flowable's assignee and candidates (FEEL is
 * evaluated by {@link FeelExpressionManager}) and puts the {@link TaskCompletionGuard} on
 * every user task, so the rules on who may complete hold whatever API completes it, followed
 * by the task's {@code zeebe:ioMapping} outputs ({@link UserTaskOutputMappings}); due date, follow-up date
 * and priority are set as the task is created ({@link TaskSchedule}), and the people it went to hear of it
 * ({@link TaskNotices}).
 */
class ZeebeUserTaskParseHandler extends AbstractBpmnParseHandler<UserTask> {

    private final TaskCompletionGuard guard;
    private final String unassignedGroup;
    private final TaskNotices notices;
    private final UserTaskListeners listeners;

    ZeebeUserTaskParseHandler(
            TaskCompletionGuard guard, String unassignedGroup, TaskNotices notices, UserTaskListeners listeners) {
        this.guard = guard;
        this.unassignedGroup = unassignedGroup;
        this.notices = notices;
        this.listeners = listeners;
    }

    @Override
    protected Class<? extends BaseElement> getHandledType() {
        return UserTask.class;
    }

    @Override
    protected void executeParse(BpmnParse bpmnParse, UserTask task) {
        Zeebe.attribute(task, "assignmentDefinition", "assignee").ifPresent(task::setAssignee);
        Zeebe.attribute(task, "assignmentDefinition", "candidateGroups")
                .map(ZeebeUserTaskParseHandler::candidates)
                .ifPresent(task::setCandidateGroups);
        Zeebe.attribute(task, "assignmentDefinition", "candidateUsers")
                .map(ZeebeUserTaskParseHandler::candidates)
                .ifPresent(task::setCandidateUsers);
        if (task.getAssignee() == null
                && task.getCandidateGroups().isEmpty()
                && task.getCandidateUsers().isEmpty()) {
            task.setCandidateGroups(List.of(unassignedGroup)); // see UserTaskDefaults
        }
        boolean guarded = task.getTaskListeners().stream().anyMatch(l -> l.getInstance() == guard);
        if (!guarded) {
            task.getTaskListeners().add(on(TaskListener.EVENTNAME_CREATE, VersionTaggedForms.CHECK));
            task.getTaskListeners().add(on(TaskListener.EVENTNAME_CREATE, guard));
            task.getTaskListeners().add(on(TaskListener.EVENTNAME_CREATE, TaskSchedule.INSTANCE));
            // Camunda 8's task listeners (UserTaskListeners): after routing and schedule, which they may correct
            boolean listened = !UserTaskListeners.of(task).isEmpty();
            if (listened) {
                task.getTaskListeners().add(on(TaskListener.EVENTNAME_CREATE, listeners));
            }
            // after routing: the people told are the ones the task went to
            task.getTaskListeners().add(on(TaskListener.EVENTNAME_CREATE, notices));
            task.getTaskListeners().add(onComplete(guard));
            if (listened) {
                task.getTaskListeners().add(on(TaskListener.EVENTNAME_ASSIGNMENT, listeners));
                task.getTaskListeners().add(onComplete(listeners)); // after the guard: who may complete, first
                task.getTaskListeners().add(on(TaskListener.EVENTNAME_DELETE, listeners));
            }
            // after the guard: a refused completion maps nothing
            task.getTaskListeners().add(onComplete(UserTaskOutputMappings.INSTANCE));
        }
    }

    private static FlowableListener onComplete(TaskListener instance) {
        return on(TaskListener.EVENTNAME_COMPLETE, instance);
    }

    private static FlowableListener on(String event, TaskListener instance) {
        FlowableListener listener = new FlowableListener();
        listener.setEvent(event);
        listener.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_INSTANCE);
        listener.setInstance(instance);
        return listener;
    }

    /** A FEEL expression stays whole (it may return a list); a static value is Zeebe's comma list. */
    static List<String> candidates(String value) {
        if (value.strip().startsWith("=")) {
            return List.of(value.strip());
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
