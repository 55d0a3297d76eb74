package io.trainflow.connectors.catalogue;

/**
 * A department's training budget for the current period.
 *
 * @param owner username of the person who approves spending over budget
 */
public record DepartmentBudget(String departmentId, double allocated, double spent, String owner, String currency) {

    public double remaining() {
        return allocated - spent;
    }
}
