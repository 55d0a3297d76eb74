package io.trainflow.workflows.lint;

import static io.trainflow.workflows.lint.LintFolder.around;
import static io.trainflow.workflows.lint.LintFolder.process;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Elements the embedded engine cannot run (or Camunda 8 would not either) are refused, with what to use instead. */
class UnsupportedElementLintTest {

    private static final String START_TO_END = """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="end" />
            <bpmn:endEvent id="end" />
            """;

    @TempDir
    Path dir;

    static Stream<Arguments> unsupported() {
        return Stream.of(
                Arguments.of(
                        "script task",
                        process(around("""
                        <bpmn:scriptTask id="x" scriptFormat="javascript"><bpmn:script>1 + 1</bpmn:script></bpmn:scriptTask>
                        """)),
                        "script task needs zeebe:script with a FEEL expression (starting with '=') and a resultVariable,"
                                + " or a zeebe:taskDefinition type for a job worker"),
                Arguments.of(
                        "compensation event sub-process",
                        process(START_TO_END + """
                        <bpmn:subProcess id="esp" triggeredByEvent="true">
                          <bpmn:startEvent id="x"><bpmn:compensateEventDefinition /></bpmn:startEvent>
                          <bpmn:sequenceFlow id="e1" sourceRef="x" targetRef="e-end" />
                          <bpmn:endEvent id="e-end" />
                        </bpmn:subProcess>
                        """),
                        "compensation event sub-processes are not supported (Camunda 8 has none either): attach a"
                                + " compensation boundary event to the activity, with its handler"),
                Arguments.of(
                        "send task",
                        process(around("<bpmn:sendTask id=\"x\" />")),
                        "send task has no zeebe:taskDefinition type: Camunda 8 runs it as a job for a worker of that type"),
                Arguments.of(
                        "receive task",
                        process(around("<bpmn:receiveTask id=\"x\" />")),
                        "receive task has no messageRef: it would wait for nothing"),
                Arguments.of(
                        "message throw event",
                        process(around("""
                        <bpmn:intermediateThrowEvent id="x"><bpmn:messageEventDefinition messageRef="done" /></bpmn:intermediateThrowEvent>
                        """), "<bpmn:message id=\"done\" name=\"done\" />"),
                        "message throw event has no zeebe:taskDefinition type: in Camunda 8 a job worker of that type sends the message"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupported")
    void isRefusedWithWhatToUseInstead(String what, String bpmn, String reason) {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", bpmn);

        assertThat(folder.lint()).containsExactly(folder.problem("p.bpmn", "x", reason));
    }
}
