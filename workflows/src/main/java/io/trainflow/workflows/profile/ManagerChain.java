package io.trainflow.workflows.profile;

import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.HcmPort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The managers above an employee, nearest first, as the HCM's supervisor links give them. */
public final class ManagerChain {

    /** Deeper than any real organisation; stops a corrupt HCM hierarchy from looping. */
    private static final int MAX_DEPTH = 25;

    private ManagerChain() {}

    public static List<Employee> above(HcmPort hcm, Employee employee) {
        List<Employee> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(employee.employeeId()));
        String next = employee.managerId();
        while (next != null && seen.add(next) && chain.size() < MAX_DEPTH) {
            Optional<Employee> manager = hcm.employee(next);
            if (manager.isEmpty()) {
                break;
            }
            chain.add(manager.get());
            next = manager.get().managerId();
        }
        return chain;
    }
}
