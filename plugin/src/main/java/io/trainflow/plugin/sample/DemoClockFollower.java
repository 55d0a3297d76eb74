package io.trainflow.plugin.sample;

import io.trainflow.workflows.engine.flowable.EngineClock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nodes sharing a database keep one demo clock: each takes the stored offset every second (one small read), so a step
 * completed on another node just after a move does not set its timers from the old time for long.
 */
@Component
class DemoClockFollower {

    private final EngineClock clock;

    DemoClockFollower(EngineClock clock) {
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${trainflow.demo-clock-follow:PT1S}", initialDelayString = "PT1S")
    void follow() {
        clock.reload();
    }
}
