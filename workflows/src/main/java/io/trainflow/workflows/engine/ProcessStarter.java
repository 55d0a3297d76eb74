package io.trainflow.workflows.engine;

import java.util.Map;

/** Starts a deployed process (its latest version) as a person: the engine-neutral port intake starts work through. */
public interface ProcessStarter {

    /** A process instance just started: the engine's id and the business key it was started with. */
    record Started(String id, String businessKey) {}

    /** Starts {@code processKey} with {@code businessKey} and {@code variables}, recorded as started by {@code user}. */
    Started start(String user, String processKey, String businessKey, Map<String, Object> variables);
}
