package io.trainflow.workflows;

import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.delegation.DelegationStore;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.outcome.OutcomeStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the step handlers talk to. The catalogue (roles, course costs, sessions, budgets)
 * is Trainflow's own data, which neither the LMS nor the HCM holds.
 *
 * @param quizExports folder the reviewed quizzes are written to (GIFT and Moodle XML)
 */
public record TrainflowPorts(
        LmsPort lms,
        HcmPort hcm,
        AiPort ai,
        CataloguePort catalogue,
        OutcomeStore outcomes,
        DelegationStore delegations,
        Clock clock,
        Path quizExports) {

    public TrainflowPorts {
        Objects.requireNonNull(lms, "lms");
        Objects.requireNonNull(hcm, "hcm");
        Objects.requireNonNull(ai, "ai");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(outcomes, "outcomes");
        Objects.requireNonNull(delegations, "delegations");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(quizExports, "quizExports");
    }

    /** Reviewed quizzes go to {@link #DEFAULT_QUIZ_EXPORTS}. */
    public TrainflowPorts(
            LmsPort lms,
            HcmPort hcm,
            AiPort ai,
            CataloguePort catalogue,
            OutcomeStore outcomes,
            DelegationStore delegations,
            Clock clock) {
        this(lms, hcm, ai, catalogue, outcomes, delegations, clock, DEFAULT_QUIZ_EXPORTS);
    }

    public static final Path DEFAULT_QUIZ_EXPORTS = Path.of("data", "quiz-exports");

    /** The same ports with another AI engine. */
    public TrainflowPorts withAi(AiPort other) {
        return new TrainflowPorts(lms, hcm, other, catalogue, outcomes, delegations, clock, quizExports);
    }

    /** The same ports writing reviewed quizzes to {@code folder}. */
    public TrainflowPorts withQuizExports(Path folder) {
        return new TrainflowPorts(lms, hcm, ai, catalogue, outcomes, delegations, clock, folder);
    }
}
