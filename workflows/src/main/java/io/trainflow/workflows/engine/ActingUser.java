package io.trainflow.workflows.engine;

/**
 * Who the engine records as acting (the process starter, the author of a comment) while a piece of work runs
 * on this thread; the previous one is restored on close.
 */
public interface ActingUser {

    Scope as(String user);

    /** Ends the switch; never fails. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
