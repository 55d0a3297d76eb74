package io.trainflow.engine.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.ProcessInstanceSearchQuery;
import io.camunda.client.protocol.rest.UserTaskSearchQuery;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.workflows.Sample;
import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.IncidentsPort;
import io.trainflow.workflows.engine.JobLocksPort;
import io.trainflow.workflows.engine.ProcessHistoryPort;
import io.trainflow.workflows.engine.ProcessHistoryPort.ProcessRecord;
import io.trainflow.workflows.engine.ProcessStarter.Started;
import io.trainflow.workflows.intake.Intake;
import io.trainflow.workflows.notify.tasks.TaskNotice;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Trainflow reads back from the cluster in {@code camunda8} mode, against the contract-validating gateway
 * ({@link ContractGateway}): the one-open-request-per-course check (intake's 409 and the {@code exclude-open-requests}
 * step, with the course claims in Trainflow's database), a request's history and diagram, the incidents page, and
 * the due-date reminders.
 */
class Camunda8ClusterReadsContractTest {

    private static final Path MODELS = Path.of("../../bpmn");
    private static final Directory DIRECTORY =
            Directory.of(Map.of("ld-team", List.of("zoe.vincent", "ben.ld", "eva.requester")));

    private static ContractGateway gateway;
    private static Camunda8Engine engine;

    @BeforeAll
    static void start() {
        gateway = new ContractGateway();
        JdbcDataSource records = new JdbcDataSource();
        records.setURL("jdbc:h2:mem:camunda8-reads;DB_CLOSE_DELAY=-1");
        CamundaSettings settings = CamundaSettings.of(
                Map.of("TRAINFLOW_CAMUNDA_REST_ADDRESS", gateway.address().toString()));
        engine = new Camunda8Engine(
                settings,
                MODELS,
                new HandlerRegistry(StepHandlers.all(ports())),
                DIRECTORY,
                Clock.systemUTC(),
                records);
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

    private static TrainflowPorts ports() {
        return Sample.ports(SampleOrganisation.fromClasspath(), Clock.systemUTC());
    }

    @Test
    void intakeRefusesACourseAnotherOpenRequestOnTheClusterAskedForAndStartsTheOthers() {
        gateway.runInstance(
                "training-request",
                Map.of("requestId", "REQ-OPEN-1", "employeeId", "1004", "requestedCourseIds", List.of("112")));
        Intake intake =
                new Intake(engine.processes(), engine.openRequests(), ports().hcm(), ports().catalogue(), DIRECTORY);
        int started = gateway.received("POST", "/v2/process-instances").size();

        assertThatThrownBy(() -> intake.request("alice.martin", "1004", "Again", List.of("112")))
                .isInstanceOf(TrainflowProblem.Conflict.class)
                .hasMessageContaining("REQ-OPEN-1");
        assertThat(gateway.received("POST", "/v2/process-instances"))
                .as("nothing started")
                .hasSize(started);
        ProcessInstanceSearchQuery asked =
                (ProcessInstanceSearchQuery) gateway.lastBody("POST", "/v2/process-instances/search");
        assertThat(asked.getFilter().getProcessDefinitionId().get$Eq()).isEqualTo("training-request");
        assertThat(asked.getFilter().getState().get$Eq().getValue()).isEqualTo("ACTIVE");
        assertThat(asked.getFilter().getVariables()).singleElement().satisfies(v -> {
            assertThat(v.getName()).isEqualTo("employeeId");
            assertThat(v.getValue().get$Eq()).isEqualTo("\"1004\"");
        });

        Started other = intake.request("alice.martin", "1004", "Something else", List.of("113"));
        assertThat(other.businessKey()).startsWith("REQ-");
    }

    @Test
    void theExcludeStepLeavesOutACourseAnOpenRequestOnTheClusterHoldsAndClaimsTheRest() {
        gateway.runInstance(
                "training-request",
                Map.of(
                        "requestId",
                        "REQ-HOLDS-1",
                        "employeeId",
                        "1006",
                        "linkedRequests",
                        List.of(),
                        "learningPath",
                        List.of(course("201"))));
        // the request the step runs for is itself open on the cluster
        gateway.runInstance("training-request", Map.of("requestId", "REQ-NEW-2", "employeeId", "1006"));
        String job = gateway.offerJob(
                "exclude-open-requests",
                Map.of(
                        "requestId",
                        "REQ-NEW-2",
                        "employeeId",
                        "1006",
                        "learningPath",
                        List.of(course("201"), course("202"))),
                Map.of(),
                3);

        Map<String, Object> out = ((JobCompletionRequest)
                        gateway.awaitCommand("POST", "/v2/jobs/" + job + "/completion")
                                .body())
                .getVariables();
        assertThat(((List<?>) out.get("learningPath"))
                        .stream()
                                .map(c -> String.valueOf(((Map<?, ?>) c).get("courseId")))
                                .toList())
                .containsExactly("202");
        Map<?, ?> linked = (Map<?, ?>) ((List<?>) out.get("linkedRequests")).get(0);
        assertThat(((List<?>) out.get("linkedRequests"))).hasSize(1);
        assertThat(linked.get("courseId")).isEqualTo("201");
        assertThat(linked.get("requestId")).isEqualTo("REQ-HOLDS-1");
        assertThat(engine.openRequests().claim("1006", "REQ-THIRD", List.of("202")))
                .as("the kept course is now claimed by the new request")
                .containsEntry("202", "REQ-NEW-2");
    }

    private static Map<String, Object> course(String id) {
        return Map.of(
                "courseId",
                id,
                "shortname",
                "c" + id,
                "title",
                "Course " + id,
                "similarity",
                0.9,
                "cost",
                100.0,
                "reason",
                "gap");
    }

    @Test
    void aRequestsHistoryAndDiagramAreReadFromTheCluster() {
        ProcessHistoryPort history = engine.history();
        String root = gateway.runInstance(
                "training-request",
                Map.of("requestId", "REQ-HIST", "employeeId", "1007", "requestedBy", "eva.requester"));
        gateway.element(root, "start", "START_EVENT", "COMPLETED");
        gateway.tookFlow(root, "flow-to-load");
        gateway.element(root, "load-profile", "SERVICE_TASK", "COMPLETED");
        gateway.element(root, "approval", "CALL_ACTIVITY", "ACTIVE");
        // the called approval inherits the request's id: the request is still the one found by it
        gateway.runInstance("approval-step", Map.of("requestId", "REQ-HIST"), root);
        String task = gateway.openUserTask(
                "manager-approval",
                "Manager approval",
                Map.of("approval", "true"),
                List.of("ld-team"),
                Map.of("requestId", "REQ-HIST", "requestedBy", "eva.requester", "level", "manager"));

        ProcessRecord found = history.byBusinessKey(null, "REQ-HIST").orElseThrow();
        assertThat(found.id()).isEqualTo(root);
        assertThat(found.processKey()).isEqualTo("training-request");
        assertThat(found.ended()).isNull();
        assertThat(found.parentId()).isNull();
        assertThat(history.variables(found.id())).containsEntry("employeeId", "1007");
        assertThat(history.modelXml(found.processDefinitionId())).contains("id=\"training-request\"");
        assertThat(history.activeElements(root)).containsExactly("approval");
        assertThat(history.passedElements(root)).containsExactly("start", "load-profile", "flow-to-load");
        assertThat(history.openTaskNames("REQ-HIST")).containsExactly("Manager approval");

        engine.userTasks().claim("zoe.vincent", task);
        engine.userTasks().complete("zoe.vincent", task, Map.of("approved", true));
        assertThat(history.tasksOfRequest("REQ-HIST")).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(task);
            assertThat(t.name()).isEqualTo("Manager approval");
            assertThat(t.ended()).isNotNull();
            assertThat(t.comments())
                    .extracting(ProcessHistoryPort.Comment::userId, ProcessHistoryPort.Comment::type)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("zoe.vincent", "decision"));
        });
        assertThat(history.decidedTaskOf("zoe.vincent", "REQ-HIST")).isTrue();
        assertThat(history.decidedTaskOf("eva.requester", "REQ-HIST")).isFalse();
        assertThat(history.openTaskNames("REQ-HIST")).isEmpty();

        // completed without being taken: who decided is the one the completion recorded for the task's level
        String ld = gateway.openUserTask(
                "ld-approval",
                "L&D approval",
                Map.of("approval", "true"),
                List.of("ld-team"),
                Map.of("requestId", "REQ-HIST", "requestedBy", "eva.requester", "level", "ld"));
        engine.userTasks().complete("ben.ld", ld, Map.of("approved", true));
        assertThat(history.tasksOfRequest("REQ-HIST"))
                .filteredOn(t -> t.id().equals(ld))
                .singleElement()
                .satisfies(t -> assertThat(t.comments())
                        .extracting(ProcessHistoryPort.Comment::userId)
                        .containsExactly("ben.ld"));
        assertThat(history.decidedTaskOf("ben.ld", "REQ-HIST")).isTrue();

        gateway.endAt(root, "end-approved");
        assertThat(history.byVariable("training-request", "employeeId", "1007", 10))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.ended()).isNotNull();
                    assertThat(r.endElementId()).isEqualTo("end-approved");
                    assertThat(r.deleteReason()).isNull();
                });
        assertThat(history.activeElements(root)).isEmpty();
    }

    @Test
    void aWithdrawnRequestIsCancelledOnTheClusterOnceAndReadsAsCancelled() {
        String root = gateway.runInstance("training-request", Map.of("requestId", "REQ-GONE", "employeeId", "1008"));

        engine.history().cancel(root, "withdrawn by eva.requester");

        assertThat(gateway.received("POST", "/v2/process-instances/" + root + "/cancellation"))
                .hasSize(1);
        assertThat(gateway.instanceState(root)).isEqualTo("TERMINATED");
        assertThat(engine.history().byBusinessKey("training-request", "REQ-GONE"))
                .get()
                .extracting(ProcessRecord::deleteReason)
                .isEqualTo(CamundaHistory.CANCELLED);
        assertThatThrownBy(() -> engine.history().cancel(root, "again")).isInstanceOf(TrainflowProblem.Conflict.class);
    }

    @Test
    void theIncidentsPageListsReadsAndRetriesTheClustersIncidents() {
        IncidentsPort incidents = engine.incidents();
        String incident = gateway.raiseIncident("4503599627370777", "Moodle error 503");

        assertThat(incidents.list()).extracting(IncidentsPort.Incident::id).contains(incident);
        IncidentsPort.Incident read = incidents.get(incident);
        assertThat(read.elementId()).isEqualTo("enrol");
        assertThat(read.type()).isEqualTo("JOB_NO_RETRIES");
        assertThat(read.message()).isEqualTo("Moodle error 503");
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-12-06T08:00:00Z"));
        assertThat(incidents.details(incident)).isEqualTo("JOB_NO_RETRIES: Moodle error 503");

        incidents.retry(incident, 2);
        assertThat(gateway.received("PATCH", "/v2/jobs/4503599627370777")).hasSize(1);
        assertThat(incidents.list()).extracting(IncidentsPort.Incident::id).doesNotContain(incident);
        assertThatThrownBy(() -> incidents.get(incident)).isInstanceOf(TrainflowProblem.NotFound.class);
        assertThatThrownBy(() -> incidents.get("not-a-key")).isInstanceOf(TrainflowProblem.NotFound.class);
    }

    @Test
    void aNewTaskNobodyMayDecideGoesToHrFallbackWithTheReasonAsTheEmbeddedEngineRoutesIt() {
        // the manager approval of a request the manager asked for themselves, for their own report
        String task = gateway.openUserTask(
                "approve",
                "Approve training",
                Map.of("approval", "true"),
                List.of(),
                Map.of(
                        "requestId",
                        "REQ-SELF",
                        "requestedBy",
                        "mia.manager",
                        "level",
                        "manager",
                        "profile",
                        Map.of("username", "leo.learner", "displayName", "Leo Learner")));
        gateway.assign(task, "mia.manager");
        gateway.createdAt(task, "2027-01-05T09:00:00Z");

        assertThat(engine.openTasks()
                        .takeInNew(Instant.parse("2027-01-05T08:59:00Z"), Instant.parse("2027-01-05T09:01:00Z"), 10))
                .singleElement()
                .satisfies(n -> assertThat(n.step().candidateGroups()).containsExactly("hr-fallback"));
        assertThat(gateway.received("DELETE", "/v2/user-tasks/" + task + "/assignee"))
                .as("no longer the requester's")
                .hasSize(1);
        assertThat(engine.userTasks().visible("mia.manager", task)).isEmpty();
        assertThat(String.valueOf(engine.userTasks()
                        .variables(engine.userTasks().find(task).orElseThrow())
                        .get("routingNote")))
                .contains("mia.manager")
                .contains("hr-fallback");

        engine.openTasks().takeInNew(Instant.parse("2027-01-05T08:59:00Z"), Instant.parse("2027-01-05T09:01:00Z"), 10);
        assertThat(gateway.received("PATCH", "/v2/user-tasks/" + task))
                .as("routed once: a later look leaves a routed task as it is")
                .hasSize(1);
    }

    @Test
    void aTaskTheEscalationTimerRecreatedIsAnnouncedAsEscalatedAndAManagerChangeIsNot() {
        // the deployed approval-step model: approve has the interrupting timer-escalate and message manager-changed
        String instance = gateway.runInstance(
                "approval-step", Map.of("requestId", "REQ-ESC", "requestedBy", "eva.requester", "level", "manager"));
        assertThat(announcedAs(instance, "marc.bernard")).isEqualTo(TaskNotice.Kind.CREATED);

        // five days later: the timer interrupts it, and the escalation's task is for the next manager
        gateway.interrupt(instance, "approve");
        gateway.element(instance, "timer-escalate", "BOUNDARY_EVENT", "COMPLETED");
        assertThat(announcedAs(instance, "claire.dubois")).isEqualTo(TaskNotice.Kind.ESCALATED);

        // HR changes the manager: the message boundary interrupts it, the new task is a new one, not an escalation
        gateway.interrupt(instance, "approve");
        gateway.element(instance, "manager-changed", "BOUNDARY_EVENT", "COMPLETED");
        assertThat(announcedAs(instance, "sophie.laurent")).isEqualTo(TaskNotice.Kind.CREATED);
    }

    /** Opens the instance's next approve task for {@code approver}; how the round announces it. */
    private TaskNotice.Kind announcedAs(String instance, String approver) {
        String task = gateway.openUserTaskIn(instance, "approve", "Approve training", Map.of("approval", "true"));
        gateway.assign(task, approver);
        return engine
                .openTasks()
                .takeInNew(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"), 100)
                .stream()
                .filter(n -> n.taskId().equals(task))
                .findFirst()
                .orElseThrow(() -> new AssertionError("task " + task + " was not announced"))
                .kind();
    }

    @Test
    void theJobLocksViewShowsTheJobsWorkersHoldUntilTheirDeadline() {
        gateway.activated("lms-enrol", "trainflow", "2999-01-01T09:05:00Z", "enrol");
        gateway.activated("send-notification", "trainflow", "2000-01-01T09:05:00Z", "notify-approved");

        JobLocksPort.Report report = engine.jobLocks().report();

        assertThat(report.locks())
                .as("a job past its deadline is back with the workers: not held")
                .singleElement()
                .satisfies(lock -> {
                    assertThat(lock.kind()).isEqualTo("step");
                    assertThat(lock.elementId()).isEqualTo("enrol");
                    assertThat(lock.owner()).isEqualTo("trainflow");
                    assertThat(lock.expiresAt()).isEqualTo(Instant.parse("2999-01-01T09:05:00Z"));
                    assertThat(lock.fromBeforeStart()).isFalse();
                });
        io.camunda.client.protocol.rest.JobSearchQuery asked =
                (io.camunda.client.protocol.rest.JobSearchQuery) gateway.lastBody("POST", "/v2/jobs/search");
        assertThat(asked.getFilter().getState().get$Eq().getValue()).isEqualTo("CREATED");
    }

    @Test
    void newTasksOnTheClusterAreFoundByTheirCreationDateForTheNewTaskNotice() {
        String task = gateway.openUserTask(
                "approve",
                "Approve training",
                Map.of("approval", "true"),
                List.of(),
                Map.of(
                        "requestId",
                        "REQ-NEW",
                        "requestedBy",
                        "eva.requester",
                        "level",
                        "manager",
                        "profile",
                        Map.of("username", "leo.learner", "displayName", "Leo Learner")));
        gateway.createdAt(task, "2027-01-04T09:00:00Z");

        List<TaskNotice> created = engine.openTasks()
                .takeInNew(Instant.parse("2027-01-04T08:59:00Z"), Instant.parse("2027-01-04T09:01:00Z"), 10);
        assertThat(created).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(TaskNotice.Kind.CREATED);
            assertThat(n.taskId()).isEqualTo(task);
            assertThat(n.requestId()).isEqualTo("REQ-NEW");
            assertThat(n.learner()).isEqualTo("Leo Learner");
        });
        UserTaskSearchQuery asked = gateway.received("POST", "/v2/user-tasks/search").stream()
                .map(r -> (UserTaskSearchQuery) r.body())
                .filter(q -> q.getFilter() != null && q.getFilter().getCreationDate() != null)
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(asked.getFilter().getCreationDate().get$Gte()).startsWith("2027-01-04T08:59");
        assertThat(asked.getFilter().getState().get$Eq().getValue()).isEqualTo("CREATED");
        assertThat(engine.openTasks()
                        .takeInNew(Instant.parse("2027-01-04T09:01:00Z"), Instant.parse("2027-01-04T10:00:00Z"), 10))
                .as("not new again in the next window")
                .isEmpty();
    }

    @Test
    void dueDateRemindersFindTheClustersOpenTasksWhoseDueDatePassed() {
        String task = gateway.openUserTask(
                "ld-approval",
                "L&D approval",
                Map.of("approval", "true"),
                List.of("ld-team"),
                Map.of(
                        "requestId",
                        "REQ-DUE",
                        "requestedBy",
                        "eva.requester",
                        "level",
                        "ld",
                        "profile",
                        Map.of("username", "leo.learner", "displayName", "Leo Learner")));
        gateway.dueAt(task, "2027-01-04T09:00:00Z");

        List<TaskNotice> due = engine.openTasks()
                .dueBetween(Instant.parse("2027-01-04T08:30:00Z"), Instant.parse("2027-01-04T09:30:00Z"), 10);
        assertThat(due).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(TaskNotice.Kind.DUE);
            assertThat(n.taskId()).isEqualTo(task);
            assertThat(n.requestId()).isEqualTo("REQ-DUE");
            assertThat(n.learner()).isEqualTo("Leo Learner");
            assertThat(n.step().decision()).isTrue();
        });
        UserTaskSearchQuery asked = (UserTaskSearchQuery) gateway.lastBody("POST", "/v2/user-tasks/search");
        assertThat(asked.getFilter().getDueDate().get$Gte()).startsWith("2027-01-04T08:30");
        assertThat(asked.getFilter().getDueDate().get$Lt()).startsWith("2027-01-04T09:30");
        assertThat(engine.openTasks()
                        .dueBetween(Instant.parse("2027-01-04T09:30:00Z"), Instant.parse("2027-01-05T00:00:00Z"), 10))
                .as("not due again in the next window")
                .isEmpty();

        assertThat(engine.openTasks().open(task)).isTrue();
        assertThat(engine.openTasks().countFor("zoe.vincent")).isPositive();
        long requesterSees = engine.openTasks().countFor("eva.requester");
        engine.userTasks().complete("zoe.vincent", task, Map.of("approved", true));
        assertThat(engine.openTasks().open(task)).isFalse();
        assertThat(engine.openTasks().countFor("eva.requester"))
                .as("the requester never counted their own request's task")
                .isEqualTo(requesterSees);
    }
}
