package io.trainflow.workflows.duties;

import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Separation of duties, the one rule set every completion path goes through (REST, CLI, inbox, LTI, a
 * program calling the engine): the engine adapter calls it as a task is created, shown and completed.
 * <ul>
 * <li>Neither the requester nor the learner sees or decides a task of their own request, in any group;
 * only a task assigned to them by name that decides nothing (revising their own request) is theirs.</li>
 * <li>Nobody decides two levels of the same request, themselves or as a deputy (nor the person a deputy
 * stood in for).</li>
 * <li>The quiz starter is the requester of the review: they never review it.</li>
 * <li>A task nobody may decide goes to the {@value #FALLBACK_GROUP} group, with a note saying why.</li>
 * </ul>
 * A person the rules keep away from a task cannot tell it from a task that does not exist.
 */
public final class Duties {

    /** Where a task goes when nobody it was meant for may decide it. */
    public static final String FALLBACK_GROUP = "hr-fallback";

    private final Directory directory;

    public Duties(Directory directory) {
        this.directory = directory;
    }

    /** Why {@code user} must keep away from this task of this request; empty when nothing stands in the way. */
    public Optional<String> conflict(String user, Parties parties, Step step) {
        boolean ownByName = user.equals(step.assignee()) && !step.decision();
        if (user.equals(parties.requester()) && !ownByName) {
            return Optional.of(user + " made this request");
        }
        if (user.equals(parties.learner()) && !ownByName) {
            return Optional.of(user + " is the learner of this request");
        }
        if (step.decision() && parties.decidedOtherLevel(user, step.level())) {
            return Optional.of(
                    user + " already decided another level of this request (themselves or through a deputy)");
        }
        return Optional.empty();
    }

    /**
     * Why {@code deputy} may not take over this open approval from its approver (a delegation); empty when they may.
     * Only approvals are delegated: a task that decides nothing (a revision is the requester's own) stays, saying so.
     */
    public Optional<String> handOverConflict(String deputy, Parties parties, Step step) {
        if (!step.decision()) {
            return Optional.of("only approvals are handed to a deputy");
        }
        return conflict(
                deputy,
                parties,
                new Step(
                        step.elementId(),
                        step.name(),
                        true,
                        step.level(),
                        deputy,
                        step.candidateUsers(),
                        step.candidateGroups()));
    }

    /**
     * Everyone {@link #conflict} keeps away from this task whoever holds it: the requester, the learner and, for a
     * decision, who decided another level. The one exception is {@link #conflict}'s: a task that decides nothing,
     * assigned by name to one of them. So a query can apply the rule: kept away unless assignee and no decision.
     */
    public Set<String> keptAway(Parties parties, Step step) {
        Set<String> people = new LinkedHashSet<>();
        if (parties.requester() != null) {
            people.add(parties.requester());
        }
        if (parties.learner() != null) {
            people.add(parties.learner());
        }
        if (step.decision()) {
            people.addAll(parties.decidedOtherThan(step.level()));
        }
        return people;
    }

    /** The task is assigned to the user, or offered to them or one of their groups. */
    public boolean offered(String user, Step step) {
        if (step.assignee() != null) {
            return user.equals(step.assignee());
        }
        if (step.candidateUsers().contains(user)) {
            return true;
        }
        Set<String> groups = directory.groupsOf(user);
        return step.candidateGroups().stream().anyMatch(groups::contains);
    }

    /** Whether the task shows in the user's inbox and the user may complete it. */
    public boolean maySee(String user, Parties parties, Step step) {
        return user != null
                && !user.isBlank()
                && offered(user, step)
                && conflict(user, parties, step).isEmpty();
    }

    /**
     * Refuses a completion by anyone who may not see the task, exactly as for an unknown task
     * ({@link TrainflowProblem.NotFound}): nobody learns a task exists by trying to complete it.
     */
    public void checkCompletion(String user, String taskId, Parties parties, Step step) {
        if (!maySee(user, parties, step)) {
            throw new TrainflowProblem.NotFound(
                    "No open task " + taskId + " for " + (user == null ? "an anonymous caller" : user));
        }
    }

    /**
     * Who a new task goes to: as modelled when someone there may decide it; otherwise without the people
     * the rules exclude, and when nobody remains, the {@value #FALLBACK_GROUP} group with a note saying why.
     * Groups whose members the directory cannot list are trusted to hold someone.
     */
    public Routing route(Parties parties, Step step) {
        Set<String> excluded = new LinkedHashSet<>();
        String assignee = step.assignee();
        if (assignee != null && conflict(assignee, parties, step).isPresent()) {
            excluded.add(assignee);
            assignee = null;
        }
        Set<String> users = new LinkedHashSet<>();
        for (String user : step.candidateUsers()) {
            if (conflict(user, parties, step).isPresent()) {
                excluded.add(user);
            } else {
                users.add(user);
            }
        }
        Set<String> groups = new LinkedHashSet<>();
        for (String group : step.candidateGroups()) {
            Optional<Set<String>> members = directory.membersOf(group);
            if (members.isEmpty()
                    || members.get().stream()
                            .anyMatch(m -> conflict(m, parties, step).isEmpty())) {
                groups.add(group);
            } else {
                excluded.addAll(members.get());
            }
        }
        if (assignee != null) {
            return new Routing(
                    assignee,
                    Set.of(),
                    step.candidateGroups(),
                    excluded.isEmpty() ? null : note(excluded, parties, step));
        }
        if (!users.isEmpty() || !groups.isEmpty()) {
            return new Routing(null, users, groups, excluded.isEmpty() ? null : note(excluded, parties, step));
        }
        return new Routing(
                null,
                Set.of(),
                Set.of(FALLBACK_GROUP),
                note(excluded, parties, step) + "; it goes to " + FALLBACK_GROUP);
    }

    private String note(Set<String> excluded, Parties parties, Step step) {
        StringBuilder note = new StringBuilder("Not for ");
        boolean first = true;
        for (String user : excluded) {
            note.append(first ? "" : "; ").append(conflict(user, parties, step).orElse(user + " may not decide it"));
            first = false;
        }
        return note.toString();
    }
}
