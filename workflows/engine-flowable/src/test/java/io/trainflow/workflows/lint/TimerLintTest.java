package io.trainflow.workflows.lint;

import static io.trainflow.workflows.lint.LintFolder.around;
import static io.trainflow.workflows.lint.LintFolder.process;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Timer values are ISO-8601 as the engine's timers read them. */
class TimerLintTest {

    @TempDir
    Path dir;

    private static String timer(String kind, String value) {
        return process(around("""
                <bpmn:intermediateCatchEvent id="x">
                  <bpmn:timerEventDefinition>
                    <bpmn:%1$s xsi:type="bpmn:tFormalExpression">%2$s</bpmn:%1$s>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                """.formatted(kind, value)));
    }

    @Test
    void durationInWords() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", timer("timeDuration", "5 days"));

        assertThat(folder.lint())
                .containsExactly(folder.problem(
                        "p.bpmn", "x", "timeDuration '5 days' is not an ISO-8601 duration such as P5D or PT4H"));
    }

    @Test
    void weeksPassIso8601ButNotTheEngine() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", timer("timeDuration", "P1W"));

        assertThat(folder.lint())
                .containsExactly(folder.problem(
                        "p.bpmn",
                        "x",
                        "timeDuration 'P1W' is not an ISO-8601 duration such as P5D or PT4H"
                                + " (weeks are not supported by the engine: write P7D for one week)"));
    }

    @Test
    void cycleWithoutRepetition() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", timer("timeCycle", "P2D"));

        assertThat(folder.lint())
                .containsExactly(folder.problem(
                        "p.bpmn",
                        "x",
                        "timeCycle 'P2D' is not an ISO-8601 repeating interval such as R/P2D or R3/PT1H"));
    }

    @Test
    void dateWithoutOffset() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", timer("timeDate", "2026-12-01 09:00"));

        assertThat(folder.lint())
                .containsExactly(
                        folder.problem(
                                "p.bpmn",
                                "x",
                                "timeDate '2026-12-01 09:00' is not an ISO-8601 date-time with offset such as 2026-12-01T09:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"P5D", "PT4H", "P1DT12H", "P1MT2H", "P1Y", "=duration(\"P3D\")"})
    void durationsTheEngineRunsLintClean(String value) {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", timer("timeDuration", value.replace("\"", "&quot;")));

        assertThat(folder.lint()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"R/P2D", "R3/PT1H", "R/2026-12-01T09:00:00Z/P1D"})
    void cyclesTheEngineRunsLintClean(String value) {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", timer("timeCycle", value));

        assertThat(folder.lint()).isEmpty();
    }
}
