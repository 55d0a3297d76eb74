package io.trainflow.workflows.notify.tasks;

import io.trainflow.workflows.duties.Duties;
import io.trainflow.workflows.duties.Step;
import io.trainflow.workflows.engine.Directory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes one outbox row per person who may act on the task: its assignee, else its candidate users and the members
 * of its candidate groups, each only if separation of duties lets them see it ({@link Duties#maySee}: never the
 * requester or learner of their own request). The key names the task, the kind and the person, so the same notice
 * twice (a retried transaction, a second due-date scan) is one notification.
 */
public final class OutboxTaskNotifier implements TaskNotifier {

    private final Directory directory;
    private final Duties duties;
    private final Clock clock;

    public OutboxTaskNotifier(Directory directory, Clock clock) {
        this.directory = directory;
        this.duties = new Duties(directory);
        this.clock = clock;
    }

    @Override
    public void notice(TaskNotice notice, Connection transaction) {
        try {
            for (String person : whoMayAct(notice)) {
                Outbox.add(
                        transaction,
                        notice.kind().id() + ":" + notice.taskId() + ":" + person,
                        notice.kind().id(),
                        person,
                        notice.taskId(),
                        notice.taskName(),
                        notice.requestId(),
                        notice.learner(),
                        clock.instant(),
                        Outbox.PENDING);
            }
        } catch (SQLException e) {
            // the task's transaction fails with it: a task nobody hears about is not created silently
            throw new IllegalStateException(
                    "could not record the notification of task " + notice.taskId() + ": " + e.getMessage(), e);
        }
    }

    /** The people the task is for who may see it. */
    public Set<String> whoMayAct(TaskNotice notice) {
        Step step = notice.step();
        Set<String> people = new LinkedHashSet<>();
        if (step.assignee() != null) {
            people.add(step.assignee());
        } else {
            people.addAll(step.candidateUsers());
            step.candidateGroups().forEach(group -> directory.membersOf(group).ifPresent(people::addAll));
        }
        people.removeIf(person -> !duties.maySee(person, notice.parties(), step));
        return people;
    }
}
