package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.feel.Feel;
import java.util.Map;
import org.flowable.common.engine.api.delegate.Expression;
import org.flowable.engine.impl.el.ProcessExpressionManager;

/**
 * Flowable's expression manager, taught FEEL: any text starting with {@code =} (Zeebe's
 * marker) is FEEL, in every position Flowable evaluates an expression — conditions, timers,
 * assignments, message names, multi-instance collections, call-activity mappings.
 */
public class FeelExpressionManager extends ProcessExpressionManager {

    private final Feel feel;

    public FeelExpressionManager(Feel feel, Map<Object, Object> beans) {
        super(beans);
        this.feel = feel;
    }

    @Override
    public Expression createExpression(String text) {
        if (Feel.isExpression(text)) {
            return new FeelExpression(text.strip(), feel);
        }
        return super.createExpression(text);
    }
}
