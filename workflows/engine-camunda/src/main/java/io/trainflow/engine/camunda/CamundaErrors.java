package io.trainflow.engine.camunda;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.trainflow.workflows.engine.EngineErrors;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's refusals as Trainflow's problems: REST problem details by status, gRPC by status code. The
 * cluster's own text is kept (it names the key), so the caller sees what was refused.
 */
public final class CamundaErrors implements EngineErrors {

    @Override
    public Optional<TrainflowProblem> problemOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException problem) {
                return byStatus(
                        problem.code(),
                        problem.details() == null
                                ? problem.getMessage()
                                : problem.details().getDetail());
            }
            if (t instanceof ClientStatusException status) {
                return switch (status.getStatusCode()) {
                    case NOT_FOUND -> Optional.of(new TrainflowProblem.NotFound(status.getMessage()));
                    case ALREADY_EXISTS, FAILED_PRECONDITION, ABORTED ->
                        Optional.of(new TrainflowProblem.Conflict(status.getMessage()));
                    case INVALID_ARGUMENT ->
                        Optional.of(new TrainflowProblem.InvalidInput(status.getMessage(), Map.of()));
                    case PERMISSION_DENIED -> Optional.of(new TrainflowProblem.Forbidden(status.getMessage()));
                    default -> Optional.empty();
                };
            }
        }
        return Optional.empty();
    }

    private static Optional<TrainflowProblem> byStatus(int status, String detail) {
        return switch (status) {
            case 400 -> Optional.of(new TrainflowProblem.InvalidInput(detail, Map.of()));
            case 403 -> Optional.of(new TrainflowProblem.Forbidden(detail));
            case 404 -> Optional.of(new TrainflowProblem.NotFound(detail));
            case 409 -> Optional.of(new TrainflowProblem.Conflict(detail));
            default -> Optional.empty();
        };
    }

    /** Runs a call to the cluster, its refusals thrown as Trainflow's problems (anything else as it is). */
    static <T> T translated(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            Optional<TrainflowProblem> problem = new CamundaErrors().problemOf(e);
            if (problem.isPresent()) {
                throw problem.get();
            }
            throw e;
        }
    }
}
