package io.trainflow.plugin.inbox;

import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.workflows.engine.InboxFilter;
import io.trainflow.workflows.engine.InboxPage;
import io.trainflow.workflows.engine.InboxTask;
import io.trainflow.workflows.engine.UserTaskPort;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The approvers' inbox: what a person may see, and completing a task as that person. Who may see and
 * complete is separation of duties' one rule ({@code io.trainflow.workflows.duties.Duties}), which the
 * engine applies again as a task completes; the engine is reached only through its {@link UserTaskPort}.
 */
@Service
public class TaskInbox {

    /** The largest page a caller may ask for. */
    public static final int MAX_PAGE = 500;

    private final UserTaskPort tasks;
    private final AccessAudit audit;

    public TaskInbox(UserTaskPort tasks, AccessAudit audit) {
        this.tasks = tasks;
        this.audit = audit;
    }

    /** The open tasks of one request that the user may see. */
    public List<InboxTask> tasksOf(String user, String requestId) {
        return tasks.visibleOfRequest(user, requestId);
    }

    /**
     * Up to {@code max} tasks of the inbox from position {@code first} of the visible tasks, oldest first.
     * Tasks the user may not see (separation of duties: their own request offered to their group) are skipped and the page filled from further rows, so {@code next} is
     * where the following page starts (absent when nothing visible remains), not {@code first + max}.
     */
    public InboxPage page(String user, int first, int max) {
        return page(user, first, max, InboxFilter.NONE);
    }

    /** A page of the inbox narrowed by {@code filter}, the one falling due first on top, then the oldest. */
    public InboxPage page(String user, int first, int max, InboxFilter filter) {
        if (first < 0) {
            throw new TrainflowProblem.InvalidInput("first", "must be 0 or more, was " + first);
        }
        checkMax(max);
        return tasks.page(user, first, max, filter);
    }

    private static void checkMax(int max) {
        if (max < 1 || max > MAX_PAGE) {
            throw new TrainflowProblem.InvalidInput("max", "must be between 1 and " + MAX_PAGE + ", was " + max);
        }
    }

    /**
     * A page of the inbox after the place {@code after} (the cursor of the page before, {@link InboxPage#after()}):
     * keyset paging, as fast deep in the inbox as on its first page.
     */
    public InboxPage pageAfter(String user, String after, int max, InboxFilter filter) {
        checkMax(max);
        if (after.length() > 400) {
            throw new TrainflowProblem.InvalidInput("after", "at most 400 characters");
        }
        return tasks.pageAfter(user, after, max, filter);
    }

    /** One task of the user's inbox, with its form: found by id, whatever the size of the inbox. */
    public InboxTask task(String user, String taskId) {
        return tasks.visible(user, taskId)
                .orElseThrow(() -> new TrainflowProblem.NotFound("No open task " + taskId + " for " + user));
    }

    /**
     * Claims (so the audit shows who) and completes as {@code user}, with the access audit's "decide" line, in one
     * transaction: no decision without its audit line, whichever way it came (one task, a bulk decision, the inbox).
     */
    public void complete(String user, String taskId, Map<String, Object> variables) {
        tasks.complete(user, taskId, variables, connection -> audit.record(connection, user, "decide", taskId));
    }

    /**
     * Every open task of one request, those of the processes it called included (an approval step, HR's
     * fallback in a campaign), whoever may act on it: who the request waits on. Names and owners only, no
     * variables, so the requester can see where it stands without seeing the approvers' context.
     */
    public List<InboxTask> waitingOn(String requestId) {
        return tasks.waitingOn(requestId);
    }

    /** The user takes a task offered to their group; only a task of their inbox. */
    public void claim(String user, String taskId) {
        task(user, taskId);
        tasks.claim(user, taskId);
    }

    /** The user gives a task they took back to its group. */
    public void unclaim(String user, String taskId) {
        task(user, taskId);
        tasks.unclaim(user, taskId);
    }
}
