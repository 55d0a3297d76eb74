package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.forms.TaskInputException;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flowable.engine.ProcessEngine;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Completing an offered (unassigned) task through the inbox: only a candidate other than the requester. */
class UserTasksTest {

    private TrainflowEngine engine;
    private ProcessEngine flowable;
    private UserTasks tasks;
    private final String jdbcUrl = "jdbc:h2:mem:user-tasks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @BeforeEach
    void start() throws Exception {
        engine = TrainflowEngine.builder()
                .jdbcUrl(jdbcUrl)
                .handlers(new HandlerRegistry(
                        List.of(new TestSteps.Double(), new TestSteps.Check(), new TestSteps.Flaky())))
                .directory(user -> Set.of("rita", "rex").contains(user) ? Set.of("reviewers") : Set.of())
                .background(false)
                .build();
        flowable = engine.flowable();
        tasks = new UserTasks(flowable, user -> Set.of("rita", "rex").contains(user) ? Set.of("reviewers") : Set.of());
        engine.deployments().deployFolder(Path.of("src/test/resources/dialect"));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void neitherAnOutsiderNorTheRequesterCanClaimAnOfferedTaskByCompletingIt() {
        flowable.getRuntimeService()
                .startProcessInstanceByKey(
                        "dialect-main", Map.of("amount", 3, "orderId", "A-1", "requestedBy", "rita"));
        engine.driver().runUntilIdle();
        Task review = flowable.getTaskService()
                .createTaskQuery()
                .taskDefinitionKey("review")
                .singleResult();
        assertThat(review.getAssignee()).isNull();

        assertThatThrownBy(() -> tasks.complete("mallory", review.getId(), Map.of()))
                .isInstanceOf(TrainflowProblem.NotFound.class);
        assertThatThrownBy(() -> tasks.complete("rita", review.getId(), Map.of()))
                .isInstanceOf(TrainflowProblem.NotFound.class);
        Task stillOpen = flowable.getTaskService()
                .createTaskQuery()
                .taskId(review.getId())
                .singleResult();
        assertThat(stillOpen).isNotNull();
        assertThat(stillOpen.getAssignee()).isNull();

        tasks.complete("rex", review.getId(), Map.of());

        assertThat(flowable.getTaskService()
                        .createTaskQuery()
                        .taskId(review.getId())
                        .count())
                .isZero();
        assertThat(flowable.getHistoryService()
                        .createHistoricTaskInstanceQuery()
                        .taskId(review.getId())
                        .singleResult()
                        .getAssignee())
                .isEqualTo("rex");
    }

    @Test
    void aDecisionAndWhatIsRecordedWithItCommitTogetherOrNotAtAll() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "sa", "");
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE decision_log (task_id VARCHAR(64))");
        }
        flowable.getRuntimeService()
                .startProcessInstanceByKey(
                        "dialect-main", Map.of("amount", 3, "orderId", "A-2", "requestedBy", "rita"));
        engine.driver().runUntilIdle();
        String review = flowable.getTaskService()
                .createTaskQuery()
                .taskDefinitionKey("review")
                .singleResult()
                .getId();
        io.trainflow.workflows.engine.UserTaskPort.InTransaction insert = c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO decision_log VALUES (?)")) {
                ps.setString(1, review);
                ps.executeUpdate();
            }
        };

        // the line is written, then the transaction fails: neither the decision nor the line stays
        assertThatThrownBy(() -> tasks.complete("rex", review, Map.of(), c -> {
                    insert.run(c);
                    throw new java.sql.SQLException("disk full");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(flowable.getTaskService().createTaskQuery().taskId(review).count())
                .isOne();
        assertThat(logged()).isZero();
        // a refused completion records nothing
        assertThatThrownBy(() -> tasks.complete("mallory", review, Map.of(), insert))
                .isInstanceOf(TrainflowProblem.NotFound.class);
        assertThat(logged()).isZero();

        tasks.complete("rex", review, Map.of(), insert);

        assertThat(flowable.getTaskService().createTaskQuery().taskId(review).count())
                .isZero();
        assertThat(logged()).isOne();
    }

    private int logged() throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "sa", "");
                java.sql.ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM decision_log")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void outputMappingsOfAUserTaskAreAppliedOnCompletion() {
        String id = flowable.getRuntimeService()
                .startProcessInstanceByKey("user-task-outputs", Map.of("rater", "ann"))
                .getId();
        Task rate = flowable.getTaskService()
                .createTaskQuery()
                .processInstanceId(id)
                .singleResult();

        assertThatThrownBy(() -> tasks.complete("mallory", rate.getId(), Map.of("score", 1)))
                .isInstanceOf(TrainflowProblem.NotFound.class);
        // no completion sets a variable outside its form
        assertThatThrownBy(() -> tasks.complete("ann", rate.getId(), Map.of("score", 3, "rater", "mallory")))
                .isInstanceOfSatisfying(
                        TaskInputException.class, e -> assertThat(e.problems()).containsOnlyKeys("rater"));
        tasks.complete("ann", rate.getId(), Map.of("score", 3));

        Object rating = flowable.getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(id)
                .variableName("rating")
                .singleResult()
                .getValue();
        assertThat(rating)
                .isInstanceOfSatisfying(
                        Map.class,
                        m -> assertThat(m)
                                .containsEntry("by", "ann")
                                .hasEntrySatisfying(
                                        "score",
                                        v -> assertThat(((Number) v).intValue()).isEqualTo(6))
                                .hasEntrySatisfying(
                                        "day",
                                        v -> assertThat(((Number) v).intValue()).isEqualTo(30)));
    }
}
