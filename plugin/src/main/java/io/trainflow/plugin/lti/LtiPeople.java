package io.trainflow.plugin.lti;

import io.trainflow.connectors.hcm.Employee;
import io.trainflow.plugin.connect.Connections;
import io.trainflow.workflows.engine.Directory;
import java.util.Optional;
import java.util.Set;

/**
 * Who launched: Moodle's username (the {@code ext} claim's {@code user_username}, shared by the LMS and the HCM) is
 * the person in Trainflow, known when the HCM has them or they are in one of Trainflow's groups. The platform
 * account ({@code sub}) keeps the person of its first launch ({@link LtiAccounts}). When both Moodle and the HCM give
 * an email, they must agree: a Moodle account renamed to someone else's username is refused.
 */
class LtiPeople {

    record Person(String username, String displayName, String employeeId, Set<String> groups) {}

    private final Connections connections;
    private final Directory directory;
    private final LtiAccounts accounts;

    LtiPeople(Connections connections, Directory directory, LtiAccounts accounts) {
        this.connections = connections;
        this.directory = directory;
        this.accounts = accounts;
    }

    Person who(Launch launch) {
        Optional<String> known = accounts.username(launch.platform().id(), launch.sub());
        String username =
                launch.moodleUsername() == null || launch.moodleUsername().isBlank()
                        ? known.orElse(null)
                        : launch.moodleUsername();
        if (known.isPresent() && !known.get().equals(username)) {
            throw new LaunchRefused(
                    403,
                    "This Moodle account launched Trainflow as '" + known.get() + "' before and now" + " names '"
                            + username + "': an account does not change person. Ask your Moodle admin.");
        }
        if (username == null || username.isBlank()) {
            throw new LaunchRefused(
                    403,
                    "Moodle did not send your username (claim " + Launch.LTI
                            + "ext, user_username), so Trainflow cannot tell who you are. Ask your Moodle admin to send"
                            + " the username with launches of this tool.");
        }
        Optional<Employee> employee = connections.hcm().employeeByUsername(username);
        Set<String> groups = directory.groupsOf(username);
        if (employee.isEmpty() && groups.isEmpty()) {
            throw new LaunchRefused(
                    403,
                    "Trainflow does not know the Moodle user '" + username + "': nobody with"
                            + " this username is in the HR system or in Trainflow's groups. Ask HR to add your username.");
        }
        String hcmEmail = employee.map(Employee::email).orElse(null);
        if (hcmEmail != null && launch.email() != null && !hcmEmail.equalsIgnoreCase(launch.email())) {
            throw new LaunchRefused(
                    403,
                    "Your email in Moodle is not the one the HR system has for '" + username
                            + "': ask your Moodle admin or HR to correct it.");
        }
        if (known.isEmpty()) {
            accounts.remember(launch.platform().id(), launch.sub(), username);
        }
        return new Person(
                username,
                employee.map(Employee::displayName).orElse(username),
                employee.map(Employee::employeeId).orElse(null),
                groups);
    }
}
