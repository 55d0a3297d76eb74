package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import java.util.concurrent.atomic.AtomicInteger;

/** Small handlers that exercise the dialect: arithmetic, a business error, a flaky system. */
final class TestSteps {

    private TestSteps() {}

    @TaskType(value = "test-double", name = "Double", description = "Doubles a number")
    static final class Double implements StepHandler<Double.In, Double.Out> {
        record In(long value) {}

        record Out(long result) {}

        @Override
        public Out handle(In input) {
            return new Out(input.value() * 2);
        }
    }

    @TaskType(value = "test-check", name = "Check", description = "Refuses numbers over 100", errors = "TOO_BIG")
    static final class Check implements StepHandler<Check.In, Check.Out> {
        record In(long n) {}

        record Out(String checked) {}

        @Override
        public Out handle(In input) throws BusinessError {
            if (input.n() > 100) {
                throw new BusinessError("TOO_BIG", input.n() + " is over 100");
            }
            return new Out("ok");
        }
    }

    @TaskType(value = "test-flaky", name = "Flaky", description = "Fails while failuresLeft > 0", retries = 3)
    static final class Flaky implements StepHandler<Flaky.In, Flaky.Out> {
        final AtomicInteger failuresLeft = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();

        record In() {}

        record Out(boolean reached) {}

        @Override
        public Out handle(In input) {
            calls.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("connection refused");
            }
            return new Out(true);
        }
    }
}
