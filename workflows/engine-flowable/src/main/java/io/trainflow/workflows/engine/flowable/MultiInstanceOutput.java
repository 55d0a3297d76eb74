package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.feel.FeelValues;
import java.util.ArrayList;
import java.util.List;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.ExecutionListener;

/**
 * Camunda 8's {@code outputCollection}/{@code outputElement}: as each instance completes, its output element
 * (a FEEL expression, or a variable name) goes into the collection at the instance's position, so the
 * collection has the input collection's order and size (null for instances not yet or never completed).
 * The collection lives in the scope around the multi-instance activity, where the flow after it reads it.
 */
final class MultiInstanceOutput implements ExecutionListener {

    private static final long serialVersionUID = 1L;

    private final String collection;
    private final String element;

    MultiInstanceOutput(String collection, String element) {
        this.collection = collection;
        this.element = element;
    }

    @Override
    public void notify(DelegateExecution instance) {
        if (!(instance.getVariableLocal(LoopCounter.INDEX) instanceof Number)) {
            return; // the multi-instance body itself ending, not one of its instances
        }
        DelegateExecution root = instance;
        while (root != null && !root.isMultiInstanceRoot()) {
            root = root.getParent();
        }
        if (root == null) {
            return;
        }
        Object value = Feel.isExpression(element) ? Zeebe.value(element, instance) : instance.getVariable(element);
        int index = ((Number) instance.getVariableLocal(LoopCounter.INDEX)).intValue();
        DelegateExecution scope = root.getParent();
        List<Object> values = new ArrayList<>();
        if (scope.getVariable(collection) instanceof List<?> existing && root.getVariableLocal(STARTED) != null) {
            values.addAll(existing);
        } else {
            root.setVariableLocal(STARTED, true); // a collection left by an earlier pass of this activity starts over
        }
        int size = ((Number) root.getVariableLocal("nrOfInstances")).intValue();
        while (values.size() < size) {
            values.add(null);
        }
        values.set(index, FeelValues.toPlain(value));
        scope.setVariable(collection, values);
    }

    private static final String STARTED = "trainflow.outputCollectionStarted";
}
