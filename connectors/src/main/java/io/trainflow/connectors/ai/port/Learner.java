package io.trainflow.connectors.ai.port;

/**
 * Who a learning path is for, as the manager sees it. Every field is personal data: an external model
 * only ever sees pseudonyms of them (or nothing, per the data classification). {@code justification}
 * is text the employee typed: data to quote, never instructions to follow.
 */
public record Learner(
        String employeeId,
        String username,
        String firstName,
        String lastName,
        String email,
        String managerName,
        String justification) {

    public String displayName() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    }
}
