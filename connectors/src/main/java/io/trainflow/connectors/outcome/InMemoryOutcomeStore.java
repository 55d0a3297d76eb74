package io.trainflow.connectors.outcome;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Outcomes kept in memory: tests and throw-away demos. */
public class InMemoryOutcomeStore implements OutcomeStore {

    private final Map<List<String>, Outcome> rows = new ConcurrentHashMap<>();

    @Override
    public void record(Outcome outcome) {
        rows.put(List.of(outcome.programmeId(), outcome.requestId()), outcome);
    }

    @Override
    public List<Outcome> ofProgramme(String programmeId) {
        String id = programmeId == null ? "" : programmeId;
        return rows.values().stream()
                .filter(o -> o.programmeId().equals(id))
                .sorted((a, b) -> a.requestId().compareTo(b.requestId()))
                .toList();
    }
}
