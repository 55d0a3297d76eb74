package io.trainflow.tests.parity;

import io.trainflow.tests.moodle.WireMockMoodle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the scenarios run: the embedded engine in this JVM, or Trainflow jars over their REST API. Every target's LMS
 * is a WireMock Moodle in this JVM, so what Trainflow asked Moodle to do is read the same way everywhere.
 */
interface ParityTarget extends AutoCloseable {

    /** An open task as an inbox lists it. */
    record OpenTask(String id, String elementId, String requestId, String assignee) {}

    /** A request or programme: whether it ended, and its variables (as JSON-like values). */
    record Status(boolean ended, Map<String, Object> variables) {}

    String name();

    /** How long to wait for what a step caused: zero where everything runs in the caller's thread. */
    Duration patience();

    String request(String requester, String employeeId, String justification, List<String> courseIds);

    String campaign(String requester, String department);

    List<OpenTask> inbox(String user);

    /** Completes the task as {@code user}; false when it is not found for them (not theirs, or gone). */
    boolean complete(String user, String taskId, Map<String, Object> variables);

    /**
     * Waits until nothing is left to run but timers: a clock move before a step has set its timer would set the timer
     * from the moved clock.
     */
    default void settle() {}

    /** Moves the clock; returns Trainflow's time afterwards. */
    Instant advance(Duration duration);

    Instant now();

    void changeManager(String employeeId, String managerUsername);

    /** The learner's progress is now in Moodle: where the poll is not scheduled, run it. */
    void progressChanged();

    Optional<Status> status(String key);

    WireMockMoodle moodle();

    /** Checks what only this target can (a protocol kept), after each scenario; reports what it sent. */
    default void afterScenario(String scenario) {}

    /** Every open task and who holds it, to explain a failed expectation. */
    String openTasks();
}
