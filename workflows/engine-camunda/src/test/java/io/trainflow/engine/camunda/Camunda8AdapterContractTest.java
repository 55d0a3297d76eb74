package io.trainflow.engine.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.JobErrorRequest;
import io.camunda.client.protocol.rest.JobFailRequest;
import io.camunda.client.protocol.rest.JobUpdateRequest;
import io.camunda.client.protocol.rest.MessagePublicationRequest;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import io.camunda.client.protocol.rest.UserTaskAssignmentRequest;
import io.camunda.client.protocol.rest.UserTaskCompletionRequest;
import io.trainflow.connectors.lms.CompletionPoll;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.workflows.Sample;
import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.api.OpenRequests;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.engine.ApprovalHandOver;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.InboxFilter;
import io.trainflow.workflows.engine.InboxTask;
import io.trainflow.workflows.engine.ProcessStarter.Started;
import io.trainflow.workflows.intake.Intake;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Camunda 8 adapter through a training request's steps, against a gateway that holds every request to the
 * client's own protocol classes ({@link ContractGateway}): the models deployed, a request started, jobs run by the
 * real step handlers over the sample organisation (completed, a business error thrown, a transient failure failed
 * with a retry and backoff), an approval found and completed by an L&D member and refused to the requester, the
 * LMS's completion published as a message, an incident resolved. REST is the transport under test.
 */
class Camunda8AdapterContractTest {

    private static final Path MODELS = Path.of("../../bpmn");
    private static final Directory DIRECTORY = Directory.of(Map.of("ld-team", List.of("zoe.vincent", "eva.requester")));

    private static ContractGateway gateway;
    private static Camunda8Engine engine;

    @BeforeAll
    static void start() {
        gateway = new ContractGateway();
        CamundaSettings settings = CamundaSettings.of(
                Map.of("TRAINFLOW_CAMUNDA_REST_ADDRESS", gateway.address().toString()));
        List<StepHandler<?, ?>> real = new java.util.ArrayList<>(
                StepHandlers.all(Sample.ports(SampleOrganisation.fromClasspath(), Clock.systemUTC())));
        real.add(new LmsTimesOut());
        HandlerRegistry handlers = new HandlerRegistry(real);
        engine = new Camunda8Engine(settings, MODELS, handlers, DIRECTORY, Clock.systemUTC(), null);
        engine.start(Duration.ofMillis(250), Duration.ofHours(1));
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
        gateway.close();
    }

    @AfterEach
    void keptToTheContract() {
        assertThat(gateway.violations())
                .as("requests outside the client's protocol")
                .isEmpty();
    }

    @Test
    void deploysEveryProcessDecisionAndFormOfTheModelsFolderOnceUntilItChanges() throws IOException {
        List<String> models;
        try (Stream<Path> files = Files.list(MODELS)) {
            models = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches(".*\\.(bpmn|dmn|form)"))
                    .toList();
        }
        assertThat(models).contains("training-request.bpmn", "approval-routing.dmn", "approval.form");
        assertThat(gateway.deployedResources()).containsExactlyInAnyOrderElementsOf(models);

        assertThat(engine.deployer().deployIfChanged())
                .as("unchanged folder: nothing sent")
                .isEmpty();
        assertThat(gateway.received("POST", "/v2/deployments")).hasSize(1);
    }

    @Test
    void startsARequestAtTheLatestVersionWithItsVariables() {
        String key = engine.processes()
                .start("training-request", Map.of("employeeId", "1004", "requestedBy", "eva.requester"));

        ProcessInstanceCreationInstruction sent =
                (ProcessInstanceCreationInstruction) last("POST", "/v2/process-instances");
        assertThat(key).isNotBlank();
        assertThat(sent.getProcessDefinitionId()).isEqualTo("training-request");
        assertThat(sent.getProcessDefinitionVersion()).isEqualTo(-1);
        assertThat(sent.getVariables())
                .containsEntry("employeeId", "1004")
                .containsEntry("requestedBy", "eva.requester");
    }

    @Test
    void aRequestStartedThroughIntakeIsCreatedOnTheClusterWithItsIdAsTheVariableTheInboxSearchesBy() {
        Started started = intake().request("alice.martin", "1004", "For the quarterly review", List.of("112"));

        ProcessInstanceCreationInstruction sent =
                (ProcessInstanceCreationInstruction) last("POST", "/v2/process-instances");
        assertThat(started.businessKey()).startsWith("REQ-");
        assertThat(started.id()).matches("\\d+");
        assertThat(sent.getProcessDefinitionId()).isEqualTo("training-request");
        assertThat(sent.getProcessDefinitionVersion()).isEqualTo(-1);
        assertThat(sent.getVariables())
                .containsEntry("requestId", started.businessKey())
                .containsEntry("employeeId", "1004")
                .containsEntry("requestedBy", "alice.martin")
                .containsEntry("origin", "employee-request")
                .containsEntry("requestedCourseIds", List.of("112"))
                .containsEntry("programmeId", "");
    }

    @Test
    void aCampaignAndAQuizReviewStartedThroughIntakeCarryTheirKeysAsTheVariablesTheirModelsRead() {
        Started campaign = intake().campaign("zoe.vincent", "engineering");
        ProcessInstanceCreationInstruction sent =
                (ProcessInstanceCreationInstruction) last("POST", "/v2/process-instances");
        assertThat(sent.getProcessDefinitionId()).isEqualTo("training-programme");
        assertThat(sent.getVariables())
                .containsEntry("programmeId", campaign.businessKey())
                .containsEntry("department", "engineering")
                .doesNotContainKey("requestId");

        Started quiz = intake().quiz("zoe.vincent", "112", 5);
        sent = (ProcessInstanceCreationInstruction) last("POST", "/v2/process-instances");
        assertThat(sent.getProcessDefinitionId()).isEqualTo("quiz-review");
        assertThat(sent.getVariables())
                .containsEntry("requestId", quiz.businessKey())
                .containsEntry("courseId", "112");
    }

    @Test
    void aKeyNoVariableCarriesGoesInAsTheRequestIdTheInboxFindsTasksBy() {
        Started started = engine.processes().start("zoe.vincent", "quiz-review", "QUIZ-X", Map.of("courseId", "112"));

        ProcessInstanceCreationInstruction sent =
                (ProcessInstanceCreationInstruction) last("POST", "/v2/process-instances");
        assertThat(started.businessKey()).isEqualTo("QUIZ-X");
        assertThat(sent.getVariables()).containsEntry("requestId", "QUIZ-X").containsEntry("courseId", "112");
    }

    /** Intake as the plugin builds it in camunda8 mode, over the sample organisation's HCM and catalogue. */
    private static Intake intake() {
        TrainflowPorts ports = Sample.ports(SampleOrganisation.fromClasspath(), Clock.systemUTC());
        return new Intake(engine.processes(), OpenRequests.NONE, ports.hcm(), ports.catalogue(), DIRECTORY);
    }

    @Test
    void aJobIsRunByTheRealHandlerAndCompletedWithItsOutput() {
        String job = gateway.offerJob("hcm-load-profile", Map.of("employeeId", "1004"), Map.of(), 3);

        JobCompletionRequest done = (JobCompletionRequest)
                awaitCommand("POST", "/v2/jobs/" + job + "/completion").body();
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) done.getVariables().get("profile");
        assertThat(profile).containsEntry("employeeId", "1004").containsKey("department");
        assertThat(done.getVariables()).containsKey("courseHistory");
    }

    @Test
    void aBusinessErrorIsThrownWithItsCodeNotRetried() {
        String job = gateway.offerJob("hcm-load-profile", Map.of("employeeId", "no-such-person"), Map.of(), 3);

        JobErrorRequest error = (JobErrorRequest)
                awaitCommand("POST", "/v2/jobs/" + job + "/error").body();
        assertThat(error.getErrorCode()).isEqualTo("EMPLOYEE_NOT_FOUND");
        assertThat(gateway.received("POST", "/v2/jobs/" + job + "/failure")).isEmpty();
    }

    @Test
    void aTransientFailureFailsTheJobWithOneRetryFewerAndTheModelsBackoff() {
        String job = gateway.offerJob(LmsTimesOut.TYPE, Map.of(), Map.of("retryBackoff", "PT30S"), 3);

        JobFailRequest failed = (JobFailRequest)
                awaitCommand("POST", "/v2/jobs/" + job + "/failure").body();
        assertThat(failed.getRetries()).isEqualTo(2);
        assertThat(failed.getRetryBackOff()).isEqualTo(Duration.ofSeconds(30).toMillis());
        assertThat(failed.getErrorMessage()).contains("LMS did not answer");
        assertThat(gateway.received("POST", "/v2/jobs/" + job + "/error"))
                .as("not a business error")
                .isEmpty();
    }

    @Test
    void unreadableInputFailsTheJobWithNoRetriesSoTheClusterRaisesAnIncident() {
        String job = gateway.offerJob("hcm-load-profile", Map.of("employeeId", Map.of("not", "a string")), Map.of(), 3);

        JobFailRequest failed = (JobFailRequest)
                awaitCommand("POST", "/v2/jobs/" + job + "/failure").body();
        assertThat(failed.getRetries()).isZero();
        assertThat(failed.getErrorMessage()).contains("hcm-load-profile");
    }

    /** A step whose LMS does not answer: the one stand-in handler, for a failure the sample cannot produce. */
    @TaskType(value = LmsTimesOut.TYPE, name = "LMS that times out", description = "fails as a timed-out call does")
    public static final class LmsTimesOut implements StepHandler<LmsTimesOut.In, LmsTimesOut.In> {
        static final String TYPE = "test-lms-times-out";

        public record In(String courseId) {}

        @Override
        public In handle(In input) {
            throw new java.io.UncheckedIOException(
                    new java.net.SocketTimeoutException("LMS did not answer within 10 s"));
        }
    }

    @Test
    void anApprovalIsShownToLdAndCompletedByThemButNeverToTheRequester() {
        String task = gateway.openUserTask(
                "ld-approval",
                "L&D approval",
                Map.of("approval", "true"),
                List.of("ld-team"),
                Map.of(
                        "requestId",
                        "REQ-77",
                        "requestedBy",
                        "eva.requester",
                        "level",
                        "ld",
                        "profile",
                        Map.of("username", "leo.learner", "displayName", "Leo Learner", "department", "sales")));

        List<InboxTask> zoe =
                engine.userTasks().page("zoe.vincent", 0, 20, InboxFilter.NONE).tasks();
        assertThat(zoe).extracting(InboxTask::id).contains(task);
        assertThat(engine.userTasks()
                        .page("eva.requester", 0, 20, InboxFilter.NONE)
                        .tasks())
                .extracting(InboxTask::id)
                .doesNotContain(task);
        assertThat(engine.userTasks().visible("eva.requester", task)).isEmpty();
        assertThat(engine.userTasks().visible("zoe.vincent", task)).get().satisfies(t -> {
            assertThat(t.requestId()).isEqualTo("REQ-77");
            assertThat(t.form()).containsEntry("id", "approval");
        });

        assertThatThrownBy(() -> engine.userTasks().complete("eva.requester", task, Map.of("approved", true)))
                .isInstanceOf(TrainflowProblem.NotFound.class);
        assertThat(gateway.received("POST", "/v2/user-tasks/" + task + "/completion"))
                .as("refused before the cluster")
                .isEmpty();

        engine.userTasks().complete("zoe.vincent", task, Map.of("approved", true, "comment", "fits the plan"));
        UserTaskCompletionRequest done =
                (UserTaskCompletionRequest) gateway.received("POST", "/v2/user-tasks/" + task + "/completion")
                        .get(0)
                        .body();
        assertThat(done.getVariables())
                .containsEntry("approved", true)
                .containsEntry("decidedBy", List.of(Map.of("level", "ld", "by", "zoe.vincent")));
        assertThat(gateway.userTaskOpen(task)).isFalse();
        assertThatThrownBy(() -> engine.userTasks().complete("zoe.vincent", task, Map.of("approved", true)))
                .isInstanceOf(TrainflowProblem.NotFound.class);
    }

    @Test
    void aRequestRunsThroughItsStepsWithTheCommandsOfAHappyPath() {
        int before = gateway.received().size();
        engine.processes().start("training-request", Map.of("employeeId", "1002", "requestedBy", "eva.requester"));
        String load = gateway.offerJob("hcm-load-profile", Map.of("employeeId", "1002"), Map.of(), 3);
        Map<String, Object> loaded = ((JobCompletionRequest)
                        awaitCommand("POST", "/v2/jobs/" + load + "/completion").body())
                .getVariables();
        String budget = gateway.offerJob(
                "check-budget", Map.of("profile", loaded.get("profile"), "pathCost", 900.0), Map.of(), 3);
        Map<String, Object> checked = ((JobCompletionRequest) awaitCommand("POST", "/v2/jobs/" + budget + "/completion")
                        .body())
                .getVariables();
        assertThat(checked).containsKeys("budget", "overBudget");

        String approval = gateway.openUserTask(
                "manager-approval",
                "Manager approval",
                Map.of("approval", "true"),
                List.of("ld-team"),
                Map.of(
                        "requestId",
                        "REQ-1002",
                        "requestedBy",
                        "eva.requester",
                        "level",
                        "manager",
                        "profile",
                        loaded.get("profile")));
        assertThat(engine.userTasks().visibleOfRequest("zoe.vincent", "REQ-1002"))
                .extracting(InboxTask::id)
                .containsExactly(approval);
        assertThat(engine.userTasks().visibleOfRequest("eva.requester", "REQ-1002"))
                .isEmpty();
        assertThat(engine.userTasks().waitingOn("REQ-1002"))
                .extracting(InboxTask::name)
                .containsExactly("Manager approval");
        engine.userTasks().complete("zoe.vincent", approval, Map.of("approved", true));
        engine.messages().publish("training-completed", "REQ-1002", Map.of());

        List<String> commands = gateway
                .received()
                .subList(before, gateway.received().size())
                .stream()
                .filter(r -> !r.path().endsWith("/search") && !r.path().equals("/v2/jobs/activation"))
                .map(r -> r.method() + " " + r.path().replaceAll("\\d{6,}", "{key}"))
                .toList();
        assertThat(commands)
                .containsExactly(
                        "POST /v2/process-instances",
                        "POST /v2/jobs/{key}/completion",
                        "POST /v2/jobs/{key}/completion",
                        "POST /v2/user-tasks/{key}/completion",
                        "POST /v2/messages/publication");
    }

    /** An approval of a request, assigned to {@code approver} (the manager level). */
    private static String approvalOf(String requestId, String requester, String approver) {
        String task = gateway.openUserTask(
                "approve",
                "Manager approval",
                Map.of("approval", "true"),
                List.of(),
                Map.of(
                        "requestId",
                        requestId,
                        "requestedBy",
                        requester,
                        "level",
                        "manager",
                        "profile",
                        Map.of("username", "leo.learner")));
        gateway.assign(task, approver);
        return task;
    }

    @Test
    void aDelegationMovesTheOpenApprovalsTheDeputyMayDecideAndGivesBackWhatTheyDidNot() {
        String decided = approvalOf("REQ-D1", "eva.requester", "isabelle.fontaine");
        String returned = approvalOf("REQ-D2", "eva.requester", "isabelle.fontaine");
        String deputysOwn = approvalOf("REQ-D3", "thomas.rousseau", "isabelle.fontaine");

        ApprovalHandOver handOver = engine.approvalHandOver(null);
        ApprovalHandOver.Result result = handOver.delegate("isabelle.fontaine", "thomas.rousseau", "annual leave");

        assertThat(result.moved()).containsExactlyInAnyOrder(decided, returned);
        assertThat(result.kept())
                .as("the deputy asked for that one: it stays, saying why")
                .containsOnlyKeys(deputysOwn);
        UserTaskAssignmentRequest moved =
                (UserTaskAssignmentRequest) last("POST", "/v2/user-tasks/" + decided + "/assignment");
        assertThat(moved.getAssignee()).isEqualTo("thomas.rousseau");
        assertThat(engine.userTasks().visible("thomas.rousseau", decided))
                .get()
                .extracting(InboxTask::assignee)
                .isEqualTo("thomas.rousseau");

        engine.userTasks().complete("thomas.rousseau", decided, Map.of("decision", "approve"));
        UserTaskCompletionRequest done =
                (UserTaskCompletionRequest) last("POST", "/v2/user-tasks/" + decided + "/completion");
        assertThat(String.valueOf(done.getVariables().get("decidedBy")))
                .as("both count as deciders of the manager level, as on the embedded engine")
                .contains("by=thomas.rousseau")
                .contains("by=isabelle.fontaine");

        assertThat(handOver.giveBack("isabelle.fontaine", "thomas.rousseau")).containsExactly(returned);
        assertThat(engine.userTasks().visible("isabelle.fontaine", returned))
                .get()
                .extracting(InboxTask::assignee)
                .isEqualTo("isabelle.fontaine");
        engine.userTasks().complete("isabelle.fontaine", returned, Map.of("decision", "approve"));
        assertThat(String.valueOf(
                        ((UserTaskCompletionRequest) last("POST", "/v2/user-tasks/" + returned + "/completion"))
                                .getVariables()
                                .get("decidedBy")))
                .as("given back: the approver decides alone")
                .contains("by=isabelle.fontaine")
                .doesNotContain("thomas.rousseau");
    }

    @Test
    void anLdMemberTakesAnApprovalAndGivesItBackButTheRequesterCannotTakeIt() {
        String task = gateway.openUserTask(
                "ld-approval",
                "L&D approval",
                Map.of("approval", "true"),
                List.of("ld-team"),
                Map.of(
                        "requestId",
                        "REQ-88",
                        "requestedBy",
                        "eva.requester",
                        "level",
                        "ld",
                        "profile",
                        Map.of("username", "leo.learner")));

        assertThatThrownBy(() -> engine.userTasks().claim("eva.requester", task))
                .isInstanceOf(TrainflowProblem.NotFound.class);
        engine.userTasks().claim("zoe.vincent", task);
        UserTaskAssignmentRequest taken =
                (UserTaskAssignmentRequest) last("POST", "/v2/user-tasks/" + task + "/assignment");
        assertThat(taken.getAssignee()).isEqualTo("zoe.vincent");
        assertThat(taken.getAllowOverride())
                .as("never takes a task from someone else")
                .isFalse();
        assertThat(engine.userTasks().visible("zoe.vincent", task))
                .get()
                .extracting(InboxTask::assignee)
                .isEqualTo("zoe.vincent");

        engine.userTasks().unclaim("zoe.vincent", task);
        assertThat(gateway.received("DELETE", "/v2/user-tasks/" + task + "/assignee"))
                .hasSize(1);
        assertThatThrownBy(() -> engine.userTasks().unclaim("zoe.vincent", task))
                .isInstanceOf(TrainflowProblem.Conflict.class);
    }

    @Test
    void theLmsCompletionIsPublishedAsAMessageWithItsKeyAndTimeToLive() {
        assertThat(engine.messages().publish("training-completed", "REQ-77", Map.of("completedAt", "2026-12-06")))
                .isTrue();

        MessagePublicationRequest sent = (MessagePublicationRequest) last("POST", "/v2/messages/publication");
        assertThat(sent.getName()).isEqualTo("training-completed");
        assertThat(sent.getCorrelationKey()).isEqualTo("REQ-77");
        assertThat(sent.getTimeToLive()).isEqualTo(Duration.ofHours(1).toMillis());
        assertThat(sent.getMessageId()).isEqualTo("training-completed:REQ-77");
        assertThat(engine.messages().publish("training-completed", "REQ-77", Map.of()))
                .as("the same event again")
                .isFalse();
    }

    @Test
    void aManagerChangeGoesOnlyToTheApprovalsWaitingNowAndEachChangeIsItsOwnMessage() {
        engine.messages().publishNow("manager-changed", "1007", Map.of());
        engine.messages().publishNow("manager-changed", "1007", Map.of());

        assertThat(gateway.received("POST", "/v2/messages/publication").stream()
                        .map(r -> (MessagePublicationRequest) r.body())
                        .filter(m -> m.getName().equals("manager-changed")))
                .as("a second change is not swallowed as a repeat of the first")
                .hasSize(2);
        MessagePublicationRequest sent = (MessagePublicationRequest) last("POST", "/v2/messages/publication");
        assertThat(sent.getName()).isEqualTo("manager-changed");
        assertThat(sent.getCorrelationKey()).isEqualTo("1007");
        assertThat(sent.getTimeToLive())
                .as("an approval that starts later is routed by the HCM as it is then")
                .isZero();
        assertThat(sent.getMessageId()).isNull();
    }

    @Test
    void theCompletionPollPublishesForRequestsWhosePathTheLmsReportsComplete() {
        gateway.waitAt(
                CamundaCompletionSync.WAITING_ELEMENT,
                Map.of(
                        "requestId",
                        "REQ-DONE",
                        "profile",
                        Map.of("username", "leo.learner"),
                        "learningPath",
                        List.of(Map.of("courseId", "C1"), Map.of("courseId", "C2"))));
        gateway.waitAt(
                CamundaCompletionSync.WAITING_ELEMENT,
                Map.of(
                        "requestId",
                        "REQ-HALF",
                        "profile",
                        Map.of("username", "mia.learner"),
                        "learningPath",
                        List.of(Map.of("courseId", "C1"), Map.of("courseId", "C3"))));
        List<Map<String, java.util.Set<String>>> asked = new java.util.ArrayList<>();
        // the LMS's answer (its connectors are tested against recorded Moodle exchanges): leo finished both, mia one
        CompletionPoll lms = waiting -> {
            asked.add(waiting);
            return java.util.Set.of(
                    new CompletionPoll.Pair("leo.learner", "C1"),
                    new CompletionPoll.Pair("leo.learner", "C2"),
                    new CompletionPoll.Pair("mia.learner", "C1"));
        };
        int before = gateway.received("POST", "/v2/messages/publication").size();

        int published = engine.completionSync(lms).syncOnce();

        assertThat(published).isEqualTo(1);
        assertThat(asked)
                .containsExactly(Map.of(
                        "leo.learner", java.util.Set.of("C1", "C2"), "mia.learner", java.util.Set.of("C1", "C3")));
        List<ContractGateway.Received> messages = gateway.received("POST", "/v2/messages/publication");
        assertThat(messages).hasSize(before + 1);
        MessagePublicationRequest sent =
                (MessagePublicationRequest) messages.get(messages.size() - 1).body();
        assertThat(sent.getName()).isEqualTo("training-completed");
        assertThat(sent.getCorrelationKey()).isEqualTo("REQ-DONE");

        // the search may still show the request waiting: the next poll sends it again, the cluster says it lives
        assertThat(engine.completionSync(lms).syncOnce())
                .as("no second message while the first lives")
                .isZero();
    }

    @Test
    void anIncidentIsListedThenResolvedWithNewAttemptsForItsJob() {
        String incident = gateway.raiseIncident("4503599627370497", "Moodle error 503");

        assertThat(engine.incidents().list(50))
                .extracting(CamundaIncidents.Open::id, CamundaIncidents.Open::jobId)
                .contains(org.assertj.core.groups.Tuple.tuple(incident, "4503599627370497"));
        engine.incidents().retry(incident, 3);

        JobUpdateRequest retries = (JobUpdateRequest)
                gateway.received("PATCH", "/v2/jobs/4503599627370497").get(0).body();
        assertThat(retries.getChangeset().getRetries()).isEqualTo(3);
        assertThat(gateway.received("POST", "/v2/incidents/" + incident + "/resolution"))
                .hasSize(1);
        assertThat(engine.incidents().list(50))
                .extracting(CamundaIncidents.Open::id)
                .doesNotContain(incident);
        assertThatThrownBy(() -> engine.incidents().retry(incident, 3)).isInstanceOf(TrainflowProblem.NotFound.class);
    }

    /** The body of the latest command to a path (the gateway is shared by the tests). */
    private static Object last(String method, String path) {
        List<ContractGateway.Received> sent = gateway.received(method, path);
        assertThat(sent).as(method + " " + path).isNotEmpty();
        return sent.get(sent.size() - 1).body();
    }

    private static ContractGateway.Received awaitCommand(String method, String path) {
        await(() -> !gateway.received(method, path).isEmpty(), method + " " + path);
        return gateway.received(method, path).get(0);
    }

    /** Waits for a condition with a generous limit (a busy 2-core machine), never a fixed sleep. */
    private static void await(BooleanSupplier condition, String what) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not seen within 60 s: " + what + "; the gateway saw "
                        + gateway.received().stream()
                                .map(r -> r.method() + " " + r.path())
                                .toList() + ", violations " + gateway.violations());
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
