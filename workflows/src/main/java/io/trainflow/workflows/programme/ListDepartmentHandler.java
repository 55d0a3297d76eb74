package io.trainflow.workflows.programme;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.hcm.Department;
import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import java.util.List;

@TaskType(value = "hcm-list-department", name = "List department employees",
        description = "Lists the current employees of an HCM sub-unit and the units below it, for a campaign. The"
                + " department may be given by id or by name.",
        errors = {ListDepartmentHandler.DEPARTMENT_NOT_FOUND})
public final class ListDepartmentHandler implements StepHandler<ListDepartmentHandler.Input, ListDepartmentHandler.Output> {

    public static final String DEPARTMENT_NOT_FOUND = "DEPARTMENT_NOT_FOUND";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(@Doc(value = "HCM sub-unit id or name", feel = "=department") String department) {
    }

    public record Output(@Doc("HCM ids of the department's employees") List<String> employeeIds) {
    }

    private final HcmPort hcm;

    public ListDepartmentHandler(HcmPort hcm) {
        this.hcm = hcm;
    }

    @Override
    public Output handle(Input input) throws BusinessError {
        String wanted = input.department() == null ? "" : input.department().strip();
        Department department = hcm.departments().stream()
                .filter(d -> d.id().equals(wanted)).findFirst()
                .or(() -> hcm.departments().stream().filter(d -> d.name().equalsIgnoreCase(wanted)).findFirst())
                .orElseThrow(() -> new BusinessError(DEPARTMENT_NOT_FOUND, "The HCM has no department '" + wanted + "'"));
        return new Output(hcm.employees(department.id()).stream().map(Employee::employeeId).toList());
    }
}
