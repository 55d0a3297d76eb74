package io.trainflow.workflows.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.Sample;
import org.junit.jupiter.api.Test;

class CheckBudgetHandlerTest {

    final Sample sample = new Sample();
    final CheckBudgetHandler handler = new CheckBudgetHandler(sample.ports.catalogue());

    @Test
    void salesHasOnly400Left() {
        CheckBudgetHandler.Output out = handler.handle(new CheckBudgetHandler.Input(sample.profile("1012"), 950.0));

        assertThat(out.overBudget()).isTrue();
        assertThat(out.budget()).isEqualTo(new CheckBudgetHandler.Budget("sales", 8000, 7600, 400, "julie.lambert"));
    }

    @Test
    void aPathWithinWhatIsLeftIsNotOverBudget() {
        assertThat(handler.handle(new CheckBudgetHandler.Input(sample.profile("1014"), 300.0))
                        .overBudget())
                .isFalse();
        assertThat(handler.handle(new CheckBudgetHandler.Input(sample.profile("1014"), 400.0))
                        .overBudget())
                .isFalse();
        assertThat(handler.handle(new CheckBudgetHandler.Input(sample.profile("1004"), 2700.0))
                        .overBudget())
                .isFalse();
    }

    @Test
    void aDepartmentWithoutBudgetHasNothingLeft() {
        CheckBudgetHandler.Output out = handler.handle(new CheckBudgetHandler.Input(sample.profile("1001"), 10.0));

        assertThat(out.overBudget()).isTrue();
        assertThat(out.budget().owner()).isNull();
    }
}
