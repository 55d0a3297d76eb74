package io.trainflow.tests.parity;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every scenario of {@link ParityScenarios}, in order, on one target started once: the same script and the same
 * expectations (end states, tasks per person, Moodle's journal) on each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ParitySuite {

    private ParityTarget target;
    private ScenarioPlayer player;

    abstract ParityTarget start() throws Exception;

    @BeforeAll
    void startTarget() throws Exception {
        target = start();
        player = new ScenarioPlayer(target);
    }

    @AfterAll
    void stopTarget() throws Exception {
        if (target != null) {
            target.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> scenarios() {
        return ParityScenarios.all().stream()
                .map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
                    long start = System.nanoTime();
                    player.play(scenario);
                    target.afterScenario(scenario.name());
                    System.out.printf(
                            "parity [%s] %s: %.1f s%n",
                            target.name(), scenario.name(), (System.nanoTime() - start) / 1e9);
                }));
    }
}
