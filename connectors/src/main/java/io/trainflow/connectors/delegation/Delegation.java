package io.trainflow.connectors.delegation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An approver names a deputy who decides in their place for a period, e.g. during leave.
 *
 * @param id     generated when null
 * @param from   first instant the deputy stands in (inclusive)
 * @param to     end of the period (exclusive)
 * @param reason shown on the task and in the audit trail
 */
public record Delegation(String id, String approver, String deputy, Instant from, Instant to, String reason) {

    public Delegation {
        id = id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(deputy, "deputy");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a delegation must end after it starts");
        }
        if (approver.equals(deputy)) {
            throw new IllegalArgumentException("an approver cannot be their own deputy");
        }
    }

    public boolean activeAt(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
