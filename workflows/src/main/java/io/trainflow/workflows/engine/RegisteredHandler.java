package io.trainflow.workflows.engine;

import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;

/** A handler with what the adapters need to know about it. */
public record RegisteredHandler(
        String type, TaskType taskType, StepHandler<?, ?> handler, Class<?> inputType, Class<?> outputType) {

    public int retries() {
        return Math.max(1, taskType.retries());
    }
}
