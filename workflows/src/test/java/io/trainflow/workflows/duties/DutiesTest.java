package io.trainflow.workflows.duties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one rule set on who sees and decides a task of a request. */
class DutiesTest {

    private final Duties duties = new Duties(
            Directory.of(Map.of("ld-team", List.of("zoe", "thomas"), "hr-fallback", List.of("maxime", "isabelle"))));

    private static Step ldApproval() {
        return new Step("approve", "Approve", true, "ld", null, Set.of(), Set.of("ld-team"));
    }

    @Test
    void theLearnerNominatedBySomeoneElseNeitherSeesNorDecidesHerOwnApproval() {
        Parties parties = Parties.of("isabelle", Map.of("username", "zoe"), null);

        assertThat(duties.maySee("zoe", parties, ldApproval())).isFalse();
        assertThat(duties.maySee("thomas", parties, ldApproval())).isTrue();
        assertThatThrownBy(() -> duties.checkCompletion("zoe", "t1", parties, ldApproval()))
                .isInstanceOf(TrainflowProblem.NotFound.class)
                .hasMessage("No open task t1 for zoe");
    }

    @Test
    void whoDecidedOneLevelOrWasStoodInForDecidesNoOther() {
        Parties parties = Parties.of("alice", Map.of("username", "alice"), null);
        Parties after =
                Parties.of("alice", Map.of("username", "alice"), parties.decidedAfter("manager", "thomas", "isabelle"));

        assertThat(after.decidedOtherThan("ld")).containsExactlyInAnyOrder("thomas", "isabelle");
        assertThat(duties.maySee("thomas", after, ldApproval())).isFalse();
        // the same level again after the requester revised her request: still theirs
        Step managerAgain = new Step("approve", "Approve", true, "manager", "thomas", Set.of(), Set.of());
        assertThat(duties.maySee("thomas", after, managerAgain)).isTrue();
        assertThat(duties.maySee("zoe", after, ldApproval())).isTrue();
        // a task that decides nothing (a follow-up) stays the manager's
        Step followUp = new Step("follow-up-30", "Follow up", false, null, "thomas", Set.of(), Set.of());
        assertThat(duties.maySee("thomas", after, followUp)).isTrue();
    }

    @Test
    void aRequestNobodyInTheGroupMayDecideGoesToTheFallbackGroupWithTheReason() {
        Parties parties = Parties.of(
                "zoe",
                Map.of("username", "zoe"),
                List.of(Map.of("level", "manager", "by", "thomas"), Map.of("level", "manager", "by", "isabelle")));

        Routing routing = duties.route(parties, ldApproval());

        assertThat(routing.candidateGroups()).containsExactly(Duties.FALLBACK_GROUP);
        assertThat(routing.assignee()).isNull();
        assertThat(routing.note()).contains("zoe made this request", "thomas already decided", "goes to hr-fallback");
        assertThat(duties.route(Parties.of("alice", null, null), ldApproval()).changed())
                .isFalse();
    }

    @Test
    void theRequesterRevisesHerOwnRequestWhenItIsAssignedToHerByName() {
        Parties parties = Parties.of("alice", Map.of("username", "alice"), null);
        Step revise = new Step("revise-request", "Revise", false, null, "alice", Set.of(), Set.of());

        assertThat(duties.maySee("alice", parties, revise)).isTrue();
        assertThat(duties.maySee(
                        "alice", parties, new Step("approve", "Approve", true, "manager", "alice", Set.of(), Set.of())))
                .isFalse();
    }
}
