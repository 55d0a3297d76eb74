package io.trainflow.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.outcome.InMemoryOutcomeStore;
import io.trainflow.workflows.evaluation.RecordOutcomeHandler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A handler's input is validated once, when the process variables are bound to its input record: a broken
 * constraint is refused there, naming the input, and the handler never runs (the engine adapter makes it an
 * incident naming the BPMN element: retrying the same variables cannot help).
 */
class StepInputValidationTest {

    private final InMemoryOutcomeStore outcomes = new InMemoryOutcomeStore();
    private final RegisteredHandler recordOutcome = new HandlerRegistry(
                    List.of(new RecordOutcomeHandler(outcomes, Clock.systemUTC())))
            .find("record-outcome")
            .orElseThrow();

    @Test
    void anInputThatBreaksItsConstraintIsRefusedAtBindingNamingTheInput() {
        assertThatThrownBy(() -> new StepInvoker()
                        .invoke(
                                recordOutcome,
                                Map.of(
                                        "programmeId",
                                        "",
                                        "requestId",
                                        "REQ-1",
                                        "employeeId",
                                        "1004",
                                        "status",
                                        "finished")))
                .isInstanceOfSatisfying(StepInputException.class, refused -> {
                    assertThat(refused.fields()).containsOnlyKeys("status");
                    assertThat(refused.fields().get("status")).startsWith("must be one of completed|not-completed");
                    assertThat(refused.getMessage())
                            .startsWith("Input of task type 'record-outcome' is not valid: status ");
                });
        assertThatThrownBy(() -> new StepInvoker().invoke(recordOutcome, Map.of("requestId", "REQ-1")))
                .isInstanceOfSatisfying(
                        StepInputException.class,
                        refused -> assertThat(refused.fields()).containsEntry("status", "must not be null"));
        assertThat(outcomes.ofProgramme("")).as("the handler did not run").isEmpty();
    }

    @Test
    void aValidInputRunsTheHandler() {
        StepOutcome done = new StepInvoker()
                .invoke(
                        recordOutcome,
                        Map.of("programmeId", "", "requestId", "REQ-1", "employeeId", "1004", "status", "completed"));

        assertThat(done).isInstanceOf(StepOutcome.Completed.class);
        assertThat(outcomes.ofProgramme(""))
                .singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo("completed"));
    }
}
