package io.trainflow.tests.parity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One lifecycle scenario as a script, written once and played on every target: who starts what, which tasks appear
 * for whom, who decides what, how far the clock moves, how it ends and what Moodle was asked to do.
 *
 * <p>A reference names what a step started ({@code "r"}); {@code "p:1016"} is the request of employee 1016 in the
 * campaign started as {@code "p"}.
 */
record Scenario(String name, List<Step> steps) {

    @Override
    public String toString() {
        return name;
    }

    static Builder named(String name) {
        return new Builder(name);
    }

    /** One line of the script. */
    sealed interface Step {}

    /** {@code requester} asks for training for {@code employeeId}, optionally naming courses (catalogue ids). */
    record Request(String ref, String requester, String employeeId, String justification, List<String> courseIds)
            implements Step {}

    /** A needs-analysis campaign over a department. */
    record Campaign(String ref, String requester, String department) implements Step {}

    /**
     * The task {@code element} of {@code ref} is in {@code user}'s inbox, assigned to {@code assignee} (null: offered
     * to a group, nobody assigned).
     */
    record Sees(String user, String element, String ref, String assignee) implements Step {}

    /** Nothing of {@code ref} is in {@code user}'s inbox (checked only after a step that waited for what follows). */
    record SeesNothing(String user, String ref) implements Step {}

    /** {@code user} completes the task {@code element} of {@code ref} from their inbox with these variables. */
    record Complete(String user, String element, String ref, Map<String, Object> variables) implements Step {}

    /** {@code owner}'s task {@code element} of {@code ref} cannot be completed by {@code user}: not found. */
    record Refused(String user, String element, String ref, String owner) implements Step {}

    /** The clock moves forward by whole days (the demo clock's unit); timers due by then fire. */
    record Advance(int days) implements Step {}

    /** The clock moves just past the request's {@code trainingDeadline} (to the next whole day). */
    record PastDeadline(String ref) implements Step {}

    /** The learner completes, in Moodle, every course Trainflow enrolled them in; the completion poll finds it. */
    record Train(String learner, String ref) implements Step {}

    /** The HCM moves the employee to another manager. */
    record ChangeManager(String employeeId, String managerUsername) implements Step {}

    /** {@code ref} has ended with the recorded outcome (null: ended, whatever its variables). */
    record Ends(String ref, String outcome) implements Step {}

    /** A process variable of {@code ref}, compared as text. */
    record Variable(String ref, String name, String value) implements Step {}

    /** Moodle was asked to enrol the learner in exactly these courses (shortnames), whatever the order. */
    record Enrolled(String learner, List<String> shortnames) implements Step {}

    /** A Moodle message to {@code user} contains {@code fragment} and names the request {@code ref} (unless null). */
    record Told(String user, String ref, String fragment) implements Step {}

    static final class Builder {
        private final String name;
        private final List<Step> steps = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        Builder request(String ref, String requester, String employeeId, String justification, String... courses) {
            return add(new Request(ref, requester, employeeId, justification, List.of(courses)));
        }

        Builder campaign(String ref, String requester, String department) {
            return add(new Campaign(ref, requester, department));
        }

        Builder sees(String user, String element, String ref, String assignee) {
            return add(new Sees(user, element, ref, assignee));
        }

        Builder seesNothing(String user, String ref) {
            return add(new SeesNothing(user, ref));
        }

        Builder approve(String user, String ref) {
            return complete(user, "approve", ref, Map.of("decision", "approve", "comment", "approved by " + user));
        }

        Builder decide(String user, String ref, String decision, String comment) {
            return complete(user, "approve", ref, Map.of("decision", decision, "comment", comment));
        }

        Builder complete(String user, String element, String ref, Map<String, Object> variables) {
            return add(new Complete(user, element, ref, variables));
        }

        Builder refused(String user, String element, String ref, String owner) {
            return add(new Refused(user, element, ref, owner));
        }

        Builder advance(int days) {
            return add(new Advance(days));
        }

        Builder pastDeadline(String ref) {
            return add(new PastDeadline(ref));
        }

        Builder train(String learner, String ref) {
            return add(new Train(learner, ref));
        }

        /** The manager's 30-, 60- and 90-day follow-ups, each due 30 days after the last and not a day earlier. */
        Builder followUps(String manager, String ref) {
            for (int day : new int[] {30, 60, 90}) {
                advance(29);
                seesNothing(manager, ref);
                advance(1);
                sees(manager, "follow-up-" + day, ref, manager);
                complete(
                        manager,
                        "follow-up-" + day,
                        ref,
                        Map.of("behaviourScore", 4, "observation", "uses it weekly (day " + day + ")"));
            }
            return this;
        }

        Builder changeManager(String employeeId, String managerUsername) {
            return add(new ChangeManager(employeeId, managerUsername));
        }

        Builder ends(String ref, String outcome) {
            return add(new Ends(ref, outcome));
        }

        Builder variable(String ref, String name, String value) {
            return add(new Variable(ref, name, value));
        }

        Builder enrolled(String learner, String... shortnames) {
            return add(new Enrolled(learner, List.of(shortnames)));
        }

        Builder told(String user, String ref, String fragment) {
            return add(new Told(user, ref, fragment));
        }

        private Builder add(Step step) {
            steps.add(step);
            return this;
        }

        Scenario build() {
            return new Scenario(name, List.copyOf(steps));
        }
    }
}
