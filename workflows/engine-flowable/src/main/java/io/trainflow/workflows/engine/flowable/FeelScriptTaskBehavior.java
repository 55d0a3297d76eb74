package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.feel.FeelValues;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.bpmn.behavior.ScriptTaskActivityBehavior;

/**
 * A script task with {@code zeebe:script expression resultVariable}: Camunda 8 evaluates the FEEL
 * expression (after the task's input mappings) and sets its result as {@code resultVariable}; no job.
 */
class FeelScriptTaskBehavior extends ScriptTaskActivityBehavior {

    private static final long serialVersionUID = 1L;

    private final String elementId;
    private final String expression;

    FeelScriptTaskBehavior(ScriptTask task) {
        super(
                task.getId(),
                null,
                "feel",
                Zeebe.attribute(task, "script", "resultVariable").orElse(null),
                null,
                false);
        this.elementId = task.getId();
        this.expression = Zeebe.attribute(task, "script", "expression").orElse(null);
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (expression == null || resultVariable == null || !Feel.isExpression(expression)) {
            throw new FlowableException(
                    "Script task '" + elementId + "' needs zeebe:script with a FEEL expression and a resultVariable");
        }
        Object result = Zeebe.value(expression, execution);
        execution.setVariable(resultVariable, FeelValues.toPlain(result));
        leave(execution);
    }
}
