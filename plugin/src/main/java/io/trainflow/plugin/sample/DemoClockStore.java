package io.trainflow.plugin.sample;

import io.trainflow.connectors.sample.SampleState;
import io.trainflow.workflows.engine.flowable.EngineClock;
import java.time.Duration;

/** The demo clock's lead over real time, kept in the database: a restart keeps the walkthrough's time. */
public final class DemoClockStore implements EngineClock.Store {

    private static final String KEY = "demo-clock-offset";

    private final SampleState state;

    public DemoClockStore(SampleState state) {
        this.state = state;
    }

    @Override
    public Duration load() {
        return state.load(KEY).map(Duration::parse).orElse(Duration.ZERO);
    }

    @Override
    public void save(Duration offset) {
        state.save(KEY, offset.toString());
    }
}
