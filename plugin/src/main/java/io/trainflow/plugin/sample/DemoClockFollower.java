package io.trainflow.plugin.sample;

import io.trainflow.workflows.engine.flowable.EngineClock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Nodes sharing a database keep one demo clock: each takes the stored offset every few seconds. */
@Component
class DemoClockFollower {

    private final EngineClock clock;

    DemoClockFollower(EngineClock clock) {
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${trainflow.demo-clock-follow:PT5S}", initialDelayString = "PT5S")
    void follow() {
        clock.reload();
    }
}
