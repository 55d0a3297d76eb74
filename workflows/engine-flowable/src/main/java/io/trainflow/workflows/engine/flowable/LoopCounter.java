package io.trainflow.workflows.engine.flowable;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.ExecutionListener;

/**
 * Camunda 8's {@code loopCounter}: the 1-based number of a multi-instance instance. Flowable counts from 0 under
 * its element-index variable; the parse handler renames that to {@link #INDEX}, and as each instance starts this
 * listener sets {@code loopCounter} = index + 1 on it, so FEEL, input mappings, handlers and forms all see Camunda's value.
 */
final class LoopCounter implements ExecutionListener {

    private static final long serialVersionUID = 1L;

    /** Flowable's own 0-based index of the instance (its {@code loopCounter}, renamed). */
    static final String INDEX = "trainflowLoopIndex";

    @Override
    public void notify(DelegateExecution instance) {
        if (instance.getVariableLocal(INDEX) instanceof Number index) {
            instance.setVariableLocal("loopCounter", index.intValue() + 1);
        }
    }
}
