package io.trainflow.workflows.api;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The step a handler runs for. Its {@link #key()} stays the same when the step runs again after a crash or a
 * retry (also an admin's retry of an incident): one visit of one BPMN element in one process instance, where a
 * multi-instance item or a loop back to the element is another visit. Set by the engine adapter around each
 * call; outside an engine (a handler's unit test) every call is a step of its own with nothing recorded.
 */
public final class StepContext {

    /** Where intents and outcomes of external effects are kept (the engine's database). */
    public interface Ledger {
        /** Empty: nothing recorded; an empty string inside: only the intent was recorded. */
        Optional<Optional<String>> find(String key);

        void intent(String key);

        void outcome(String key, String outcome);

        /** When the intent without an outcome was recorded; empty when unknown. */
        default Optional<java.time.Instant> intentAt(String key) {
            return Optional.empty();
        }
    }

    private static final ThreadLocal<StepContext> CURRENT = new ThreadLocal<>();

    private final Supplier<String> identity;
    private final Ledger ledger;
    private final OpenRequests openRequests;
    private String key;

    public StepContext(Supplier<String> identity, Ledger ledger) {
        this(identity, ledger, OpenRequests.NONE);
    }

    public StepContext(Supplier<String> identity, Ledger ledger, OpenRequests openRequests) {
        this.identity = identity;
        this.ledger = ledger;
        this.openRequests = openRequests == null ? OpenRequests.NONE : openRequests;
    }

    /** The engine's running training requests; none outside an engine. */
    public OpenRequests openRequests() {
        return openRequests;
    }

    /** The step the calling thread runs for; a detached one outside an engine. */
    public static StepContext current() {
        StepContext context = CURRENT.get();
        return context != null ? context : new StepContext(() -> "detached/" + UUID.randomUUID(), null);
    }

    /** Runs {@code work} as this step (engine adapters only). */
    public <T> T run(Supplier<T> work) {
        StepContext outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** processInstanceId/elementId/visit: the same for every attempt of this step. */
    public synchronized String key() {
        if (key == null) {
            key = identity.get();
        }
        return key;
    }

    /**
     * Makes an external call the far side cannot deduplicate (an LMS message) at most once for this step: the
     * intent is recorded before the call and its outcome after it. A re-run returns the recorded outcome; when
     * only the intent was recorded (the process stopped during the call), {@code check} asks the far side
     * whether it happened, and the call is made again only when it did not or the far side cannot tell.
     *
     * @param effect names the effect within the step (a step may make several)
     * @param check  given the effect's key: the outcome if the far side knows the call happened
     * @param call   given the effect's key (use it as the far side's idempotency key where there is one)
     */
    public String once(String effect, Function<String, Optional<String>> check, Function<String, String> call) {
        String effectKey = key() + "/" + effect;
        if (ledger == null) {
            return call.apply(effectKey);
        }
        Optional<Optional<String>> recorded = ledger.find(effectKey);
        if (recorded.isPresent() && recorded.get().isPresent()) {
            return recorded.get().get();
        }
        if (recorded.isPresent()) {
            Optional<String> happened = check.apply(effectKey);
            if (happened.isPresent()) {
                ledger.outcome(effectKey, happened.get());
                return happened.get();
            }
        } else {
            ledger.intent(effectKey);
        }
        String outcome = call.apply(effectKey);
        ledger.outcome(effectKey, outcome);
        return outcome;
    }

    /** The outcome recorded for {@code effect} of this step, if any (engine adapters). */
    public Optional<String> recorded(String effect) {
        return ledger == null
                ? Optional.empty()
                : ledger.find(key() + "/" + effect).flatMap(o -> o);
    }

    /**
     * When the intent of {@code effect} was recorded, while its outcome is not: the start of the window in which a
     * call cut short by a stop may have reached the far side (for a {@code check} that asks by time).
     */
    public Optional<java.time.Instant> intentRecordedAt(String effect) {
        return ledger == null ? Optional.empty() : ledger.intentAt(key() + "/" + effect);
    }

    /** Records {@code outcome} for {@code effect} of this step (engine adapters). */
    public void record(String effect, String outcome) {
        if (ledger != null) {
            ledger.outcome(key() + "/" + effect, outcome);
        }
    }
}
