package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.feel.Feel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowable.common.engine.api.delegate.Expression;
import org.flowable.common.engine.impl.cfg.TransactionState;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.interceptor.CreateExternalWorkerJobAfterContext;
import org.flowable.engine.interceptor.CreateExternalWorkerJobBeforeContext;
import org.flowable.engine.interceptor.CreateExternalWorkerJobInterceptor;

/**
 * Applies {@code zeebe:ioMapping} inputs when a job is created, as local variables of the
 * task, exactly when Zeebe evaluates them: on activation; and tells the job poller once the
 * job is committed.
 */
class InputMappingInterceptor implements CreateExternalWorkerJobInterceptor {

    private final StepSignals signals;

    InputMappingInterceptor(StepSignals signals) {
        this.signals = signals;
    }

    @Override
    public void beforeCreateExternalWorkerJob(CreateExternalWorkerJobBeforeContext context) {
        var execution = context.getExecution();
        for (Zeebe.Mapping input : Zeebe.mappings(context.getExternalWorkerServiceTask(), "input")) {
            Object value = input.source();
            if (Feel.isExpression(input.source())) {
                Expression expression = CommandContextUtil.getProcessEngineConfiguration()
                        .getExpressionManager()
                        .createExpression(input.source());
                value = expression.getValue(execution);
            }
            setLocal(execution, input.target(), value);
        }
    }

    /**
     * As Zeebe: a target {@code a.b} is a path into the context variable {@code a}, which the mappings before it
     * built up (Modeler's connector templates write {@code authentication.type}, {@code authentication.token}...).
     */
    @SuppressWarnings("unchecked")
    private static void setLocal(
            org.flowable.engine.delegate.DelegateExecution execution, String target, Object value) {
        String[] path = target.split("\\.");
        if (path.length == 1) {
            execution.setVariableLocal(target, value);
            return;
        }
        Object root = execution.getVariableLocal(path[0]);
        Map<String, Object> context =
                root instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        Map<String, Object> at = context;
        for (int i = 1; i < path.length - 1; i++) {
            Object next = at.get(path[i]);
            Map<String, Object> inner =
                    next instanceof Map<?, ?> n ? new LinkedHashMap<>((Map<String, Object>) n) : new LinkedHashMap<>();
            at.put(path[i], inner);
            at = inner;
        }
        at.put(path[path.length - 1], value);
        execution.setVariableLocal(path[0], context);
    }

    @Override
    public void afterCreateExternalWorkerJob(CreateExternalWorkerJobAfterContext context) {
        // the job's own topic: a task type given as FEEL has been evaluated by now
        String type = context.getExternalWorkerJobEntity() != null
                        && context.getExternalWorkerJobEntity().getJobHandlerConfiguration() != null
                ? context.getExternalWorkerJobEntity().getJobHandlerConfiguration()
                : context.getExternalWorkerServiceTask().getTopic();
        Context.getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, committed -> signals.jobCreated(type));
    }
}
