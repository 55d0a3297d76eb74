package io.trainflow.connectors.delegation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Delegations of approval rights, Trainflow's own data (neither the LMS nor the HCM has it). */
public interface DelegationStore {

    /** Stores a delegation, replacing one with the same id. */
    Delegation save(Delegation delegation);

    void remove(String id);

    /** Every delegation an approver has made, past, current and future, earliest first. */
    List<Delegation> of(String approver);

    /** Delegations whose period starts or ends in {@code (after, upTo]}, earliest start first. */
    List<Delegation> changingIn(Instant after, Instant upTo);

    /**
     * The delegation in force for the approver at that instant. When periods overlap, the one
     * that started last wins (the most recent decision of the approver).
     */
    default Optional<Delegation> activeFor(String approver, Instant at) {
        return of(approver).stream().filter(d -> d.activeAt(at)).max(Comparator.comparing(Delegation::from));
    }

    /** Username of the deputy standing in for the approver at that instant. */
    default Optional<String> deputyOf(String approver, Instant at) {
        return activeFor(approver, at).map(Delegation::deputy);
    }
}
