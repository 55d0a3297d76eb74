package io.trainflow.workflows.engine.flowable;

import java.util.Map;
import java.util.Objects;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.bpmn.behavior.CallActivityBehavior;

/**
 * Zeebe's {@code propagateAllChildVariables} (true unless set false, ignored when output
 * mappings exist): the child's variables flow back into the parent. Inside a multi-instance
 * body they stay local to the instance, as in Zeebe, so parallel children do not overwrite
 * each other.
 */
class ZeebeCallActivityBehavior extends CallActivityBehavior {

    private static final long serialVersionUID = 1L;

    private final boolean propagateAll;
    private final Binding binding;

    ZeebeCallActivityBehavior(CallActivity callActivity) {
        super(callActivity);
        this.propagateAll = callActivity.getOutParameters().isEmpty()
                && !"false"
                        .equalsIgnoreCase(Zeebe.attribute(callActivity, "calledElement", "propagateAllChildVariables")
                                .orElse("true"));
        this.binding = Binding.of(callActivity, "calledElement");
    }

    /** The version the call activity's {@code bindingType} chooses. */
    @Override
    protected org.flowable.engine.repository.ProcessDefinition getProcessDefinition(
            DelegateExecution execution,
            CallActivity activity,
            org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl configuration) {
        return CalledProcessVersion.resolve(
                configuration.getRepositoryService(),
                getCalledElementValue(execution, configuration),
                binding,
                execution.getProcessDefinitionId(),
                activity.getId());
    }

    /** A called process id given as FEEL ({@code processId="=..."}) is evaluated as the activity is reached. */
    @Override
    protected String getCalledElementValue(
            DelegateExecution execution, org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl configuration) {
        String calledElement = callActivity.getCalledElement();
        if (io.trainflow.workflows.feel.Feel.isExpression(calledElement)) {
            Object value = Zeebe.value(calledElement, execution);
            if (value == null || String.valueOf(value).isBlank()) {
                throw new org.flowable.common.engine.api.FlowableException("Call activity '" + callActivity.getId()
                        + "': called process id '" + calledElement + "' gave no process id");
            }
            return String.valueOf(value);
        }
        return super.getCalledElementValue(execution, configuration);
    }

    @Override
    public void completing(DelegateExecution execution, DelegateExecution subProcessInstance) throws Exception {
        super.completing(execution, subProcessInstance);
        if (!propagateAll) {
            return;
        }
        boolean insideMultiInstance =
                execution.getParent() != null && execution.getParent().isMultiInstanceRoot();
        for (Map.Entry<String, Object> variable :
                subProcessInstance.getVariables().entrySet()) {
            if (insideMultiInstance) {
                execution.setVariableLocal(variable.getKey(), variable.getValue());
            } else if (!execution.hasVariable(variable.getKey())
                    || !Objects.equals(execution.getVariable(variable.getKey()), variable.getValue())) {
                execution.setVariable(variable.getKey(), variable.getValue());
            }
        }
    }
}
