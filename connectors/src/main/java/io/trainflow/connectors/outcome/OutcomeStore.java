package io.trainflow.connectors.outcome;

import java.util.List;

/** Outcomes of training requests, one row per (programmeId, requestId), read back per programme for its report. */
public interface OutcomeStore {

    /** Writes the outcome, replacing any earlier one of the same (programmeId, requestId): a retried step is harmless. */
    void record(Outcome outcome);

    /** All outcomes of a programme, in request-id order; empty for an unknown programme. */
    List<Outcome> ofProgramme(String programmeId);
}
