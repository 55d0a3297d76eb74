package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZeebeDialectTest {

    private final TestSteps.Flaky flaky = new TestSteps.Flaky();
    private TrainflowEngine engine;
    private ProcessEngine flowable;

    @BeforeEach
    void start() throws Exception {
        engine = TrainflowEngine.builder()
                .jdbcUrl("jdbc:h2:mem:dialect-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .handlers(new HandlerRegistry(List.of(new TestSteps.Double(), new TestSteps.Check(), flaky)))
                .directory(user -> user.equals("rita") ? Set.of("reviewers") : Set.of())
                .retryPolicy(new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 0))
                .background(false)
                .build();
        flowable = engine.flowable();
        engine.deployments().deployFolder(Path.of("src/test/resources/dialect"));
    }

    @AfterEach
    void stop() {
        Authentication.setAuthenticatedUserId(null);
        engine.close();
    }

    @Test
    void runsZeebeDialectElementsWithFeelEverywhere() {
        ProcessInstance instance = flowable.getRuntimeService()
                .startProcessInstanceByKey(
                        "dialect-main", Map.of("amount", 3, "reviewer", "rob", "orderId", "A-1", "requestedBy", "sam"));
        engine.driver().runUntilIdle();

        // input mapping 3*2=6, handler doubles to 12, output mapping +1 = 13; FEEL condition routes to review
        assertThat(flowable.getRuntimeService().getVariable(instance.getId(), "computed"))
                .isEqualTo(13L);
        Task review = flowable.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(review.getAssignee()).isEqualTo("rob");
        assertThat(flowable.getTaskService().getIdentityLinksForTask(review.getId()))
                .extracting(link -> link.getGroupId())
                .contains("reviewers", "auditors");

        complete(review, "rob");
        engine.driver().runUntilIdle();
        assertThat(engine.messages().correlate("payment-received", "B-2", Map.of()))
                .isZero();
        assertThat(engine.messages().correlate("payment-received", "A-1", Map.of("paid", true)))
                .isEqualTo(1);
        engine.driver().runUntilIdle();

        // DMN result, then the call activity: child got n = 130, raised TOO_BIG, caught by its boundary
        assertThat(flowable.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
        Map<String, Object> vars = historicVariables(instance.getId());
        assertThat(vars)
                .containsEntry("size", "medium")
                .containsEntry("checked", "big")
                .containsEntry("paid", true);
    }

    @Test
    void taskHeadersAreStaticInputsThatVariablesOverride() {
        ProcessInstance fromHeader = flowable.getRuntimeService().startProcessInstanceByKey("headers");
        ProcessInstance fromVariable =
                flowable.getRuntimeService().startProcessInstanceByKey("headers", Map.of("value", 5));
        engine.driver().runUntilIdle();
        assertThat(historicVariables(fromHeader.getId())).containsEntry("result", 42L);
        assertThat(historicVariables(fromVariable.getId())).containsEntry("result", 10L);
    }

    @Test
    void aChildCalledWithoutParentVariablesSeesOnlyItsInputs() {
        ProcessInstance parent =
                flowable.getRuntimeService().startProcessInstanceByKey("isolated-call", Map.of("value", 21));
        engine.driver().runUntilIdle();
        assertThat(historicVariables(parent.getId()))
                .as("the child did not see value=21")
                .containsEntry("result", 0L);
    }

    @Test
    void boundaryTimerFiresOnTheEngineClock() {
        ProcessInstance instance = flowable.getRuntimeService()
                .startProcessInstanceByKey("dialect-main", Map.of("amount", 3, "reviewer", "rob", "orderId", "A-1"));
        engine.driver().runUntilIdle();
        advance(Duration.ofMinutes(59));
        assertThat(flowable.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isEqualTo(1);
        advance(Duration.ofMinutes(2));
        assertThat(flowable.getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .singleResult()
                        .getEndActivityId())
                .isEqualTo("timed-out");
    }

    @Test
    void onlyTheAssigneeOrACandidateCompletesAndNeverTheRequester() {
        ProcessInstance instance = flowable.getRuntimeService()
                .startProcessInstanceByKey(
                        "dialect-main", Map.of("amount", 3, "orderId", "A-1", "requestedBy", "rita"));
        engine.driver().runUntilIdle();
        Task review = flowable.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(review.getAssignee()).isNull();

        assertThatThrownBy(() -> complete(review, "mallory"))
                .isInstanceOf(TaskCompletionGuard.Refused.class)
                .hasCauseInstanceOf(TrainflowProblem.NotFound.class);
        assertThatThrownBy(() -> complete(review, "rita"))
                .isInstanceOf(TaskCompletionGuard.Refused.class)
                .hasCauseInstanceOf(TrainflowProblem.NotFound.class);
        assertThatThrownBy(() -> complete(review, null))
                .isInstanceOf(TaskCompletionGuard.Refused.class)
                .hasCauseInstanceOf(TrainflowProblem.NotFound.class);
        assertThat(flowable.getTaskService()
                        .createTaskQuery()
                        .taskId(review.getId())
                        .count())
                .isEqualTo(1);
    }

    @Test
    void failingStepIsRetriedWithBackoffThenRecovers() {
        flaky.failuresLeft.set(2);
        ProcessInstance instance = flowable.getRuntimeService().startProcessInstanceByKey("flaky", Map.of("n", 1));
        engine.driver().runUntilIdle();
        assertThat(flaky.calls.get()).isEqualTo(1);
        advance(Duration.ofSeconds(5));
        assertThat(flaky.calls.get()).as("backoff not yet over").isEqualTo(1);
        advance(Duration.ofSeconds(6));
        assertThat(flaky.calls.get()).isEqualTo(2);
        advance(Duration.ofSeconds(21));
        assertThat(flaky.calls.get()).isEqualTo(3);
        assertThat(engine.incidents().list()).isEmpty();
        assertThat(flowable.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
    }

    @Test
    void exhaustedRetriesBecomeAnIncidentThatAnAdminRetries() {
        flaky.failuresLeft.set(3);
        ProcessInstance instance = flowable.getRuntimeService().startProcessInstanceByKey("flaky", Map.of("n", 1));
        for (int i = 0; i < 4; i++) {
            advance(Duration.ofMinutes(1));
        }
        assertThat(flaky.calls.get()).isEqualTo(3);
        List<Incidents.Incident> incidents = engine.incidents().list();
        assertThat(incidents).singleElement().satisfies(incident -> {
            assertThat(incident.elementId()).isEqualTo("call-flaky");
            assertThat(incident.type()).isEqualTo("test-flaky");
            assertThat(incident.message()).contains("connection refused");
        });
        assertThat(engine.incidents().details(incidents.get(0).id())).contains("IllegalStateException");

        engine.incidents().retry(incidents.get(0).id(), 1);
        engine.driver().runUntilIdle();
        assertThat(engine.incidents().list()).isEmpty();
        assertThat(flowable.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
    }

    @Test
    void retriesWrittenInTheBpmnOverrideTheHandlerDefault() {
        flaky.failuresLeft.set(1);
        flowable.getRuntimeService().startProcessInstanceByKey("flaky-no-retry", Map.of("n", 1));
        engine.driver().runUntilIdle();
        assertThat(flaky.calls.get()).isEqualTo(1);
        assertThat(engine.incidents().list())
                .singleElement()
                .satisfies(i -> assertThat(i.elementId()).isEqualTo("call-flaky"));
    }

    @Test
    void uncaughtBusinessErrorIsAnIncidentAtOnceNotARetry() {
        ProcessInstance instance = flowable.getRuntimeService().startProcessInstanceByKey("flaky", Map.of("n", 500));
        engine.driver().runUntilIdle();
        assertThat(engine.incidents().list()).singleElement().satisfies(incident -> {
            assertThat(incident.elementId()).isEqualTo("uncaught");
            assertThat(incident.message()).contains("TOO_BIG");
        });
        flowable.getRuntimeService().setVariable(instance.getId(), "n", 5);
        engine.incidents().retry(engine.incidents().list().get(0).id(), 1);
        engine.driver().runUntilIdle();
        assertThat(flowable.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
    }

    private void complete(Task task, String user) {
        Authentication.setAuthenticatedUserId(user);
        try {
            flowable.getTaskService().complete(task.getId());
        } finally {
            Authentication.setAuthenticatedUserId(null);
        }
    }

    private void advance(Duration duration) {
        var clock = flowable.getProcessEngineConfiguration().getClock();
        clock.setCurrentTime(new Date(clock.getCurrentTime().getTime() + duration.toMillis()));
        engine.driver().runUntilIdle();
    }

    private Map<String, Object> historicVariables(String processInstanceId) {
        Map<String, Object> vars = new java.util.HashMap<>();
        flowable.getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .list()
                .forEach(v -> vars.put(v.getVariableName(), v.getValue()));
        return vars;
    }
}
