package io.trainflow.workflows.approval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.catalogue.DepartmentBudget;
import io.trainflow.connectors.delegation.Delegation;
import io.trainflow.connectors.delegation.DelegationStore;
import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.duties.Parties;
import io.trainflow.workflows.profile.ManagerChain;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

@TaskType(
        value = "resolve-approver",
        name = "Resolve approver",
        description = "Finds who approves at this level: the learner's manager (one level up when the manager is the"
                + " requester), the L&D team, or the department's budget owner; on escalation the current approver's"
                + " manager (for a deputy: the manager of whom they stand in for). A deputy stands in during a"
                + " delegation. Nobody found: the hr-fallback group. The requester and the learner never approve their"
                + " own request, and nobody approves two levels of one request.")
public final class ResolveApproverHandler
        implements StepHandler<ResolveApproverHandler.Input, ResolveApproverHandler.Output> {

    public static final String LD_TEAM = "ld-team";
    public static final String HR_FALLBACK = "hr-fallback";
    public static final String BUDGET_OWNERS = "budget-owners";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc("Approval level: manager, ld or budget")
            @jakarta.validation.constraints.NotNull
            @jakarta.validation.constraints.Pattern(
                    regexp = "manager|ld|budget",
                    message = "must be manager, ld or budget")
            String level,

            @Doc(value = "HCM id of the learner", feel = "=employeeId") @NotBlank
            String employeeId,

            @Doc(value = "Username of who asked for the training", feel = "=requestedBy") @NotBlank
            String requestedBy,

            @Doc(
                    value = "Department whose budget is concerned; the learner's when empty",
                    optional = true,
                    feel = "=profile.department")
            String department,

            @Doc(value = "Escalate to the current approver's manager", optional = true)
            Boolean escalate,

            @Doc(value = "Current approver, when escalating", optional = true)
            String approver,

            @Doc(
                    value = "Whom the current approver stands in for (a deputy's task escalates above them)",
                    optional = true,
                    feel = "=approverOnBehalfOf")
            String approverOnBehalfOf,

            @Doc(
                    value = "Who already decided a level of this request, or was stood in for: never again",
                    optional = true,
                    feel = "=decidedBy")
            List<Map<String, Object>> decidedBy) {}

    public record Output(
            @Doc(value = "Username who decides; null when a group decides", optional = true)
            String approver,

            @Doc("Groups whose members may decide") List<String> approverGroups,

            @Doc(value = "Username the deputy stands in for, when a delegation is active", optional = true)
            String approverOnBehalfOf) {}

    private final HcmPort hcm;
    private final CataloguePort catalogue;
    private final DelegationStore delegations;
    private final Clock clock;

    public ResolveApproverHandler(HcmPort hcm, CataloguePort catalogue, DelegationStore delegations, Clock clock) {
        this.hcm = hcm;
        this.catalogue = catalogue;
        this.delegations = delegations;
        this.clock = clock;
    }

    @Override
    public Output handle(Input input) {
        Optional<Employee> learner = hcm.employee(input.employeeId());
        // people who must never decide on this request: whoever asked, and the learner themself
        Set<String> excluded = new java.util.HashSet<>();
        excluded.add(input.requestedBy());
        learner.map(Employee::username).ifPresent(excluded::add);
        // nobody decides two levels of one request, themselves or through a deputy
        excluded.addAll(Parties.of(null, null, input.decidedBy()).decidedOtherThan(input.level()));
        excluded.remove(null);

        if (Boolean.TRUE.equals(input.escalate()) && input.approver() != null) {
            // a deputy's task goes above the approver they stand in for, never back to who let it lie
            String from = input.approverOnBehalfOf() != null ? input.approverOnBehalfOf() : input.approver();
            excluded.add(input.approver());
            Optional<String> above =
                    hcm.employeeByUsername(from).flatMap(current -> firstEligibleManager(current, excluded));
            return person(above, List.of(HR_FALLBACK), excluded);
        }
        switch (input.level()) {
            case "manager":
                return person(learner.flatMap(l -> firstEligibleManager(l, excluded)), List.of(HR_FALLBACK), excluded);
            case "ld":
                return new Output(null, List.of(LD_TEAM), null);
            case "budget":
                String department =
                        input.department() == null || input.department().isBlank()
                                ? learner.map(Employee::departmentId).orElse(null)
                                : input.department();
                Optional<String> owner = Optional.ofNullable(department)
                        .flatMap(catalogue::budget)
                        .map(DepartmentBudget::owner)
                        .filter(o -> !excluded.contains(o));
                return withGroups(person(owner, List.of(), excluded), List.of(BUDGET_OWNERS));
            default:
                // unreachable through the engine: the level's @Pattern refuses it at binding (an incident naming it)
                throw new IllegalArgumentException(
                        "Unknown approval level '" + input.level() + "' (manager, ld, budget)");
        }
    }

    /** Nearest manager above {@code from} who may decide: a nomination by the manager goes one level up. */
    private Optional<String> firstEligibleManager(Employee from, Set<String> excluded) {
        return ManagerChain.above(hcm, from).stream()
                .map(Employee::username)
                .filter(Objects::nonNull)
                .filter(u -> !excluded.contains(u))
                .findFirst();
    }

    /** The person, or their deputy while a delegation is active; the fallback groups when there is nobody. */
    private Output person(Optional<String> resolved, List<String> fallbackGroups, Set<String> excluded) {
        if (resolved.isEmpty()) {
            return new Output(null, fallbackGroups, null);
        }
        String original = resolved.get();
        Optional<Delegation> delegation =
                delegations.activeFor(original, clock.instant()).filter(d -> !excluded.contains(d.deputy()));
        return delegation
                .map(d -> new Output(d.deputy(), List.of(), original))
                .orElseGet(() -> new Output(original, List.of(), null));
    }

    private static Output withGroups(Output output, List<String> groups) {
        return new Output(output.approver(), groups, output.approverOnBehalfOf());
    }
}
