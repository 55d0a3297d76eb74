package io.trainflow.workflows.api;

/**
 * One step of a Trainflow process, independent of the engine that runs it.
 *
 * <p>{@code I} and {@code O} are records: the engine adapter builds {@code I} from the
 * process variables visible to the task (after {@code zeebe:ioMapping} inputs) and writes
 * each component of {@code O} back as a variable. A handler never speaks HTTP and never
 * touches the engine; it calls ports.
 *
 * <p>Throw {@link BusinessError} for an outcome the process models (it goes to the BPMN
 * error boundary with that code, never retried). Any other exception is a technical
 * failure: retried with backoff, then parked as an incident.
 */
public interface StepHandler<I, O> {

    O handle(I input) throws BusinessError;
}
