package io.trainflow.workflows.engine.flowable;

import io.trainflow.connectors.lms.CompletionPoll;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.workflows.engine.WaitingForCompletion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.Execution;

/**
 * Moodle has no outbound webhooks: completion is polled in bulk (the LMS's {@link CompletionPoll}
 * asked once about every learner waiting and the courses each waits on) and {@code training-completed} is published for each request whose whole
 * learning path is complete.
 */
public final class CompletionSync {

    /** The catch event in training-delivery.bpmn that waits for the learning path to be complete. */
    public static final String WAITING_ELEMENT = WaitingForCompletion.ELEMENT;

    private static final String MESSAGE = WaitingForCompletion.MESSAGE;
    private static final int PUBLISHERS = 4;

    private final RuntimeService runtime;
    private final MessageCorrelator messages;
    private final CompletionPoll poll;

    /** Asks the LMS about every waiting learner at each poll. */
    public CompletionSync(TrainflowEngine engine, LmsPort lms) {
        this(engine, CompletionPoll.everyLearner(lms));
    }

    public CompletionSync(TrainflowEngine engine, CompletionPoll poll) {
        this.runtime = engine.flowable().getRuntimeService();
        this.messages = engine.messages();
        this.poll = poll;
    }

    /** Returns how many requests this poll found complete. */
    public int syncOnce() {
        List<WaitingForCompletion> waiting = new ArrayList<>();
        for (Execution execution :
                runtime.createExecutionQuery().activityId(WAITING_ELEMENT).list()) {
            WaitingForCompletion w = WaitingForCompletion.of(
                    execution.getId(), runtime.getVariables(execution.getId(), WaitingForCompletion.VARIABLES));
            if (w != null) {
                waiting.add(w);
            }
        }
        List<WaitingForCompletion> done = WaitingForCompletion.complete(waiting, poll);
        if (done.size() < 2 * PUBLISHERS) {
            return (int) done.stream().filter(this::publish).count();
        }
        // each delivery runs the request on to its next wait state: spread them over a few threads
        ExecutorService publishers = Executors.newFixedThreadPool(PUBLISHERS);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (WaitingForCompletion w : done) {
                results.add(publishers.submit(() -> publish(w)));
            }
            int published = 0;
            for (Future<Boolean> result : results) {
                published += result.get() ? 1 : 0;
            }
            return published;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Completion sync interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            publishers.shutdown();
        }
    }

    /**
     * Delivers {@code training-completed} to the execution found waiting, without looking its
     * subscription up again; false if it has moved on since (a deadline fired, it was cancelled).
     */
    private boolean publish(WaitingForCompletion w) {
        try {
            runtime.messageEventReceived(ZeebeMessageParseHandler.subscriptionName(MESSAGE, w.requestId()), w.ref());
            return true;
        } catch (FlowableException movedOn) {
            return messages.correlate(MESSAGE, w.requestId(), Map.of()) > 0;
        }
    }
}
