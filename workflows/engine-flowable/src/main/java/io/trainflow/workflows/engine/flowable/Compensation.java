package io.trainflow.workflows.engine.flowable;

import java.util.ArrayList;
import java.util.List;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.CompensateEventDefinition;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowElementsContainer;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.common.engine.api.delegate.event.AbstractFlowableEventListener;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.bpmn.helper.ScopeUtil;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.eventsubscription.service.impl.persistence.entity.CompensateEventSubscriptionEntity;

/**
 * Camunda 8's compensation: a compensation throw (intermediate or end) event invokes, all at once, the handlers of
 * the activities of its scope that completed (each completion once; with {@code activityRef}, of that activity
 * only), and stays active until every invoked handler has completed. Flowable invokes the handlers but leaves the
 * event at once, which a handler run by a job worker outlives; so the event waits ({@link Waiting}) and the end of
 * the last running handler ({@link #handlerEnded}) moves it on.
 */
final class Compensation {

    /** The behaviour of a compensation throw event: it waits for the handlers it invoked. */
    interface Waiting {}

    private Compensation() {}

    /** Invokes the handlers; false when there was nothing to compensate (the event then simply goes on). */
    static boolean invoke(DelegateExecution execution, CompensateEventDefinition definition) {
        List<CompensateEventSubscriptionEntity> subscriptions = new ArrayList<>();
        var service = CommandContextUtil.getProcessEngineConfiguration()
                .getEventSubscriptionServiceConfiguration()
                .getEventSubscriptionService();
        String activityRef = definition.getActivityRef();
        if (activityRef != null && !activityRef.isBlank()) {
            subscriptions.addAll(service.findCompensateEventSubscriptionsByProcessInstanceIdAndActivityId(
                    execution.getProcessInstanceId(), activityRef));
        } else {
            FlowElementsContainer scope = execution.getCurrentFlowElement().getParentContainer();
            for (FlowElement element : scope.getFlowElements()) {
                subscriptions.addAll(service.findCompensateEventSubscriptionsByProcessInstanceIdAndActivityId(
                        execution.getProcessInstanceId(), element.getId()));
            }
        }
        if (subscriptions.isEmpty()) {
            return false;
        }
        ScopeUtil.throwCompensationEvent(subscriptions, execution, false);
        return true;
    }

    /**
     * Moves waiting throw events on when a handler's execution is deleted (Flowable ends a handler by deleting
     * its execution, calling no end listener). Registered for {@code ENTITY_DELETED}.
     */
    static FlowableEventListener handlerEnded() {
        return new HandlerEnded();
    }

    /** When no handler of the instance is running any more, the throw events waiting in it go on. */
    private static final class HandlerEnded extends AbstractFlowableEventListener {

        @Override
        public void onEvent(FlowableEvent event) {
            if (!(event instanceof FlowableEntityEvent entityEvent)
                    || !(entityEvent.getEntity() instanceof ExecutionEntity ended)
                    || !(ended.getCurrentFlowElement() instanceof Activity handler)
                    || !handler.isForCompensation()) {
                return;
            }
            String instanceId = ended.getProcessInstanceId();
            String endedId = ended.getId();
            // after the rest of the handler's clean-up, in the same transaction
            CommandContextUtil.getAgenda().planOperation(() -> {
                List<ExecutionEntity> executions = CommandContextUtil.getExecutionEntityManager()
                        .findChildExecutionsByProcessInstanceId(instanceId);
                boolean handlerRunning = executions.stream()
                        .filter(e -> active(e) && !e.getId().equals(endedId))
                        .anyMatch(e -> e.getCurrentFlowElement() instanceof Activity a && a.isForCompensation());
                if (!handlerRunning) {
                    executions.stream()
                            .filter(e -> active(e)
                                    && e.getCurrentFlowElement() instanceof FlowNode node
                                    && node.getBehavior() instanceof Waiting)
                            .forEach(e -> CommandContextUtil.getAgenda().planTriggerExecutionOperation(e));
                }
            });
        }

        @Override
        public boolean isFailOnException() {
            return true;
        }

        private static boolean active(ExecutionEntity execution) {
            return !execution.isEnded() && !execution.isDeleted();
        }
    }
}
