package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.feel.Feel;
import org.flowable.common.engine.api.delegate.Expression;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.interceptor.CreateExternalWorkerJobAfterContext;
import org.flowable.engine.interceptor.CreateExternalWorkerJobBeforeContext;
import org.flowable.engine.interceptor.CreateExternalWorkerJobInterceptor;

/**
 * Applies {@code zeebe:ioMapping} inputs when a job is created, as local variables of the
 * task, exactly when Zeebe evaluates them: on activation.
 */
class InputMappingInterceptor implements CreateExternalWorkerJobInterceptor {

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
        // nothing: the job carries all visible variables, inputs included
    }
}
