package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.feel.FeelValues;
import org.flowable.bpmn.model.BusinessRuleTask;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.bpmn.behavior.TaskActivityBehavior;

/**
 * A business rule task with {@code zeebe:calledDecision}: evaluates the version of the DMN decision its
 * {@link Binding} chooses, as Zeebe does (DMN 1.3, FEEL), and stores the result in resultVariable.
 */
class DecisionTaskBehavior extends TaskActivityBehavior {

    private static final long serialVersionUID = 1L;

    private final String elementId;
    private final String decisionId;
    private final String resultVariable;
    private final Binding binding;
    private final transient Decisions decisions;

    DecisionTaskBehavior(BusinessRuleTask task, Decisions decisions) {
        this.elementId = task.getId();
        this.decisionId = Zeebe.attribute(task, "calledDecision", "decisionId").orElse(null);
        this.resultVariable =
                Zeebe.attribute(task, "calledDecision", "resultVariable").orElse(null);
        this.binding = Binding.of(task, "calledDecision");
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (decisionId == null || resultVariable == null) {
            throw new FlowableException(
                    "Business rule task '" + elementId + "' needs zeebe:calledDecision decisionId and resultVariable");
        }
        Object result = decisions.evaluate(
                execution.getProcessDefinitionId(), decisionId, binding, execution.getVariables(), elementId);
        execution.setVariable(resultVariable, FeelValues.toPlain(result));
        leave(execution);
    }
}
