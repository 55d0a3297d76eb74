package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Escalations caught by event sub-processes (camunda8/escalation), as Camunda 8 documents them: the nearest
 * catching scope catches; an interrupting event sub-process terminates everything else active in its scope, the
 * flow that threw included. Boundary catches and an uncaught escalation (the flow goes on, no incident) are in
 * {@link EventKindsTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscalationTest {

    private final Camunda8Engine c8 = new Camunda8Engine().deploy("escalation");

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void anInterruptingEventSubProcessTerminatesTheRestOfItsScope() {
        var instance = c8.start("escalation-interrupting", Map.of());

        assertThat(c8.ended(instance)).isTrue();
        assertThat(c8.variables(instance)).containsEntry("handled", true).doesNotContainKey("wentOn");
        assertThat(c8.path(instance))
                .as("the open review and the throwing flow were terminated; the scope ended"
                        + " with the event sub-process")
                .contains("review", "too-late", "handle", "late-end")
                .doesNotContain("after-throw", "work-end", "done");
        assertThat(c8.flowable
                        .getHistoryService()
                        .createHistoricTaskInstanceQuery()
                        .processInstanceId(instance.getId())
                        .singleResult()
                        .getDeleteReason())
                .contains("escalation event sub-process interrupting (late)");
    }

    @Test
    void theNearestCatchingScopeCatchesAndAnOuterOneDoesNot() {
        var instance = c8.start("escalation-nearest", Map.of());

        assertThat(c8.ended(instance)).isTrue();
        assertThat(c8.variables(instance))
                .containsEntry("innerCaught", true)
                .containsEntry("wentOn", true)
                .doesNotContainKey("outerCaught");
        assertThat(c8.endActivity(instance)).isEqualTo("done");
    }

    @Test
    void lintAcceptsThem() throws Exception {
        assertThat(new BpmnLinter(Set.of(), new Feel()).lintPath(Camunda8Engine.folder("escalation")))
                .isEmpty();
    }
}
