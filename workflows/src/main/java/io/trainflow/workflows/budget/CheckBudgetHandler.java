package io.trainflow.workflows.budget;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.catalogue.DepartmentBudget;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.profile.Profile;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

@TaskType(
        value = "check-budget",
        name = "Check department budget",
        description = "Looks up the training budget of the learner's department and tells whether the path costs"
                + " more than what is left. A department without a budget has nothing left.")
public final class CheckBudgetHandler implements StepHandler<CheckBudgetHandler.Input, CheckBudgetHandler.Output> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "The learner", feel = "=profile") @NotNull
            Profile profile,

            @Doc(value = "Total cost of the learning path (EUR)", feel = "=pathCost") @NotNull @PositiveOrZero
            Double pathCost) {}

    public record Budget(
            @Doc("Budget department (the catalogue's id; the HCM unit's id when no catalogue department contains it)")
            String department,

            @Doc("Budget for the period (EUR)") double allocated,
            @Doc("Already spent (EUR)") double spent,
            @Doc("allocated - spent (EUR)") double remaining,

            @Doc(value = "Username of the budget owner; null when the department has no budget", optional = true)
            String owner) {}

    public record Output(
            @Doc("The department's budget") Budget budget,

            @Doc("Whether the path costs more than the budget left")
            boolean overBudget) {}

    private final CataloguePort catalogue;

    public CheckBudgetHandler(CataloguePort catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Output handle(Input input) {
        String department = input.profile().department();
        DepartmentBudget b =
                department == null ? null : catalogue.budget(department).orElse(null);
        Budget budget = b == null
                ? new Budget(department, 0, 0, 0, null)
                : new Budget(department, b.allocated(), b.spent(), b.remaining(), b.owner());
        return new Output(budget, input.pathCost() > budget.remaining());
    }
}
