package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Output mappings of events (camunda8/outputs): a start event's outputs, a message catch event's outputs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElementOutputsTest {

    private final Camunda8Engine c8 = new Camunda8Engine().deploy("outputs");

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void aStartEventsOutputsAreSetBeforeTheFlowGoesOnAndACatchEventMapsTheMessagesVariables() {
        var instance = c8.start("event-outputs", Map.of("number", 7));
        assertThat(c8.variables(instance)).containsEntry("caseKey", "case-7").containsEntry("topic", "general");

        assertThat(c8.engine.messages().publish("Reply", "case-7", Map.of("text", "thanks")))
                .isEqualTo(1);
        c8.run();

        assertThat(c8.ended(instance)).isTrue();
        assertThat(c8.variables(instance)).containsEntry("shouted", "THANKS");
    }

    @Test
    void lintAcceptsThem() throws Exception {
        assertThat(new BpmnLinter(Set.of(), new Feel()).lintPath(Camunda8Engine.folder("outputs")))
                .isEmpty();
    }
}
