package io.trainflow.workflows.programme;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.hcm.Department;
import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.List;

@TaskType(
        value = "hcm-list-department",
        name = "List department employees",
        description = "Lists the current employees of an HCM sub-unit and the units below it, for a campaign, and"
                + " cuts the list into batches (one batch of requests per call of training-cohort). The department may be"
                + " given by id or by name.",
        errors = {ListDepartmentHandler.DEPARTMENT_NOT_FOUND})
public final class ListDepartmentHandler
        implements StepHandler<ListDepartmentHandler.Input, ListDepartmentHandler.Output> {

    public static final String DEPARTMENT_NOT_FOUND = "DEPARTMENT_NOT_FOUND";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "HCM sub-unit id or name", feel = "=department") @NotBlank
            String department,

            @Doc(value = "Employees per batch; " + DEFAULT_BATCH + " when empty", optional = true, feel = "=batchSize")
            Integer batchSize) {}

    public record Output(
            @Doc("HCM ids of the department's employees") List<String> employeeIds,

            @Doc("The same ids in batches of at most batchSize, in order")
            List<List<String>> employeeBatches) {}

    /**
     * Why batches: Flowable's parallel multi-instance reads every sibling when one child ends, so
     * one loop over 10,000 requests costs 10,000 x 10,000 at its end (measured: 0.5 requests/s).
     * Batches of 250 bound that to 250 per request (docs/BENCHMARKS.md, finding 11).
     */
    public static final int DEFAULT_BATCH = 250;

    private final HcmPort hcm;

    public ListDepartmentHandler(HcmPort hcm) {
        this.hcm = hcm;
    }

    @Override
    public Output handle(Input input) throws BusinessError {
        String wanted = input.department().strip();
        Department department = hcm.departments().stream()
                .filter(d -> d.id().equals(wanted))
                .findFirst()
                .or(() -> hcm.departments().stream()
                        .filter(d -> d.name().equalsIgnoreCase(wanted))
                        .findFirst())
                .orElseThrow(
                        () -> new BusinessError(DEPARTMENT_NOT_FOUND, "The HCM has no department '" + wanted + "'"));
        List<String> ids = hcm.employees(department.id()).stream()
                .map(Employee::employeeId)
                .toList();
        int size = input.batchSize() == null || input.batchSize() <= 0 ? DEFAULT_BATCH : input.batchSize();
        return new Output(ids, batches(ids, size));
    }

    public static List<List<String>> batches(List<String> ids, int size) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += size) {
            batches.add(List.copyOf(ids.subList(from, Math.min(ids.size(), from + size))));
        }
        return batches;
    }
}
