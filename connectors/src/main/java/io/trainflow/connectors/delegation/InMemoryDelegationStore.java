package io.trainflow.connectors.delegation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Delegations kept in memory: tests and the sample organisation. */
public class InMemoryDelegationStore implements DelegationStore {

    private final Map<String, Delegation> byId = new ConcurrentHashMap<>();

    @Override
    public Delegation save(Delegation delegation) {
        byId.put(delegation.id(), delegation);
        return delegation;
    }

    @Override
    public void remove(String id) {
        byId.remove(id);
    }

    @Override
    public List<Delegation> of(String approver) {
        return byId.values().stream()
                .filter(d -> d.approver().equals(approver))
                .sorted(Comparator.comparing(Delegation::from))
                .toList();
    }

    @Override
    public List<Delegation> changingIn(Instant after, Instant upTo) {
        return byId.values().stream()
                .filter(d -> within(d.from(), after, upTo) || within(d.to(), after, upTo))
                .sorted(Comparator.comparing(Delegation::from))
                .toList();
    }

    private static boolean within(Instant at, Instant after, Instant upTo) {
        return at.isAfter(after) && !at.isAfter(upTo);
    }
}
