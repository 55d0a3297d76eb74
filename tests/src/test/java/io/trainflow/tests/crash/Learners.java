package io.trainflow.tests.crash;

import java.time.Instant;
import java.util.Map;

/**
 * The LMS side of the crash harness's lifecycle: how a learner makes progress, what the harness hands the application
 * to reach its LMS, and how the LMS's writes are checked once the lifecycle ended.
 */
interface Learners {

    /** Environment of the application process (none for the built-in sample LMS). */
    default Map<String, String> env() {
        return Map.of();
    }

    /** Called once the application process and the kill plan exist, before the first start. */
    default void attach(AppProcess app, KillPlan plan) {}

    /**
     * The learner works through their courses; {@code synced} runs when the application acknowledged completing a
     * request. True when something changed.
     */
    boolean progress(Api api, String username, Runnable synced);

    /** Trainflow's demo clock now stands at {@code now} (time travel): the LMS lives in the same time. */
    default void clockAt(Instant now) {}

    /** Every external write of the LMS happened once per learner; read after the application stopped. */
    void assertWritesOnce(Afterwards db) throws Exception;
}
