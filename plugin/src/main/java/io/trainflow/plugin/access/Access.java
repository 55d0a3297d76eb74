package io.trainflow.plugin.access;

import io.trainflow.connectors.hcm.Employee;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.approval.ResolveApproverHandler;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.ProcessHistoryPort;
import io.trainflow.workflows.problems.TrainflowProblem;
import io.trainflow.workflows.profile.ManagerChain;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Who may see a request, its status and audit trail: the requester, the learner, the learner's manager
 * chain, whoever decided or may decide one of its tasks, L&D ({@code ld-team}), HR ({@code hr-fallback})
 * and auditors. To anyone else it does not exist: the same 404 as an unknown id. Roles come from the
 * sign-in ({@value #ADMIN}, {@value #AUDITOR}); an auditor is also anyone in the {@value #AUDITORS} group.
 */
@Service
public class Access {

    public static final String ADMIN = "ROLE_ADMIN";
    public static final String AUDITOR = "ROLE_AUDITOR";
    /** The group the sample organisation grants the auditor role to. */
    public static final String AUDITORS = "auditors";

    private static final Set<String> SEE_EVERY_REQUEST = Set.of("ld-team", "hr-fallback", AUDITORS);

    private final Directory directory;
    private final TrainflowPorts ports;
    private final ProcessHistoryPort processes;

    public Access(Directory directory, TrainflowPorts ports, ProcessHistoryPort processes) {
        this.directory = directory;
        this.ports = ports;
        this.processes = processes;
    }

    public boolean isAdmin() {
        return hasAuthority(ADMIN);
    }

    public boolean isAuditor(String user) {
        return hasAuthority(AUDITOR) || directory.groupsOf(user).contains(AUDITORS);
    }

    /** The catalogue, budgets and their import are L&amp;D's and the admins'; group membership is the admins' alone. */
    public void requireCatalogueEditor(String user, String what) {
        if (!isAdmin() && !directory.groupsOf(user).contains(ResolveApproverHandler.LD_TEAM)) {
            throw new TrainflowProblem.Forbidden(user + " is neither in L&D nor an admin and cannot " + what);
        }
    }

    /** Refuses anyone but an admin, naming what they tried. */
    public void requireAdmin(String user, String what) {
        if (!isAdmin()) {
            throw new TrainflowProblem.Forbidden(user + " is not an admin and cannot " + what);
        }
    }

    /**
     * Whether {@code user} may see the request (or quiz review, programme) {@code requestId} started by
     * {@code requestedBy} for employee {@code employeeId} (null for a quiz review or a programme).
     */
    public boolean maySeeRequest(
            String user, String requestId, String requestedBy, String employeeId, boolean mayDecideNow) {
        if (user.equals(requestedBy) || mayDecideNow || isAuditor(user)) {
            return true;
        }
        if (directory.groupsOf(user).stream().anyMatch(SEE_EVERY_REQUEST::contains)) {
            return true;
        }
        Optional<Employee> learner =
                employeeId == null ? Optional.empty() : ports.hcm().employee(employeeId);
        if (learner.isPresent()
                && (user.equals(learner.get().username())
                        || ManagerChain.above(ports.hcm(), learner.get()).stream()
                                .anyMatch(m -> user.equals(m.username())))) {
            return true;
        }
        return decidedOneOfItsTasks(user, requestId);
    }

    private boolean decidedOneOfItsTasks(String user, String requestId) {
        return processes.decidedTaskOf(user, requestId);
    }

    private static boolean hasAuthority(String authority) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null) {
            return false;
        }
        for (GrantedAuthority granted : who.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
