package io.trainflow.workflows;

import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.delegation.DelegationStore;
import io.trainflow.connectors.delegation.InMemoryDelegationStore;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.outcome.InMemoryOutcomeStore;
import io.trainflow.connectors.outcome.OutcomeStore;
import io.trainflow.connectors.sample.SampleOrganisation;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the step handlers talk to. The catalogue (roles, course costs, sessions, budgets)
 * is Trainflow's own data, which neither the LMS nor the HCM holds.
 */
public record TrainflowPorts(LmsPort lms, HcmPort hcm, AiPort ai, CataloguePort catalogue,
                             OutcomeStore outcomes, DelegationStore delegations, Clock clock) {

    public TrainflowPorts {
        Objects.requireNonNull(lms, "lms");
        Objects.requireNonNull(hcm, "hcm");
        Objects.requireNonNull(ai, "ai");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(outcomes, "outcomes");
        Objects.requireNonNull(delegations, "delegations");
        Objects.requireNonNull(clock, "clock");
    }

    /** The sample organisation with in-memory outcome and delegation stores, seeded with the sample's delegations. */
    public static TrainflowPorts sample(SampleOrganisation org, Clock clock) {
        DelegationStore delegations = new InMemoryDelegationStore();
        org.delegations().forEach(delegations::save);
        return new TrainflowPorts(org.lms(), org.hcm(), org.ai(), org.catalogue(), new InMemoryOutcomeStore(),
                delegations, clock);
    }
}
