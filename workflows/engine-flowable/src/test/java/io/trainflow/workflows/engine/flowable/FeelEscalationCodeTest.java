package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Escalation codes given as FEEL on throw and end events (camunda8/escalation-feel): Camunda 8 evaluates the
 * expression when the event is reached, and the catch event whose fixed code equals the result catches it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeelEscalationCodeTest {

    private final Camunda8Engine c8 = new Camunda8Engine().deploy("escalation-feel");

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void theCodeIsEvaluatedWhenThrownAndCaughtByTheMatchingCatch() {
        var instance = c8.start("escalation-feel", Map.of("late", true, "reason", "budget"));

        assertThat(c8.ended(instance)).isTrue();
        assertThat(c8.variables(instance))
                .containsEntry("lateCaught", true)
                .containsEntry("wentOn", true)
                .containsEntry("gaveUp", true)
                .doesNotContainKey("earlyCaught");
        assertThat(c8.endActivity(instance))
                .as("the end event threw GIVE-UP-budget, caught by the interrupting boundary event")
                .isEqualTo("stopped");
    }

    @Test
    void otherValuesThrowOtherCodes() {
        var instance = c8.start("escalation-feel", Map.of("late", false, "reason", "holiday"));

        assertThat(c8.ended(instance)).isTrue();
        assertThat(c8.variables(instance))
                .containsEntry("earlyCaught", true)
                .doesNotContainKeys("lateCaught", "gaveUp");
        assertThat(c8.endActivity(instance))
                .as("GIVE-UP-holiday has no catch: uncaught, the sub-process ends and the flow goes on")
                .isEqualTo("done");
    }

    @Test
    void lintAcceptsTheModelAndRefusesAComputedCodeOnACatch() throws Exception {
        BpmnLinter linter = new BpmnLinter(Set.of(), new Feel());
        assertThat(linter.lintPath(Camunda8Engine.folder("escalation-feel"))).isEmpty();

        String catching = Files.readString(
                        Camunda8Engine.folder("escalation-feel").resolve("computed-code.bpmn"))
                .replace("escalationRef=\"esc-late\"", "escalationRef=\"esc-progress\"");
        assertThat(linter.lint(
                        "catch.bpmn",
                        ZeebeModelReader.read(catching.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        BpmnLinter.Context.none()))
                .anySatisfy(p -> {
                    assertThat(p.elementId()).isEqualTo("late");
                    assertThat(p.refuses()).isTrue();
                    assertThat(p.message()).contains("a catch event matches a fixed code");
                });
    }
}
