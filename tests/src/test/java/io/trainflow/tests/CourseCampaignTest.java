package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.outcome.Outcome;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * L&D runs a campaign for a course's participants (the LTI tool reads them from Moodle): the same programme as a
 * department campaign, started with the given employees instead of listing a department, under the same rule.
 */
class CourseCampaignTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void aCourseCampaignAsksEachGivenEmployeeAndEndsWithTheProgrammeReport() {
        // julie (1010) and louis (1015) have no gap: both end at once, and the report follows
        String programme = life.courseCampaign("zoe.vincent", "PY-AUTO", List.of("1010", "1015", "1010"));

        HistoricProcessInstance root = life.root(programme);
        assertThat(life.flowable()
                        .getHistoryService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(root.getId())
                        .activityId("list-department")
                        .count())
                .as("no department listed")
                .isZero();
        List<HistoricProcessInstance> batches = life.flowable()
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .superProcessInstanceId(root.getId())
                .list();
        assertThat(batches).hasSize(1);
        assertThat(life.flowable()
                        .getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .superProcessInstanceId(batches.get(0).getId())
                        .count())
                .as("one request per person, once")
                .isEqualTo(2);
        assertThat(life.variables(programme + "-1010"))
                .containsEntry("justification", "Course campaign PY-AUTO")
                .containsEntry("origin", "campaign")
                .containsEntry("requestedBy", "zoe.vincent");
        assertThat(life.ports().outcomes().ofProgramme(programme))
                .extracting(Outcome::employeeId, Outcome::status)
                .containsExactlyInAnyOrder(Tuple.tuple("1010", "no-need"), Tuple.tuple("1015", "no-need"));

        Task signOff = life.task("thomas.rousseau", "sign-off-report", programme);
        assertThat(life.variable(signOff, "report"))
                .isInstanceOfSatisfying(
                        Map.class,
                        report -> assertThat(report)
                                .containsEntry("cohortSize", 2L)
                                .containsEntry("noNeed", 2L));
    }

    @Test
    void onlyLdStartsOneAndEveryPersonMustBeAnEmployee() {
        assertThatThrownBy(() -> life.courseCampaign("manon.boyer", "PY-AUTO", List.of("1010")))
                .isInstanceOf(TrainflowProblem.Forbidden.class)
                .hasMessageContaining("not in L&D");
        assertThatThrownBy(() -> life.courseCampaign("zoe.vincent", "PY-AUTO", List.of("1010", "9999")))
                .isInstanceOfSatisfying(
                        TrainflowProblem.InvalidInput.class,
                        e -> assertThat(e.fields()).containsKey("employeeIds[1]"));
        assertThatThrownBy(() -> life.courseCampaign("zoe.vincent", "PY-AUTO", List.of()))
                .isInstanceOfSatisfying(
                        TrainflowProblem.InvalidInput.class,
                        e -> assertThat(e.fields()).containsKey("employeeIds"));
        assertThatThrownBy(() -> life.courseCampaign("zoe.vincent", " ", List.of("1010")))
                .isInstanceOfSatisfying(
                        TrainflowProblem.InvalidInput.class,
                        e -> assertThat(e.fields()).containsKey("course"));
        assertThat(life.flowable()
                        .getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey("training-programme")
                        .count())
                .as("nothing started")
                .isZero();
    }
}
