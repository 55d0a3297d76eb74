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

/** The routing table: a learning path over 1000 EUR needs L&D's approval after the manager's. */
class LdApprovalTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void aPathOverTheThresholdGoesToTheLdTeamAfterTheManager() {
        String request = life.request("emma.girard", "1006", "Operate our clusters", List.of());
        assertThat(life.variables(request))
                .containsEntry("pathCost", 2700.0)
                .containsEntry("routing", Map.of("needsLdApproval", true, "needsBudgetApproval", false));
        assertThat(life.inbox("zoe.vincent"))
                .as("L&D decides only after the manager")
                .isEmpty();

        life.approve("sophie.laurent", request);

        Task ld = life.task("zoe.vincent", "approve", request);
        assertThat(ld.getAssignee()).isNull();
        assertThat(life.variable(ld, "level")).isEqualTo("ld");
        assertThat(life.variable(ld, "approverGroups")).isEqualTo(List.of("ld-team"));
        assertThat(life.task("thomas.rousseau", "approve", request).getId())
                .as("offered to the whole team")
                .isEqualTo(ld.getId());
        assertThat(life.org().lms().enrolments("emma.girard"))
                .extracting(Enrolment::courseId)
                .as("not enrolled before L&D approves")
                .doesNotContain("106", "108", "109");
        assertThatThrownBy(() -> life.complete("sophie.laurent", ld, Map.of("decision", "approve")))
                .isInstanceOf(TrainflowProblem.NotFound.class);

        life.approve("zoe.vincent", request);

        assertThat(life.org().lms().enrolments("emma.girard"))
                .extracting(Enrolment::courseId)
                .contains("106", "108", "109");
    }

    @Test
    void aPathUnderTheThresholdNeedsTheManagerOnly() {
        String request = life.request("alice.martin", "1004", "Automate reports", List.of());
        assertThat(life.variables(request))
                .containsEntry("pathCost", 750.0)
                .containsEntry("routing", Map.of("needsLdApproval", false, "needsBudgetApproval", false));

        life.approve("sophie.laurent", request);

        assertThat(life.inbox("zoe.vincent")).isEmpty();
        assertThat(life.org().lms().enrolments("alice.martin"))
                .extracting(Enrolment::courseId)
                .contains("103", "104");
    }
}
