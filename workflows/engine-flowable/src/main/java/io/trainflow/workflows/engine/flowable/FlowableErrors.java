package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.EngineErrors;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.Optional;
import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;

/** Flowable's refusals as Trainflow's problems: forbidden, not found, and a concurrent change as a conflict. */
public final class FlowableErrors implements EngineErrors {

    @Override
    public Optional<TrainflowProblem> problemOf(Throwable error) {
        if (error instanceof FlowableForbiddenException) {
            return Optional.of(new TrainflowProblem.Forbidden(error.getMessage()));
        }
        if (error instanceof FlowableObjectNotFoundException) {
            return Optional.of(new TrainflowProblem.NotFound(error.getMessage()));
        }
        if (error instanceof FlowableTaskAlreadyClaimedException
                || error instanceof FlowableOptimisticLockingException) {
            return Optional.of(new TrainflowProblem.Conflict("Someone else changed this a moment ago; read it again"));
        }
        return Optional.empty();
    }
}
