package io.trainflow.workflows.lint;

import io.trainflow.workflows.feel.Feel;
import java.util.Optional;

/**
 * A called process id given as FEEL ({@code processId="=..."}): evaluated as the call activity is reached, as in
 * Camunda 8. Lint checks that it parses; an id that names no deployed process makes that step an incident.
 */
final class ComputedCalledProcess {

    static final String NOTE = "the called process is chosen when the call activity is reached: each id the"
            + " expression can give must be deployed, or that request stops there as an incident";

    private ComputedCalledProcess() {}

    static Optional<String> problem(String processId, Feel feel) {
        return feel.parseError(Feel.expressionOf(processId))
                .map(error -> "called process id '" + processId + "' is not valid FEEL: " + error);
    }
}
