package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.lint.LintProblem;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Camunda 8's execution listeners (camunda8/execution-listeners), as the 8.8 documentation "Execution listeners"
 * describes them: jobs of the listener's type, run in model order, blocking the element; start listeners after the
 * input mappings and before the element, end listeners after its output mappings; their variables used by what
 * follows (a gateway's condition); a failing listener is retried, then an incident, and only it runs again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutionListenersTest {

    private final TestSteps.Flaky flaky = new TestSteps.Flaky();
    private final Camunda8Engine c8 = new Camunda8Engine(
                    new TestSteps.Double(), flaky, new Audit(), new Prepare(), new Record(), new Route(), new Close())
            .deploy("execution-listeners");

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void listenersRunInTheirDocumentedOrderAndTheirVariablesAreUsed() {
        var instance = c8.start("execution-listeners", Map.of("amount", 1));

        assertThat(c8.ended(instance)).isTrue();
        assertThat(c8.nodes(instance))
                .containsExactly(
                        "start",
                        "start-process-start-listener-1",
                        "work-start-listener-1",
                        "work-start-listener-2",
                        "work",
                        "work-end-listener-1",
                        "route-start-listener-1",
                        "route",
                        "big-end-end-listener-1",
                        "big-end");
        assertThat(c8.variables(instance))
                .as("the start listener saw the input mapping (base = amount + 1 = 2) and set value = 20 for the"
                        + " task; the end listener saw the output mapping; the gateway routed on the listener's size")
                .containsEntry("value", 20L)
                .containsEntry("doubled", 40L)
                .containsEntry("recorded", 40L)
                .containsEntry("size", "big")
                .containsEntry("closed", true)
                .containsEntry("audits", 2L);
    }

    @Test
    void aFailingListenerBlocksItsElementBecomesAnIncidentAndOnlyItRunsAgain() {
        flaky.failuresLeft.set(5);
        flaky.calls.set(0);
        var instance = c8.start("listener-incident", Map.of("value", 3));
        c8.advance(Duration.ofMinutes(1));

        var incident = c8.engine.incidents().list().stream()
                .filter(i -> i.processInstanceId().equals(instance.getId()))
                .findFirst()
                .orElseThrow();
        assertThat(incident.elementId()).isEqualTo("guarded-start-listener-1");
        assertThat(incident.type()).isEqualTo("test-flaky");
        assertThat(flaky.calls).as("the listener's retries=\"2\"").hasValue(2);
        assertThat(c8.nodes(instance)).doesNotContain("guarded");

        flaky.failuresLeft.set(0);
        c8.engine.incidents().retry(incident.id(), 1);
        c8.run();

        assertThat(c8.ended(instance)).isTrue();
        assertThat(c8.nodes(instance)).endsWith("guarded-start-listener-1", "guarded", "end");
        assertThat(c8.variables(instance)).containsEntry("result", 6L);
    }

    @Test
    void lintAcceptsTheModelsAndNamesAListenerTypeWithoutHandler() throws Exception {
        assertThat(c8.engine.linter().lintPath(Camunda8Engine.folder("execution-listeners")))
                .filteredOn(LintProblem::refuses)
                .isEmpty();
        try (Camunda8Engine bare = new Camunda8Engine(new TestSteps.Double())) {
            assertThat(bare.engine.linter().lintPath(Camunda8Engine.folder("execution-listeners")))
                    .filteredOn(LintProblem::refuses)
                    .anySatisfy(p -> {
                        assertThat(p.elementId()).isEqualTo("work-start-listener-1");
                        assertThat(p.message()).contains("task type 'el-prepare' has no handler");
                    });
        }
    }

    @Test
    void lintNamesTheListenersThatDoNotRunYetWithTheReason() {
        String xml = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
                  <bpmn:process id="p" isExecutable="true">
                    <bpmn:startEvent id="start" />
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="each" />
                    <bpmn:serviceTask id="each">
                      <bpmn:extensionElements>
                        <zeebe:taskDefinition type="test-double" />
                        <zeebe:executionListeners>
                          <zeebe:executionListener eventType="start" type="el-audit" />
                        </zeebe:executionListeners>
                      </bpmn:extensionElements>
                      <bpmn:multiInstanceLoopCharacteristics>
                        <bpmn:extensionElements>
                          <zeebe:loopCharacteristics inputCollection="=[1, 2]" inputElement="value" />
                        </bpmn:extensionElements>
                      </bpmn:multiInstanceLoopCharacteristics>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="f2" sourceRef="each" targetRef="wait" />
                    <bpmn:eventBasedGateway id="wait" />
                    <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="later" />
                    <bpmn:intermediateCatchEvent id="later">
                      <bpmn:extensionElements>
                        <zeebe:executionListeners>
                          <zeebe:executionListener eventType="start" type="el-audit" />
                        </zeebe:executionListeners>
                      </bpmn:extensionElements>
                      <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
                    </bpmn:intermediateCatchEvent>
                    <bpmn:sequenceFlow id="f4" sourceRef="later" targetRef="end" />
                    <bpmn:endEvent id="end" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        var problems = c8.engine
                .linter()
                .lint(
                        "refused.bpmn",
                        ZeebeModelReader.read(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        io.trainflow.workflows.lint.BpmnLinter.Context.none());

        assertThat(problems)
                .filteredOn(LintProblem::refuses)
                .extracting(LintProblem::elementId, LintProblem::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "each",
                                "execution listeners on a multi-instance activity are not run yet: put them on an"
                                        + " element before or after it"),
                        org.assertj.core.groups.Tuple.tuple(
                                "later",
                                "start listeners on an event after an event-based gateway are not run yet: put"
                                        + " them on the gateway"));
    }

    private static final AtomicInteger AUDITS = new AtomicInteger();

    @TaskType(value = "el-audit", name = "Audit", description = "Counts its calls")
    static final class Audit implements StepHandler<Audit.In, Audit.Out> {
        record In() {}

        record Out(int audits) {}

        @Override
        public Out handle(In input) {
            return new Out(AUDITS.incrementAndGet());
        }
    }

    @TaskType(value = "el-prepare", name = "Prepare", description = "value = base x 10")
    static final class Prepare implements StepHandler<Prepare.In, Prepare.Out> {
        record In(long base) {}

        record Out(long value) {}

        @Override
        public Out handle(In input) {
            return new Out(input.base() * 10);
        }
    }

    @TaskType(value = "el-record", name = "Record", description = "Records the doubled value")
    static final class Record implements StepHandler<Record.In, Record.Out> {
        record In(long doubled) {}

        record Out(long recorded) {}

        @Override
        public Out handle(In input) {
            return new Out(input.doubled());
        }
    }

    @TaskType(value = "el-route", name = "Route", description = "Sizes the doubled value")
    static final class Route implements StepHandler<Route.In, Route.Out> {
        record In(long doubled) {}

        record Out(String size) {}

        @Override
        public Out handle(In input) {
            return new Out(input.doubled() > 30 ? "big" : "small");
        }
    }

    @TaskType(value = "el-close", name = "Close", description = "Closes")
    static final class Close implements StepHandler<Close.In, Close.Out> {
        record In() {}

        record Out(boolean closed) {}

        @Override
        public Out handle(In input) {
            return new Out(true);
        }
    }
}
