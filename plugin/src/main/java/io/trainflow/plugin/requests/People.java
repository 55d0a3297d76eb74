package io.trainflow.plugin.requests;

import io.trainflow.connectors.hcm.Employee;
import io.trainflow.plugin.api.model.Me;
import io.trainflow.plugin.connect.Connections;
import io.trainflow.workflows.engine.Directory;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Who a signed-in person is in the HCM and Trainflow's groups, for the web pages. */
@Service
public class People {

    private final Connections connections;
    private final Directory directory;

    public People(Connections connections, Directory directory) {
        this.connections = connections;
        this.directory = directory;
    }

    public Optional<String> employeeIdOf(String username) {
        return employee(username).map(Employee::employeeId);
    }

    /** {@code me} completed with the person's HCM name and employee id and Trainflow's groups. */
    public Me describe(Me me) {
        Optional<Employee> employee = employee(me.getUsername());
        return me.groups(directory.groupsOf(me.getUsername()).stream().sorted().toList())
                .displayName(employee.map(Employee::displayName).orElse(null))
                .employeeId(employee.map(Employee::employeeId).orElse(null))
                .admin(me.getRoles().contains("ADMIN"));
    }

    private Optional<Employee> employee(String username) {
        return connections.hcm().employeeByUsername(username);
    }
}
