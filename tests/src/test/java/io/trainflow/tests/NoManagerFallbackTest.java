package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.List;
import java.util.Map;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A learner without a manager (a new hire) is approved by HR: the hr-fallback group. */
class NoManagerFallbackTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void theApprovalIsOfferedToHrFallbackAndAnyMemberDecides() {
        String request = life.request("nina.petit", "1023", "Get up to speed", List.of());

        Task task = life.task("maxime.muller", "approve", request);
        assertThat(task.getAssignee()).isNull();
        assertThat(life.variable(task, "approver")).isNull();
        assertThat(life.variable(task, "approverGroups")).isEqualTo(List.of("hr-fallback"));
        assertThat(life.task("isabelle.fontaine", "approve", request).getId()).isEqualTo(task.getId());
        assertThat(life.inbox("pierre.francois"))
                .as("the head of support is not her manager")
                .isEmpty();
        assertThatThrownBy(() -> life.complete("pierre.francois", task, Map.of("decision", "approve")))
                .isInstanceOf(TrainflowProblem.NotFound.class);

        life.approve("maxime.muller", request);

        assertThat(life.org().lms().enrolments("nina.petit"))
                .extracting(Enrolment::courseId)
                .contains("115", "114");
        assertThat(life.inbox("isabelle.fontaine")).isEmpty();
    }
}
