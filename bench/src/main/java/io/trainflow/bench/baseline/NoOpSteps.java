package io.trainflow.bench.baseline;

import io.trainflow.workflows.programme.ListDepartmentHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.impl.runtime.Clock;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The baseline's one Java delegate, for every step: does no work and sets only what the
 * gateways, assignments, timers and the multi-instance need downstream (the department list, a
 * profile with the manager, one skill gap, an approver, a deadline, the routing, the progress).
 * Constant outputs of the original ({@code trainingStatus = "completed"}) are set as well.
 */
public final class NoOpSteps implements JavaDelegate {

    private final Map<String, String> types;
    private final Map<String, Map<String, Object>> constants;
    private final List<String> department;
    private final Map<String, Map<String, Object>> profiles;
    private final Clock clock;

    NoOpSteps(NativeBpmn converted, List<String> department, Map<String, Map<String, Object>> profiles, Clock clock) {
        this.types = Map.copyOf(converted.types);
        this.constants = Map.copyOf(converted.constants);
        this.department = List.copyOf(department);
        this.profiles = profiles;
        this.clock = clock;
    }

    /** The department in the product's batches (ListDepartmentHandler.DEFAULT_BATCH), so both engines run the same graph. */
    private ArrayList<List<String>> batches() {
        ArrayList<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < department.size(); from += ListDepartmentHandler.DEFAULT_BATCH) {
            batches.add(new ArrayList<>(
                    department.subList(from, Math.min(department.size(), from + ListDepartmentHandler.DEFAULT_BATCH))));
        }
        return batches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String element = execution.getCurrentActivityId();
        String type = types.get(element);
        if (type == null) {
            throw new IllegalStateException("no step type for element " + element);
        }
        switch (type) {
            case "hcm-list-department" -> {
                execution.setVariable("employeeIds", new ArrayList<>(department));
                execution.setVariable("employeeBatches", batches());
            }
            case "hcm-load-profile" ->
                execution.setVariable(
                        "profile", new HashMap<>(profiles.get(String.valueOf(execution.getVariable("employeeId")))));
            case "analyse-needs" -> execution.setVariable("gapCount", 1);
            // the courses left after excluding open requests: one, so count(learningPath) > 0 as in Trainflow
            case "exclude-open-requests" -> execution.setVariable("learningPath", new ArrayList<>(List.of("course-1")));
            case "match-sessions" ->
                execution.setVariable(
                        "trainingDeadline",
                        clock.getCurrentTime()
                                .toInstant()
                                .plus(Duration.ofDays(60))
                                .toString());
            case "decision:approval-routing" ->
                execution.setVariable(
                        "routing", new HashMap<>(Map.of("needsLdApproval", false, "needsBudgetApproval", false)));
            case "resolve-approver" -> {
                Object profile = execution.getVariable("profile");
                execution.setVariable("approver", ((Map<?, ?>) profile).get("managerUsername"));
                execution.setVariable("approverGroups", new ArrayList<String>());
            }
            case "hcm-current-manager" ->
                execution.setVariable(
                        "currentManager", ((Map<?, ?>) execution.getVariable("profile")).get("managerUsername"));
            case "lms-check-progress" ->
                execution.setVariable("progress", new HashMap<>(Map.of("inactiveDays", 0, "allCompleted", true)));
            default -> {
                // nothing downstream reads this step's output
            }
        }
        constants.getOrDefault(element, Map.of()).forEach(execution::setVariable);
    }
}
