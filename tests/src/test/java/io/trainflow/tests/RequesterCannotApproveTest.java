package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.lms.Enrolment;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Nobody approves their own request, not even as a member of the approving group. */
class RequesterCannotApproveTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void anLdMemberCannotApproveTheirOwnExpensiveRequestButAColleagueCan() {
        String request = life.request("zoe.vincent", "1027", "Employment law and interviewing", List.of());
        assertThat(life.variables(request)).containsEntry("pathCost", 1250.0);
        // her manager isabelle.fontaine is on leave (sample delegation): thomas.rousseau decides for her
        life.approve("thomas.rousseau", request);

        Task ld = life.task("zoe.vincent", "approve", request);
        assertThat(life.variable(ld, "level")).isEqualTo("ld");
        assertThatThrownBy(() -> life.complete("zoe.vincent", ld, Map.of("decision", "approve", "comment", "fine by me")))
                .isInstanceOf(FlowableForbiddenException.class).hasMessageContaining("made this request");
        Task stillOpen = life.flowable().getTaskService().createTaskQuery().taskId(ld.getId()).singleResult();
        assertThat(stillOpen).isNotNull();
        assertThat(stillOpen.getAssignee()).isNull();
        assertThat(life.org().lms().enrolments("zoe.vincent")).extracting(Enrolment::courseId).doesNotContain("117", "118");

        life.approve("thomas.rousseau", request);

        assertThat(life.org().lms().enrolments("zoe.vincent")).extracting(Enrolment::courseId).contains("117", "118");
    }

    @Test
    void aNominatingManagerCannotApproveTheNominationWhichGoesOneLevelUp() {
        String request = life.request("sophie.laurent", "1004", "Alice should automate our reports", List.of());
        assertThat(life.variables(request)).containsEntry("origin", "manager-nomination");

        Task task = life.task("marc.bernard", "approve", request);
        assertThat(task.getAssignee()).isEqualTo("marc.bernard");
        assertThat(life.inbox("sophie.laurent")).isEmpty();
        assertThatThrownBy(() -> life.complete("sophie.laurent", task, Map.of("decision", "approve")))
                .isInstanceOf(FlowableForbiddenException.class);
        assertThat(life.flowable().getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

        life.approve("marc.bernard", request);

        assertThat(life.org().lms().enrolments("alice.martin")).extracting(Enrolment::courseId).contains("103", "104");
    }
}
