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

/** A path the department budget cannot cover needs its budget owner's approval, last; L&D too when it costs over 1000. */
class BudgetOwnerApprovalTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void anOverBudgetPathGoesToTheDepartmentsBudgetOwnerLast() {
        String request = life.request("antoine.guerin", "1013", "Close bigger deals", List.of());
        assertThat(life.variables(request))
                .containsEntry("pathCost", 1550.0)
                .containsEntry("overBudget", true)
                .containsEntry("routing", Map.of("needsLdApproval", true, "needsBudgetApproval", true));

        life.approve("nicolas.faure", request);
        assertThat(life.inbox("julie.lambert"))
                .as("the budget owner decides last")
                .isEmpty();
        life.approve("thomas.rousseau", request);

        Task budget = life.task("julie.lambert", "approve", request);
        assertThat(budget.getAssignee()).isEqualTo("julie.lambert");
        assertThat(life.variable(budget, "level")).isEqualTo("budget");
        assertThat(life.org().lms().enrolments("antoine.guerin"))
                .extracting(Enrolment::courseId)
                .as("not enrolled before the budget owner approves")
                .doesNotContain("110", "112", "113");
        assertThatThrownBy(() -> life.complete("pierre.francois", budget, Map.of("decision", "approve")))
                .as("another department's budget owner")
                .isInstanceOf(TrainflowProblem.NotFound.class);

        life.approve("julie.lambert", request);

        assertThat(life.org().lms().enrolments("antoine.guerin"))
                .extracting(Enrolment::courseId)
                .contains("110", "112", "113");
    }

    @Test
    void anAffordablePathOverTheBudgetLeftSkipsLdAndGoesToTheBudgetOwner() {
        String request = life.request("camille.blanc", "1012", "Negotiation skills", List.of());
        assertThat(life.variables(request))
                .containsEntry("overBudget", true)
                .containsEntry("routing", Map.of("needsLdApproval", false, "needsBudgetApproval", true));
        assertThat((Double) life.variables(request).get("pathCost")).isLessThanOrEqualTo(1000.0);

        life.approve("nicolas.faure", request);
        assertThat(life.inbox("zoe.vincent"))
                .as("no L&D step under the threshold")
                .isEmpty();
        assertThat(life.variable(life.task("julie.lambert", "approve", request), "level"))
                .isEqualTo("budget");
        life.approve("julie.lambert", request);

        assertThat(life.org().lms().enrolments("camille.blanc")).isNotEmpty();
    }

    @Test
    void theBudgetOwnerCanStillSayNo() {
        String request = life.request("antoine.guerin", "1013", "Close bigger deals", List.of());
        life.approve("nicolas.faure", request);
        life.approve("zoe.vincent", request);

        life.decide("julie.lambert", request, "reject", "No budget left this year");

        assertThat(life.endedAt(request)).isEqualTo("rejected");
        assertThat(life.org().lms().enrolments("antoine.guerin"))
                .extracting(Enrolment::courseId)
                .doesNotContain("110", "112", "113");
        assertThat(life.messagesTo("antoine.guerin"))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).contains("was rejected"));
    }
}
