package io.trainflow.workflows.engine;

import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.Optional;

/**
 * The engine's own refusals (an unknown task, one someone else changed first) as Trainflow's problems, for the
 * few paths that reach the engine directly (incidents, deployments): the REST face knows no engine exception.
 */
public interface EngineErrors {

    Optional<TrainflowProblem> problemOf(Throwable error);
}
