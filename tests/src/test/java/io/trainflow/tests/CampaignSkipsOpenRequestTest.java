package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.outcome.Outcome;
import io.trainflow.connectors.sample.SampleLms.SentMessage;
import java.util.List;
import java.util.Map;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: a campaign reaches an employee whose own request for the same course is still waiting for approval.
 * The campaign's request ends at once as already requested, naming her request (status and the programme
 * report); only her request is approved, enrolled and told, once.
 */
class CampaignSkipsOpenRequestTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void aCampaignSkipsTheEmployeeWhoseOwnRequestForTheCourseIsOpenAndItsReportSaysSo() {
        // manon.boyer (sales) asks herself; her manager has not decided yet
        String hers = life.request("manon.boyer", "1014", "Better customer calls", List.of());
        life.task("nicolas.faure", "approve", hers);

        String programme = life.campaign("zoe.vincent", "sales");
        String campaigns = programme + "-1014";
        assertThat(life.endedAt(campaigns)).isEqualTo("already-requested");
        assertThat(life.variables(campaigns))
                .containsEntry("outcome", "already-requested")
                .hasEntrySatisfying(
                        "endReason", reason -> assertThat((String) reason).contains(hers));
        assertThat(life.inbox("nicolas.faure"))
                .as("one approval for Manon's course: her own request's")
                .filteredOn(t -> "1014".equals(life.variable(t, "employeeId")))
                .extracting(t -> life.variable(t, "requestId"))
                .containsExactly(hers);
        assertThat(life.ports().outcomes().ofProgramme(programme))
                .filteredOn(o -> o.employeeId().equals("1014"))
                .extracting(Outcome::status)
                .containsExactly("already-requested");

        // her request goes on as before: approved, enrolled, told once
        life.approve("nicolas.faure", hers);
        assertThat(life.messagesTo("manon.boyer"))
                .extracting(SentMessage::text)
                .filteredOn(text -> text.startsWith("You are enrolled"))
                .hasSize(1);

        // the rest of the campaign ends; its report lists Manon as skipped, with the request that holds her course
        life.decide("julie.lambert", programme + "-1011", "reject", "Next year");
        life.decide("nicolas.faure", programme + "-1012", "reject", "Next year");
        life.decide("nicolas.faure", programme + "-1013", "reject", "Next year");
        life.decide("nicolas.faure", programme + "-1016", "reject", "Next year");
        Task signOff = life.task("thomas.rousseau", "sign-off-report", programme);
        assertThat(life.variable(signOff, "report")).isInstanceOfSatisfying(Map.class, report -> {
            assertThat(report)
                    .containsEntry("cohortSize", 7L)
                    .containsEntry("alreadyRequested", 1L)
                    .containsEntry("rejected", 4L)
                    .containsEntry("noNeed", 2L);
            assertThat((List<?>) report.get("linked")).singleElement().isInstanceOfSatisfying(Map.class, linked -> {
                assertThat(linked)
                        .containsEntry("employeeId", "1014")
                        .containsEntry("requestId", campaigns)
                        .containsEntry("skipped", true);
                assertThat((String) linked.get("reason")).contains(hers);
            });
        });
    }
}
