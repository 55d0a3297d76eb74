package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskListenerResult;
import io.trainflow.workflows.api.TaskListenerResult.Corrections;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.lint.LintProblem;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Camunda 8's user task listeners (camunda8/task-listeners), as the 8.8 documentation "User task listeners"
 * describes them: jobs of the listener's type at the task's lifecycle events (creating, assigning, completing,
 * canceling), several of one event in model order, the transition waiting for them; corrections seen by the next
 * listener and applied to the task; a denial leaving the task as it was. Trainflow runs them inside the person's
 * request: a denial is their 409 with the listener's reason, a failing listener their 503, the task unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskListenersTest {

    /** Who ran, in order: "type:action(priority)". */
    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    private final Flaky flaky = new Flaky();
    private final Camunda8Engine c8 =
            new Camunda8Engine(new Route(), new Audit(), new Deputy(), new Check(), flaky).deploy("task-listeners");
    /** People as the REST API acts for them; olga and max are reviewers too. */
    private final UserTasks people = new UserTasks(
            c8.flowable, user -> Set.of("lena", "olga", "max").contains(user) ? Set.of("ld-team") : Set.of());

    @BeforeEach
    void clear() {
        CALLS.clear();
    }

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void creatingListenersCorrectTheTaskBeforeAnyoneSeesItInModelOrder() {
        var instance = c8.start("tl-review", Map.of("requestId", "tl-1"));

        Task task = task(instance.getId());
        assertThat(CALLS)
                .as("both creating listeners, in model order; the second saw the first one's corrected priority")
                .containsExactly("tl-route:create(50)", "tl-audit:create(80)");
        assertThat(task.getPriority()).isEqualTo(80);
        assertThat(task.getDueDate().toInstant()).hasToString("2026-03-04T17:00:00Z");
        assertThat(candidates(task))
                .as("the modelled group 'reviewers' was replaced by the listener's corrections")
                .containsExactlyInAnyOrder("group:ld-team", "user:lena");
        assertThat(people.visibleTo("olga")).extracting(Task::getId).contains(task.getId());
    }

    @Test
    void aTaskTheProcessAssignsIsCreatedThenAssigned() {
        var instance = c8.start("tl-assigned", Map.of("requestId", "tl-6"));

        assertThat(task(instance.getId()).getAssignee()).isEqualTo("lena");
        assertThat(CALLS)
                .as("creating, then assigning (the documented lifecycle), whatever the model's order")
                .containsExactly("tl-audit:create(50)", "tl-audit:assign(50)");
    }

    @Test
    void anAssigningListenerCorrectsTheAssigneeOrDeniesTheClaim() {
        var instance = c8.start("tl-review", Map.of("requestId", "tl-2"));
        String taskId = task(instance.getId()).getId();
        CALLS.clear();

        assertThatThrownBy(() -> people.claim("max", taskId))
                .isInstanceOf(TrainflowProblem.Conflict.class)
                .hasMessageContaining("review")
                .hasMessageContaining("'tl-deputy'")
                .hasMessageContaining("max is on leave");
        assertThat(task(instance.getId()).getAssignee())
                .as("the denied claim changed nothing")
                .isNull();

        people.claim("olga", taskId);
        assertThat(task(instance.getId()).getAssignee())
                .as("olga's claim went to her deputy, as the listener corrected it")
                .isEqualTo("lena");
        assertThat(CALLS).containsExactly("tl-deputy:assign(80)", "tl-deputy:assign(80)");
    }

    @Test
    void aDeniedCompletionLeavesTheTaskOpenWithTheReasonThenItCompletes() {
        var instance = c8.start("tl-review", Map.of("requestId", "tl-3"));
        String taskId = task(instance.getId()).getId();
        people.claim("lena", taskId);
        CALLS.clear();

        assertThatThrownBy(() -> people.complete("lena", taskId, Map.of("approved", true)))
                .isInstanceOf(TrainflowProblem.Conflict.class)
                .hasMessageContaining("Completing task 'Review the request' (review)")
                .hasMessageContaining("'tl-check'")
                .hasMessageContaining("a comment is required");
        assertThat(task(instance.getId()))
                .as("still open, still lena's")
                .extracting(Task::getId, Task::getAssignee)
                .containsExactly(taskId, "lena");
        assertThat(c8.variables(instance)).doesNotContainKey("approved");
        assertThat(CALLS).as("a denial stops the listeners after it").containsExactly("tl-check:complete(80)");

        CALLS.clear();
        people.complete("lena", taskId, Map.of("approved", true, "comment", "fits the plan"));
        c8.run();

        assertThat(CALLS).containsExactly("tl-check:complete(80)", "tl-audit:complete(80)");
        assertThat(c8.ended(instance)).isTrue();
        assertThat(c8.variables(instance)).containsEntry("approved", true);
    }

    @Test
    void aFailingCompletingListenerFailsTheRequestNamingItAndTheTaskStaysOpen() {
        var instance = c8.start("tl-failing", Map.of("requestId", "tl-4"));
        String taskId = task(instance.getId()).getId();
        flaky.failuresLeft.set(1);

        assertThatThrownBy(() -> people.complete("lena", taskId, Map.of("done", true)))
                .isInstanceOf(TrainflowProblem.Unavailable.class)
                .hasMessageContaining("User task 'sign-off'")
                .hasMessageContaining("completing task listener 'tl-flaky' failed")
                .hasMessageContaining("connection refused");
        assertThat(task(instance.getId()).getId()).isEqualTo(taskId);

        people.complete("lena", taskId, Map.of("done", true));
        c8.run();
        assertThat(c8.ended(instance)).as("the person's retry went through").isTrue();
    }

    @Test
    void aCancelingListenerRunsWhenABoundaryEventInterruptsTheTask() {
        var instance = c8.start("tl-cancel", Map.of("requestId", "tl-5"));
        assertThat(CALLS).isEmpty();

        c8.advance(Duration.ofHours(2));

        assertThat(CALLS).containsExactly("tl-audit:cancel(50)");
        assertThat(c8.endActivity(instance)).isEqualTo("late-end");
    }

    @Test
    void aCancelingListenerRunsWhenTheProcessInstanceIsCancelled() {
        var instance = c8.start("tl-cancel", Map.of("requestId", "tl-7"));

        c8.flowable.getRuntimeService().deleteProcessInstance(instance.getId(), "withdrawn");

        assertThat(CALLS).containsExactly("tl-audit:cancel(50)");
    }

    @Test
    void lintAcceptsTheModelsAndNamesAListenerWithoutHandler() throws Exception {
        assertThat(c8.engine.linter().lintPath(Camunda8Engine.folder("task-listeners")))
                .filteredOn(LintProblem::refuses)
                .isEmpty();
        try (Camunda8Engine bare = new Camunda8Engine(new TestSteps.Double())) {
            assertThat(bare.engine.linter().lintPath(Camunda8Engine.folder("task-listeners")))
                    .filteredOn(LintProblem::refuses)
                    .anySatisfy(p -> {
                        assertThat(p.elementId()).isEqualTo("review");
                        assertThat(p.message()).contains("task listener type 'tl-deputy' (assigning) has no handler");
                    });
        }
    }

    @Test
    void lintNamesListenersItCannotRunWithTheReason() {
        String xml = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
                  <bpmn:process id="p" isExecutable="true">
                    <bpmn:startEvent id="start" />
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="decide" />
                    <bpmn:userTask id="decide">
                      <bpmn:extensionElements>
                        <zeebe:userTask />
                        <zeebe:assignmentDefinition candidateGroups="ld-team" />
                        <zeebe:taskListeners>
                          <zeebe:taskListener eventType="completing" type="test-double" />
                          <zeebe:taskListener eventType="completing" type="=checkType" />
                          <zeebe:taskListener eventType="updating" type="tl-audit" />
                        </zeebe:taskListeners>
                      </bpmn:extensionElements>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="f2" sourceRef="decide" targetRef="end" />
                    <bpmn:endEvent id="end" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        try (Camunda8Engine engine = new Camunda8Engine(new TestSteps.Double(), new Audit())) {
            var problems = engine.engine
                    .linter()
                    .lint(
                            "listeners.bpmn",
                            ZeebeModelReader.read(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                            io.trainflow.workflows.lint.BpmnLinter.Context.none());

            assertThat(problems)
                    .filteredOn(LintProblem::refuses)
                    .extracting(LintProblem::message)
                    .containsExactlyInAnyOrder(
                            "task listener type 'test-double' (completing) runs a handler that returns variables, not"
                                    + " a TaskListenerResult: a task listener sets none (Camunda 8)",
                            "task listener type '=checkType' is a FEEL expression: not run yet, give the job type"
                                    + " itself");
            assertThat(problems)
                    .filteredOn(p -> !p.refuses())
                    .extracting(LintProblem::message)
                    .contains("'updating' task listeners are never triggered on Trainflow: nothing updates an open"
                            + " user task's attributes or variables (Camunda's update API, Operate)");
        }
    }

    private Task task(String instanceId) {
        return c8.flowable
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instanceId)
                .singleResult();
    }

    private List<String> candidates(Task task) {
        return c8.flowable.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()))
                .map(TaskListenersTest::name)
                .toList();
    }

    private static String name(IdentityLink link) {
        return link.getGroupId() != null ? "group:" + link.getGroupId() : "user:" + link.getUserId();
    }

    /** The task's data as a listener reads it (Camunda's header names). */
    record Seen(
            @JsonProperty("io.camunda.zeebe:action") String action,
            @JsonProperty("io.camunda.zeebe:assignee") String assignee,
            @JsonProperty("io.camunda.zeebe:priority") int priority,
            String comment) {

        String call(String type) {
            return type + ":" + action + "(" + priority + ")";
        }
    }

    @TaskType(value = "tl-route", name = "Route review", description = "Sends reviews to L&D, due in two days")
    static final class Route implements StepHandler<Seen, TaskListenerResult> {
        @Override
        public TaskListenerResult handle(Seen seen) {
            CALLS.add(seen.call("tl-route"));
            return TaskListenerResult.correct(Corrections.NONE
                    .withCandidateGroups(List.of("ld-team"))
                    .withCandidateUsers(List.of("lena"))
                    .withDueDate("2026-03-04T17:00:00Z")
                    .withPriority(80));
        }
    }

    @TaskType(value = "tl-audit", name = "Audit", description = "Records that it ran")
    static final class Audit implements StepHandler<Seen, TaskListenerResult> {
        @Override
        public TaskListenerResult handle(Seen seen) {
            CALLS.add(seen.call("tl-audit"));
            return TaskListenerResult.accept();
        }
    }

    @TaskType(value = "tl-deputy", name = "Deputy", description = "Olga's tasks go to lena; max is on leave")
    static final class Deputy implements StepHandler<Seen, TaskListenerResult> {
        @Override
        public TaskListenerResult handle(Seen seen) {
            CALLS.add(seen.call("tl-deputy"));
            if ("max".equals(seen.assignee())) {
                return TaskListenerResult.deny("max is on leave until March");
            }
            return "olga".equals(seen.assignee())
                    ? TaskListenerResult.correct(Corrections.NONE.withAssignee("lena"))
                    : TaskListenerResult.accept();
        }
    }

    @TaskType(value = "tl-check", name = "Check", description = "A completion needs a comment")
    static final class Check implements StepHandler<Seen, TaskListenerResult> {
        @Override
        public TaskListenerResult handle(Seen seen) {
            CALLS.add(seen.call("tl-check"));
            return seen.comment() == null || seen.comment().isBlank()
                    ? TaskListenerResult.deny("a comment is required")
                    : TaskListenerResult.accept();
        }
    }

    @TaskType(value = "tl-flaky", name = "Flaky check", description = "Fails while failuresLeft > 0")
    static final class Flaky implements StepHandler<Seen, TaskListenerResult> {
        final java.util.concurrent.atomic.AtomicInteger failuresLeft = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public TaskListenerResult handle(Seen seen) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("connection refused");
            }
            return TaskListenerResult.accept();
        }
    }
}
