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

/** Nobody approves their own request, not even as a member of the approving group. */
class RequesterCannotApproveTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void anLdMemberNeverSeesTheApprovalOfHerOwnRequestAndADeputyDecidesOneLevelOnly() {
        String request = life.request("zoe.vincent", "1027", "Employment law and interviewing", List.of());
        assertThat(life.variables(request)).containsEntry("pathCost", 1250.0);
        // her manager isabelle.fontaine is on leave (sample delegation): thomas.rousseau decides for her
        life.approve("thomas.rousseau", request);

        // the L&D level: zoe is the requester and learner, thomas decided the manager level; nobody in ld-team
        // may decide, so it goes to hr-fallback, whose isabelle was stood in for: maxime.muller decides
        assertThat(life.inbox("zoe.vincent")).isEmpty();
        assertThat(life.inbox("thomas.rousseau")).isEmpty();
        assertThat(life.inbox("isabelle.fontaine")).isEmpty();
        Task ld = life.task("maxime.muller", "approve", request);
        assertThat(life.variable(ld, "level")).isEqualTo("ld");
        assertThat((String) life.variable(ld, "routingNote"))
                .contains("zoe.vincent made this request")
                .contains("thomas.rousseau already decided")
                .contains("hr-fallback");
        for (String refused : List.of("zoe.vincent", "thomas.rousseau", "isabelle.fontaine")) {
            assertThatThrownBy(() -> life.complete(refused, ld, Map.of("decision", "approve", "comment", "fine by me")))
                    .as(refused)
                    .isInstanceOf(TrainflowProblem.NotFound.class);
        }
        Task stillOpen = life.flowable()
                .getTaskService()
                .createTaskQuery()
                .taskId(ld.getId())
                .singleResult();
        assertThat(stillOpen).isNotNull();
        assertThat(stillOpen.getAssignee()).isNull();
        assertThat(life.org().lms().enrolments("zoe.vincent"))
                .extracting(Enrolment::courseId)
                .doesNotContain("117", "118");

        life.approve("maxime.muller", request);

        assertThat(life.org().lms().enrolments("zoe.vincent"))
                .extracting(Enrolment::courseId)
                .contains("117", "118");
    }

    @Test
    void aLearnerNominatedBySomeoneElseNeverSeesNorDecidesTheLdApprovalOfHerOwnTraining() {
        // finding 2: isabelle.fontaine nominates zoe.vincent, who is in ld-team (the L&D level's group)
        String request = life.request("isabelle.fontaine", "1027", "Employment law and interviewing", List.of());
        Task manager = openApproval(request);
        life.complete(manager.getAssignee(), manager, Map.of("decision", "approve"));

        Task ld = openApproval(request);
        assertThat(life.variable(ld, "level")).isEqualTo("ld");
        assertThat(life.inbox("zoe.vincent")).noneMatch(t -> t.getId().equals(ld.getId()));
        assertThatThrownBy(() -> life.complete("zoe.vincent", ld, Map.of("decision", "approve")))
                .isInstanceOf(TrainflowProblem.NotFound.class);
        assertThat(life.flowable()
                        .getTaskService()
                        .createTaskQuery()
                        .taskId(ld.getId())
                        .count())
                .isEqualTo(1);
    }

    private Task openApproval(String request) {
        return life.flowable()
                .getTaskService()
                .createTaskQuery()
                .taskDefinitionKey("approve")
                .processVariableValueEquals("requestId", request)
                .singleResult();
    }

    @Test
    void aNominatingManagerCannotApproveTheNominationWhichGoesOneLevelUp() {
        String request = life.request("sophie.laurent", "1004", "Alice should automate our reports", List.of());
        assertThat(life.variables(request)).containsEntry("origin", "manager-nomination");

        Task task = life.task("marc.bernard", "approve", request);
        assertThat(task.getAssignee()).isEqualTo("marc.bernard");
        assertThat(life.inbox("sophie.laurent")).isEmpty();
        assertThatThrownBy(() -> life.complete("sophie.laurent", task, Map.of("decision", "approve")))
                .isInstanceOf(TrainflowProblem.NotFound.class);
        assertThat(life.flowable()
                        .getTaskService()
                        .createTaskQuery()
                        .taskId(task.getId())
                        .count())
                .isEqualTo(1);

        life.approve("marc.bernard", request);

        assertThat(life.org().lms().enrolments("alice.martin"))
                .extracting(Enrolment::courseId)
                .contains("103", "104");
    }
}
