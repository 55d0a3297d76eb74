package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.workflows.Sample;
import io.trainflow.workflows.evaluation.LoadReviewHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On the real engine: a step whose required input is missing is an incident at once, naming the BPMN element and
 * the input, and is not retried (the same variables give the same answer); once the input is set on the step, retrying
 * the incident runs it.
 */
class StepInputIncidentTest {

    private final Sample sample = new Sample();
    /** Counts every call the handler makes to the HCM: none while its input is refused. */
    private final AtomicInteger hcmCalls = new AtomicInteger();

    private final HcmPort countingHcm = (HcmPort) Proxy.newProxyInstance(
            HcmPort.class.getClassLoader(), new Class<?>[] {HcmPort.class}, (proxy, method, args) -> {
                hcmCalls.incrementAndGet();
                try {
                    return method.invoke(sample.ports.hcm(), args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    private final Camunda8Engine c8 = new Camunda8Engine(new LoadReviewHandler(countingHcm)).deploy("step-input");

    @AfterEach
    void close() {
        c8.close();
    }

    @Test
    void aMissingRequiredInputIsAnIncidentNamingTheInputAndTheElementNotRetried() {
        ProcessInstance instance = c8.start("step-input", Map.of("requestId", "REQ-1"));

        // no clock advance: a retried step would wait for its backoff, not be an incident already
        assertThat(c8.engine.incidents().list()).singleElement().satisfies(incident -> {
            assertThat(incident.processInstanceId()).isEqualTo(instance.getId());
            assertThat(incident.elementId()).isEqualTo("load-review-after");
            assertThat(incident.message())
                    .isEqualTo("Step load-review-after: Input of task type 'hcm-load-review'"
                            + " is not valid: employeeId must not be blank");
        });
        c8.advance(Duration.ofHours(1));
        assertThat(c8.engine.incidents().list())
                .as("still one incident, nothing retried")
                .hasSize(1);
        assertThat(hcmCalls).as("the handler never ran").hasValue(0);
        assertThat(c8.ended(instance)).isFalse();

        // the element's inputs were mapped when it started: the repair sets the input on the step itself
        String step = c8.flowable
                .getRuntimeService()
                .createExecutionQuery()
                .processInstanceId(instance.getId())
                .activityId("load-review-after")
                .singleResult()
                .getId();
        c8.flowable.getRuntimeService().setVariableLocal(step, "employeeId", "1004");
        c8.engine.incidents().retry(c8.engine.incidents().list().get(0).id(), 1);
        c8.run();

        assertThat(c8.engine.incidents().list()).isEmpty();
        assertThat(c8.ended(instance)).isTrue();
        assertThat(hcmCalls).as("the handler ran once the input was there").hasPositiveValue();
    }
}
