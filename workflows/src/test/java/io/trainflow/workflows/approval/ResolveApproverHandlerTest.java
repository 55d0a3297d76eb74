package io.trainflow.workflows.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.delegation.Delegation;
import io.trainflow.workflows.Sample;
import io.trainflow.workflows.approval.ResolveApproverHandler.Input;
import io.trainflow.workflows.approval.ResolveApproverHandler.Output;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolveApproverHandlerTest {

    final Sample sample = new Sample();
    final ResolveApproverHandler handler = new ResolveApproverHandler(
            sample.ports.hcm(), sample.ports.catalogue(), sample.ports.delegations(), sample.clock);

    Output resolve(String level, String employeeId, String requestedBy) {
        return handler.handle(new Input(level, employeeId, requestedBy, null, false, null, null, null));
    }

    @Test
    void theLearnersManagerApproves() {
        assertThat(resolve("manager", "1004", "alice.martin")).isEqualTo(new Output("sophie.laurent", List.of(), null));
    }

    @Test
    void aManagerNominationGoesOneLevelUp() {
        assertThat(resolve("manager", "1004", "sophie.laurent").approver()).isEqualTo("marc.bernard");
    }

    @Test
    void aDepartmentHeadIsApprovedByTheCeo() {
        assertThat(resolve("manager", "1002", "marc.bernard").approver()).isEqualTo("claire.dubois");
    }

    @Test
    void nobodyAboveMeansTheHrFallbackGroup() {
        assertThat(resolve("manager", "1023", "nina.petit")).isEqualTo(new Output(null, List.of("hr-fallback"), null));
        assertThat(resolve("manager", "1002", "claire.dubois"))
                .as("the CEO nominates a head: nobody above her")
                .isEqualTo(new Output(null, List.of("hr-fallback"), null));
    }

    @Test
    void escalationGoesToTheCurrentApproversManager() {
        Output out =
                handler.handle(new Input("manager", "1004", "alice.martin", null, true, "sophie.laurent", null, null));
        assertThat(out.approver()).isEqualTo("marc.bernard");

        Output top =
                handler.handle(new Input("manager", "1004", "alice.martin", null, true, "claire.dubois", null, null));
        assertThat(top).isEqualTo(new Output(null, List.of("hr-fallback"), null));
    }

    @Test
    void escalatingADeputysTaskGoesAboveTheApproverTheyStandInFor() {
        // the sample delegation: thomas stands in for isabelle, who is his own manager and on leave
        Output out = handler.handle(new Input(
                "manager", "1029", "ella.lefebvre", null, true, "thomas.rousseau", "isabelle.fontaine", null));
        assertThat(out).isEqualTo(new Output("claire.dubois", List.of(), null));
    }

    @Test
    void whoDecidedAnEarlierLevelIsSkippedAtTheNext() {
        // finding 4: sophie decided the L&D level (say) of alice's request: the manager level goes one up
        Output out = handler.handle(new Input(
                "manager",
                "1004",
                "alice.martin",
                null,
                false,
                null,
                null,
                List.of(java.util.Map.of("level", "ld", "by", "sophie.laurent"))));
        assertThat(out.approver()).isEqualTo("marc.bernard");
        // the same level again (after a revision) stays hers
        Output again = handler.handle(new Input(
                "manager",
                "1004",
                "alice.martin",
                null,
                false,
                null,
                null,
                List.of(java.util.Map.of("level", "manager", "by", "sophie.laurent"))));
        assertThat(again.approver()).isEqualTo("sophie.laurent");
    }

    @Test
    void escalationSkipsTheRequester() {
        // marc nominated emma; escalating from her manager sophie must skip marc, the requester
        Output out =
                handler.handle(new Input("manager", "1006", "marc.bernard", null, true, "sophie.laurent", null, null));
        assertThat(out.approver()).isEqualTo("claire.dubois");
    }

    @Test
    void anActiveDelegationHandsTheTaskToTheDeputy() {
        sample.ports
                .delegations()
                .save(new Delegation(
                        "d1",
                        "sophie.laurent",
                        "hugo.roux",
                        Sample.START.minus(Duration.ofDays(1)),
                        Sample.START.plus(Duration.ofDays(5)),
                        "leave"));

        assertThat(resolve("manager", "1004", "alice.martin"))
                .isEqualTo(new Output("hugo.roux", List.of(), "sophie.laurent"));

        sample.clock.advance(Duration.ofDays(5));
        assertThat(resolve("manager", "1004", "alice.martin"))
                .as("expired")
                .isEqualTo(new Output("sophie.laurent", List.of(), null));
    }

    @Test
    void aDeputyWhoIsTheRequesterIsIgnored() {
        sample.ports
                .delegations()
                .save(new Delegation(
                        "d2",
                        "sophie.laurent",
                        "alice.martin",
                        Sample.START.minus(Duration.ofDays(1)),
                        Sample.START.plus(Duration.ofDays(5)),
                        "leave"));

        assertThat(resolve("manager", "1004", "alice.martin").approver()).isEqualTo("sophie.laurent");
    }

    @Test
    void ldLevelIsTheLdTeamGroup() {
        assertThat(resolve("ld", "1006", "emma.girard")).isEqualTo(new Output(null, List.of("ld-team"), null));
    }

    @Test
    void budgetLevelIsTheDepartmentsBudgetOwner() {
        assertThat(resolve("budget", "1012", "camille.blanc"))
                .isEqualTo(new Output("julie.lambert", List.of("budget-owners"), null));
        // the sample's seeded delegation: isabelle (HR budget owner) is on leave, thomas decides
        assertThat(resolve("budget", "1029", "ella.lefebvre"))
                .isEqualTo(new Output("thomas.rousseau", List.of("budget-owners"), "isabelle.fontaine"));
    }

    @Test
    void theRequesterOrLearnerIsNeverTheApprover() {
        // julie owns the sales budget; when she nominates someone, another budget owner decides
        assertThat(resolve("budget", "1015", "julie.lambert"))
                .isEqualTo(new Output(null, List.of("budget-owners"), null));
        // marc owns the engineering budget and is the learner here
        assertThat(resolve("budget", "1002", "claire.dubois").approver()).isNull();
        for (String id : List.of("1001", "1002", "1004", "1012", "1023", "1026")) {
            for (String level : List.of("manager", "ld", "budget")) {
                String requester = sample.ports.hcm().employee(id).orElseThrow().username();
                assertThat(resolve(level, id, requester).approver()).isNotEqualTo(requester);
            }
        }
    }

    @Test
    void aReassignedManagerIsPickedUpWhenResolvingAgain() {
        sample.org.changeSupervisor("1004", "hugo.roux");

        assertThat(resolve("manager", "1004", "alice.martin").approver()).isEqualTo("hugo.roux");
    }

    @Test
    void anUnknownLevelIsAModellingError() {
        assertThatThrownBy(() -> resolve("boss", "1004", "alice.martin")).isInstanceOf(IllegalArgumentException.class);
    }
}
