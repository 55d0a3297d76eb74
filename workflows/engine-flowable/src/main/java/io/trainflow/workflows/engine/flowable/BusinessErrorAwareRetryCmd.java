package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.feel.FeelException;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.util.ExceptionUtil;
import org.flowable.engine.delegate.BpmnError;
import org.flowable.engine.impl.cmd.JobRetryCmd;
import org.flowable.job.service.impl.asyncexecutor.FailedJobCommandFactory;

/**
 * Retrying cannot fix a business error nobody catches, or a FEEL expression that fails on the
 * data it has: such a job becomes an incident at once (as in Zeebe), never a silent retry.
 */
class BusinessErrorAwareRetryCmd extends JobRetryCmd {

    BusinessErrorAwareRetryCmd(String jobId, Throwable exception) {
        super(jobId, exception);
    }

    @Override
    protected boolean isUnrecoverableException() {
        return super.isUnrecoverableException()
                || ExceptionUtil.containsCause(exception, BpmnError.class)
                || ExceptionUtil.containsCause(exception, FeelException.class);
    }

    static FailedJobCommandFactory factory() {
        return (jobId, exception) -> (Command<Object>) new BusinessErrorAwareRetryCmd(jobId, exception);
    }
}
