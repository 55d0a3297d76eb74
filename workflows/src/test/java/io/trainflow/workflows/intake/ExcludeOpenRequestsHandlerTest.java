package io.trainflow.workflows.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.api.OpenRequests;
import io.trainflow.workflows.api.OpenRequests.OpenRequest;
import io.trainflow.workflows.path.PathCourse;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExcludeOpenRequestsHandlerTest {

    private static final PathCourse PYTHON =
            new PathCourse("101", "PY-AUTO", "Python for Automation", "python", 0.8, 450, "why", null);
    private static final PathCourse SQL = new PathCourse("103", "SQL-1", "SQL Basics", "sql", 0.7, 300.5, "why", null);

    private static ExcludeOpenRequestsHandler with(OpenRequest... open) {
        return new ExcludeOpenRequestsHandler(() -> employee -> "1004".equals(employee) ? List.of(open) : List.of());
    }

    @Test
    void aRequestLeavesOutTheCourseAnotherOpenRequestHoldsAndNamesIt() {
        var out = with(new OpenRequest("REQ-own", List.of("101")), new OpenRequest("PRG-1-1004", List.of("101", "103")))
                .handle(new ExcludeOpenRequestsHandler.Input("PRG-1-1004", "1004", List.of(PYTHON, SQL)));

        assertThat(out.learningPath()).containsExactly(SQL);
        assertThat(out.pathCost()).isEqualTo(300.5);
        assertThat(out.linkedRequests())
                .containsExactly(
                        new ExcludeOpenRequestsHandler.LinkedCourse("101", "Python for Automation", "REQ-own"));
        assertThat(out.linkNote()).isEqualTo("left out, already requested: Python for Automation in REQ-own");
    }

    @Test
    void withEveryCourseHeldElsewhereNothingIsLeftAndTheNoteNamesTheOldestHolder() {
        var out = with(new OpenRequest("REQ-old", List.of("103")), new OpenRequest("PRG-0-1004", List.of("101", "103")))
                .handle(new ExcludeOpenRequestsHandler.Input("PRG-1-1004", "1004", List.of(PYTHON, SQL)));

        assertThat(out.learningPath()).isEmpty();
        assertThat(out.pathCost()).isZero();
        assertThat(out.linkNote())
                .isEqualTo("already requested: Python for Automation in PRG-0-1004; SQL Basics in REQ-old");
    }

    @Test
    void aRequestAPersonMadeIsCheckedLikeACampaignsAndAnUncheckedOpenRequestHoldsNothing() {
        var own = with(new OpenRequest("PRG-1-1004", List.of("101")))
                .handle(new ExcludeOpenRequestsHandler.Input("REQ-new", "1004", List.of(PYTHON, SQL)));
        assertThat(own.learningPath()).containsExactly(SQL);
        assertThat(own.linkNote()).isEqualTo("left out, already requested: Python for Automation in PRG-1-1004");

        var kept = with(new OpenRequest("PRG-1-1004", List.of("103")))
                .handle(new ExcludeOpenRequestsHandler.Input("REQ-new", "1004", List.of(PYTHON)));
        assertThat(kept.learningPath()).containsExactly(PYTHON);
        assertThat(kept.linkedRequests()).isEmpty();
        assertThat(kept.linkNote()).isNull();

        var campaign = with(new OpenRequest("REQ-just-started", List.of()))
                .handle(new ExcludeOpenRequestsHandler.Input("PRG-1-1004", "1004", List.of(PYTHON)));
        assertThat(campaign.learningPath()).containsExactly(PYTHON);
    }

    @Test
    void outsideAnEngineNothingIsOpen() {
        var out = new ExcludeOpenRequestsHandler(() -> OpenRequests.NONE)
                .handle(new ExcludeOpenRequestsHandler.Input("PRG-1-1004", "1004", List.of(PYTHON)));
        assertThat(out.learningPath()).containsExactly(PYTHON);
    }
}
