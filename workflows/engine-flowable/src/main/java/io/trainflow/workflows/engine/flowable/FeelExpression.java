package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.feel.Feel;
import java.util.Map;
import java.util.Set;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.delegate.Expression;
import org.flowable.common.engine.api.variable.VariableContainer;

/** A Zeebe {@code =expression} evaluated by the FEEL engine wherever Flowable expects an expression. */
final class FeelExpression implements Expression {

    private static final long serialVersionUID = 1L;

    /** Camunda 8's multi-instance variables (e.g. in a completionCondition), under Flowable's names. */
    private static final Map<String, String> MULTI_INSTANCE = Map.of(
            "numberOfInstances",
            "nrOfInstances",
            "numberOfActiveInstances",
            "nrOfActiveInstances",
            "numberOfCompletedInstances",
            "nrOfCompletedInstances");

    private final String text;
    private final transient Feel feel;

    FeelExpression(String text, Feel feel) {
        this.text = text;
        this.feel = feel;
    }

    @Override
    public Object getValue(VariableContainer scope) {
        return feel.evaluate(Feel.expressionOf(text), new Feel.VariableLookup() {
            public boolean has(String name) {
                return scope.hasVariable(name) || scope.hasVariable(MULTI_INSTANCE.getOrDefault(name, name));
            }

            public Object get(String name) {
                return scope.hasVariable(name)
                        ? scope.getVariable(name)
                        : scope.getVariable(MULTI_INSTANCE.getOrDefault(name, name));
            }

            public Iterable<String> names() {
                Set<String> names = scope.getVariableNames();
                return names == null ? Set.of() : names;
            }
        });
    }

    @Override
    public void setValue(Object value, VariableContainer scope) {
        throw new FlowableException("FEEL expression '" + text + "' cannot be assigned to");
    }

    @Override
    public String getExpressionText() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
