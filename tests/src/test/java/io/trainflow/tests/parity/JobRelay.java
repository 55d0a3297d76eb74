package io.trainflow.tests.parity;

import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.JobErrorRequest;
import io.camunda.client.protocol.rest.JobFailRequest;
import io.trainflow.engine.camunda.ContractGateway;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.RegisteredHandler;
import io.trainflow.workflows.engine.StepInvoker;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands every step the stand-in engine reaches to a Camunda 8 job worker: the step's input becomes a job on the
 * contract gateway, and what the worker sends back (completion, BPMN error, failure) is what the step returns. So each
 * connector call of a scenario is made by the Camunda 8 adapter's worker, through the REST contract.
 */
final class JobRelay implements StepHandler<Object, Object> {

    /** A step waits this long for the worker: generous, for a busy 2-core machine. */
    private static final Duration ANSWER_WITHIN = Duration.ofMinutes(2);

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final ContractGateway gateway;
    private final RegisteredHandler step;
    private final StepInvoker invoker = new StepInvoker();

    private JobRelay(ContractGateway gateway, RegisteredHandler step) {
        this.gateway = gateway;
        this.step = step;
    }

    /** The same task types, inputs and outputs as {@code handlers}, each run as a job on the gateway. */
    static HandlerRegistry through(ContractGateway gateway, HandlerRegistry handlers) {
        return HandlerRegistry.of(handlers.all().stream()
                .map(h -> new RegisteredHandler(
                        h.type(), h.taskType(), new JobRelay(gateway, h), h.inputType(), h.outputType()))
                .toList());
    }

    @Override
    public Object handle(Object input) throws BusinessError {
        String job = gateway.offerJob(step.type(), invoker.toVariables(input), Map.of(), step.retries());
        ContractGateway.JobAnswer answer = gateway.awaitAnswer(job, ANSWER_WITHIN);
        Object body = answer.body();
        if (body instanceof JobCompletionRequest done) {
            Map<String, Object> output = done.getVariables() == null ? Map.of() : done.getVariables();
            return output.isEmpty() ? null : JSON.convertValue(output, step.outputType());
        }
        if (body instanceof JobErrorRequest error) {
            throw new BusinessError(
                    error.getErrorCode(),
                    error.getErrorMessage(),
                    error.getVariables() == null ? Map.of() : error.getVariables());
        }
        if (body instanceof JobFailRequest failed) {
            // the cluster would offer the job again after its backoff; the stand-in's own retry does that here
            throw new IllegalStateException("The Camunda 8 worker failed " + step.type() + " (retries left "
                    + failed.getRetries() + "): " + failed.getErrorMessage());
        }
        throw new IllegalStateException("Unexpected answer to job " + job + ": " + answer);
    }
}
