package io.trainflow.plugin.lti;

import io.trainflow.connectors.hcm.Employee;
import io.trainflow.plugin.connect.Connections;
import io.trainflow.workflows.engine.Directory;
import java.util.Optional;
import java.util.Set;

/**
 * Who launched: Moodle's username (the {@code ext} claim's {@code user_username}, shared by the LMS and the HCM) is
 * the person in Trainflow, known when the HCM has them or they are in one of Trainflow's groups. When both Moodle
 * and the HCM give an email, they must agree: a Moodle account renamed to someone else's username is refused.
 */
class LtiPeople {

    record Person(String username, String displayName, String employeeId, Set<String> groups) {
    }

    private final Connections connections;
    private final Directory directory;

    LtiPeople(Connections connections, Directory directory) {
        this.connections = connections;
        this.directory = directory;
    }

    Person who(Launch launch) {
        String username = launch.moodleUsername();
        if (username == null || username.isBlank()) {
            throw new LaunchRefused(403, "Moodle did not send your username (claim " + Launch.LTI
                    + "ext, user_username), so Trainflow cannot tell who you are. Ask your Moodle admin to send"
                    + " the username with launches of this tool.");
        }
        Optional<Employee> employee = connections.hcm().employeeByUsername(username);
        Set<String> groups = directory.groupsOf(username);
        if (employee.isEmpty() && groups.isEmpty()) {
            throw new LaunchRefused(403, "Trainflow does not know the Moodle user '" + username + "': nobody with"
                    + " this username is in the HR system or in Trainflow's groups. Ask HR to add your username.");
        }
        String hcmEmail = employee.map(Employee::email).orElse(null);
        if (hcmEmail != null && launch.email() != null && !hcmEmail.equalsIgnoreCase(launch.email())) {
            throw new LaunchRefused(403, "Your email in Moodle is not the one the HR system has for '" + username
                    + "': ask your Moodle admin or HR to correct it.");
        }
        return new Person(username, employee.map(Employee::displayName).orElse(username),
                employee.map(Employee::employeeId).orElse(null), groups);
    }
}
