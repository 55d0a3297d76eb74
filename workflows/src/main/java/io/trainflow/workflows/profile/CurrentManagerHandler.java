package io.trainflow.workflows.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import jakarta.validation.constraints.NotBlank;

/**
 * Asks the HCM who manages the learner now. Follow-ups come 30 to 90 days after the profile
 * was read at intake; the manager may have changed since, and the task must go to the new one.
 */
@TaskType(
        value = "hcm-current-manager",
        name = "Current manager",
        description = "Reads the learner's manager from the HCM now (not from the profile read at intake), so a task"
                + " assigned to the manager weeks later goes to whoever manages the learner then.")
public final class CurrentManagerHandler
        implements StepHandler<CurrentManagerHandler.Input, CurrentManagerHandler.Output> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "HCM id of the learner", feel = "=employeeId") @NotBlank
            String employeeId) {}

    public record Output(
            @Doc(
                    value = "Username of the learner's manager now; null when the learner has none (or left)",
                    optional = true)
            String currentManager) {}

    private final HcmPort hcm;

    public CurrentManagerHandler(HcmPort hcm) {
        this.hcm = hcm;
    }

    @Override
    public Output handle(Input input) {
        String manager = hcm.employee(input.employeeId())
                .map(Employee::managerId)
                .flatMap(hcm::employee)
                .map(Employee::username)
                .orElse(null);
        return new Output(manager);
    }
}
