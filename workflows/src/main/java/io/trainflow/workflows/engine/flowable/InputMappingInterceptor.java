package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.feel.Feel;
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
                Expression expression = CommandContextUtil.getProcessEngineConfiguration().getExpressionManager()
                        .createExpression(input.source());
                value = expression.getValue(execution);
            }
            execution.setVariableLocal(input.target(), value);
        }
    }

    @Override
    public void afterCreateExternalWorkerJob(CreateExternalWorkerJobAfterContext context) {
        String type = context.getExternalWorkerServiceTask().getTopic();
        Context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> signals.jobCreated(type));
    }
}
