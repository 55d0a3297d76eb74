package io.trainflow.bench.scenario;

import java.time.Duration;
import java.util.Map;
import org.flowable.engine.ProcessEngine;
import org.flowable.task.api.Task;

/** One engine set up to run the training lifecycle: Trainflow, or the raw-Flowable baseline. */
public interface Lifecycle extends AutoCloseable {

    String name();

    ProcessEngine flowable();

    /** Launches the department campaign as an L&D user would; returns the programme's business key. */
    String startCampaign();

    /** Completes the task as its assignee. */
    void complete(Task task, Map<String, Object> variables);

    /** The bulk LMS completion poll: publishes {@code training-completed} for finished learners; returns how many. */
    int publishCompletions(ClientPool clients);

    void advanceClock(Duration duration);

    /** Jobs still to run: asynchronous continuations, and for Trainflow the step jobs waiting for a worker. */
    long pendingJobs();

    /** A one-line check of the end state (report figures, outcomes recorded). */
    String verify(String programmeKey, int cohort);

    @Override
    void close();
}
