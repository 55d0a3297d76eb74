package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Inclusive gateways, signals, escalations and link events (camunda8/events) with Camunda 8's documented behaviour. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one engine: each test starts its own instances
class EventKindsTest {

    private final Camunda8Engine c8 = new Camunda8Engine().deploy("events");

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void inclusiveGatewayTakesEveryTrueConditionElseItsDefaultAndJoinsThemOnce() {
        var both = c8.start("inclusive", Map.of("channels", List.of("mail", "sms")));
        var none = c8.start("inclusive", Map.of("channels", List.of()));

        assertThat(c8.variables(both))
                .containsEntry("mailed", true)
                .containsEntry("texted", true)
                .doesNotContainKey("skipped")
                .containsEntry("joins", 1L);
        assertThat(c8.variables(none))
                .containsEntry("skipped", true)
                .doesNotContainKey("mailed")
                .containsEntry("joins", 1L);
    }

    @Test
    void aThrownSignalReachesEveryWaitingBoundaryAndStartsEveryProcessWithItsSignalStart() {
        var waiting = c8.start("signal-waiter", Map.of());
        long startedBefore = started("signal-started");
        var thrower = c8.start("signal-thrower", Map.of());

        assertThat(c8.ended(thrower)).isTrue();
        assertThat(c8.endActivity(waiting)).isEqualTo("cancelled");
        assertThat(started("signal-started")).isEqualTo(startedBefore + 1);
    }

    @Test
    void escalationsAreCaughtAboveWithoutStoppingTheThrowerAndAnUncaughtOneLetsItContinue() {
        var instance = c8.start("escalation", Map.of());

        assertThat(c8.ended(instance)).isTrue();
        assertThat(c8.variables(instance))
                .as("non-interrupting boundary caught LATE")
                .containsEntry("managerTold", true);
        assertThat(c8.path(instance))
                .as("UNHEARD was not caught and the flow went on to the end escalation, caught"
                        + " by a non-interrupting event sub-process; the sub-process then completed")
                .contains("tell-manager", "nobody-listens", "give-up", "stuck", "stuck-end", "finished");
    }

    @Test
    void aLinkThrowContinuesAtTheLinkCatchOfItsName() {
        var instance = c8.start("link-events", Map.of());
        assertThat(c8.ended(instance)).isTrue();
        assertThat(c8.path(instance)).containsSubsequence("go-to-end", "arrive", "mark", "end");
        assertThat(c8.variables(instance)).containsEntry("linked", true);
    }

    @Test
    void lintAcceptsThem() throws Exception {
        assertThat(new BpmnLinter(Set.of(), new Feel()).lintPath(Camunda8Engine.folder("events")))
                .isEmpty();
    }

    private long started(String key) {
        return c8.flowable
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(key)
                .count();
    }
}
