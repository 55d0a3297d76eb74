package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A called process id given as FEEL (camunda8/feel-called-process): chosen when the call activity is reached. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeelCalledProcessTest {

    private final Camunda8Engine c8 = new Camunda8Engine().deploy("feel-called-process");

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void theCalledProcessIsTheOneTheExpressionNames() {
        var online = c8.start("chooser", Map.of("kind", "online"));
        var classroom = c8.start("chooser", Map.of("kind", "classroom"));

        assertThat(c8.variables(online)).containsEntry("handledBy", "online");
        assertThat(c8.variables(classroom)).containsEntry("handledBy", "classroom");
        assertThat(c8.ended(online) && c8.ended(classroom)).isTrue();
    }

    @Test
    void lintNotesThatTheProcessIsChosenAtRunTime() throws Exception {
        assertThat(new BpmnLinter(Set.of(), new Feel()).lintPath(Camunda8Engine.folder("feel-called-process")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.refuses()).isFalse();
                    assertThat(p.elementId()).isEqualTo("call");
                    assertThat(p.message()).contains("chosen when the call activity is reached");
                });
    }
}
