package io.trainflow.workflows.engine.flowable;

import java.util.List;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ErrorEventDefinition;
import org.flowable.bpmn.model.EventSubProcess;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowElementsContainer;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;

/**
 * Whether a business error raised at an execution would be caught by an error boundary or
 * error event sub-process, in its scope chain or in a calling process. Without a catcher the
 * step becomes an incident whose retry runs the step again, as in Zeebe.
 */
final class ErrorCatchCheck implements Command<Boolean> {

    private final String executionId;
    private final String errorCode;

    ErrorCatchCheck(String executionId, String errorCode) {
        this.executionId = executionId;
        this.errorCode = errorCode;
    }

    @Override
    public Boolean execute(CommandContext commandContext) {
        ExecutionEntity execution =
                CommandContextUtil.getExecutionEntityManager(commandContext).findById(executionId);
        while (execution != null) {
            BpmnModel model = ProcessDefinitionUtil.getBpmnModel(execution.getProcessDefinitionId());
            FlowElement element = execution.getCurrentFlowElement();
            if (element instanceof Activity activity && catchesOnBoundary(model, activity.getBoundaryEvents())) {
                return true;
            }
            if (element instanceof FlowElementsContainer container && catchesInEventSubProcess(model, container)) {
                return true;
            }
            if (execution.getParentId() == null
                    && catchesInEventSubProcess(
                            model, ProcessDefinitionUtil.getProcess(execution.getProcessDefinitionId()))) {
                return true;
            }
            execution = execution.getParentId() != null ? execution.getParent() : execution.getSuperExecution();
        }
        return false;
    }

    private boolean catchesOnBoundary(BpmnModel model, List<BoundaryEvent> boundaries) {
        for (BoundaryEvent boundary : boundaries) {
            if (!boundary.getEventDefinitions().isEmpty()
                    && boundary.getEventDefinitions().get(0) instanceof ErrorEventDefinition error
                    && matches(model, error)) {
                return true;
            }
        }
        return false;
    }

    private boolean catchesInEventSubProcess(BpmnModel model, FlowElementsContainer container) {
        for (FlowElement element : container.getFlowElements()) {
            if (element instanceof EventSubProcess sub) {
                for (FlowElement inner : sub.getFlowElements()) {
                    if (inner instanceof StartEvent start
                            && !start.getEventDefinitions().isEmpty()
                            && start.getEventDefinitions().get(0) instanceof ErrorEventDefinition error
                            && matches(model, error)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean matches(BpmnModel model, ErrorEventDefinition error) {
        String ref = error.getErrorCode();
        if (ref == null || ref.isBlank()) {
            return true;
        }
        String code = model.containsErrorRef(ref) ? model.getErrors().get(ref) : ref;
        return code == null || code.equals(errorCode);
    }
}
