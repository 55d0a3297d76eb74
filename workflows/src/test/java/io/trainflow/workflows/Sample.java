package io.trainflow.workflows;

import io.trainflow.connectors.delegation.DelegationStore;
import io.trainflow.connectors.delegation.InMemoryDelegationStore;
import io.trainflow.connectors.outcome.InMemoryOutcomeStore;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.connectors.sample.SampleState;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.profile.LoadProfileHandler;
import io.trainflow.workflows.profile.Profile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fresh sample organisation per test, on a clock the test moves. Handlers see the real sample
 * data through the real ports: no mocks.
 */
public final class Sample {

    public static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    /** The same conversion the engine adapters apply between variables and records. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public final TestClock clock = new TestClock(START);
    public final SampleOrganisation org = SampleOrganisation.fromClasspath(clock, SampleState.inMemory());
    public final TrainflowPorts ports = ports(org, clock);

    /**
     * The sample organisation as the handlers' ports, with in-memory outcome and delegation stores seeded with the
     * sample's delegations (test code only: the core does not depend on the sample).
     */
    public static TrainflowPorts ports(SampleOrganisation org, Clock clock) {
        DelegationStore delegations = new InMemoryDelegationStore();
        org.delegations().forEach(delegations::save);
        return new TrainflowPorts(
                org.lms(), org.hcm(), org.ai(), org.catalogue(), new InMemoryOutcomeStore(), delegations, clock);
    }

    public Profile profile(String employeeId) {
        try {
            return new LoadProfileHandler(ports.hcm(), ports.lms(), ports.catalogue())
                    .handle(new LoadProfileHandler.Input(employeeId))
                    .profile();
        } catch (BusinessError e) {
            throw new AssertionError(e);
        }
    }

    public static Map<String, Object> variables(Object output) {
        return JSON.convertValue(output, new TypeReference<Map<String, Object>>() {});
    }

    public static <T> T input(Map<String, Object> variables, Class<T> type) {
        return JSON.convertValue(variables, type);
    }

    /** A clock tests move forward, as days pass in a training. */
    public static final class TestClock extends Clock {
        private Instant now;

        public TestClock(Instant now) {
            this.now = now;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
