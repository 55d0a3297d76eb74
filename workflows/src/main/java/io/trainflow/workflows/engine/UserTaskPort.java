package io.trainflow.workflows.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * User tasks as people work them, whatever engine runs them: what one person may see (separation of duties'
 * rule applied), the inbox page, completing, claiming and giving back as that person. Refusals are Trainflow's
 * own problems ({@code TrainflowProblem}: not found, forbidden, conflict, invalid input), never an engine's.
 */
public interface UserTaskPort {

    /** Variables shown with a task: what the person needs to decide. */
    List<String> CONTEXT = List.of(
            "requestId",
            "employeeId",
            "requestedBy",
            "origin",
            "justification",
            "level",
            "learningPath",
            "learningPathProvenance",
            "pathCost",
            "budget",
            "overBudget",
            "routing",
            "approverOnBehalfOf",
            "sessions",
            "trainingDeadline",
            "progress",
            "reaction",
            "learning",
            "report",
            "feedbackSummary",
            "feedbackSummaryProvenance",
            "programmeId",
            "department",
            "courseId",
            "quizDraft",
            "quizDraftProvenance",
            "routingNote");

    /**
     * Up to {@code max} visible tasks from position {@code first}, due first (none last), then highest priority, then
     * oldest; tasks the user may not see are skipped, so {@link InboxPage#next()} is where the next page starts.
     */
    InboxPage page(String user, int first, int max, InboxFilter filter);

    /**
     * Up to {@code max} visible tasks after the place {@code after} names ({@link InboxPage#after()} of the page
     * before, in the same order): a task created or completed meanwhile neither repeats nor skips another.
     */
    default InboxPage pageAfter(String user, String after, int max, InboxFilter filter) {
        throw new io.trainflow.workflows.problems.TrainflowProblem.InvalidInput(
                "after", "this engine pages by position only: use 'first'");
    }

    /** One task of the user's inbox with its form, if they may see it. */
    Optional<InboxTask> visible(String user, String taskId);

    /** The open tasks of one request that the user may see. */
    List<InboxTask> visibleOfRequest(String user, String requestId);

    /** Every open task of one request (those of processes it called included), names and owners only. */
    List<InboxTask> waitingOn(String requestId);

    /** Completes as {@code user}: who may, the form's check, the audit comment, in one transaction. */
    default void complete(String user, String taskId, Map<String, Object> variables) {
        complete(user, taskId, variables, connection -> {});
    }

    /**
     * Completes as {@code user}, and runs {@code alsoRecord} on the engine's connection in the same transaction, after the
     * completion: what it writes (the access audit's line) commits with the decision or not at all.
     */
    void complete(String user, String taskId, Map<String, Object> variables, InTransaction alsoRecord);

    /** Work on the engine's own connection, inside its transaction. */
    @FunctionalInterface
    interface InTransaction {
        void run(java.sql.Connection connection) throws java.sql.SQLException;
    }

    /** The user takes a task offered to them or their group. */
    void claim(String user, String taskId);

    /** The user gives a task they took back to its groups. */
    void unclaim(String user, String taskId);

    /** The values of one variable over the open tasks of one BPMN element (e.g. the learner of each open approval). */
    List<Object> openTaskValues(String elementId, String variable);
}
