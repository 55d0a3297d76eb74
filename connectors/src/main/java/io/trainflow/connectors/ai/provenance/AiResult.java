package io.trainflow.connectors.ai.provenance;

import java.util.Objects;
import java.util.function.Function;

/** An AI output together with its provenance: the two are never separated on their way to the audit trail. */
public record AiResult<T>(T value, Provenance provenance) {

    public AiResult {
        Objects.requireNonNull(provenance, "provenance");
    }

    public <R> AiResult<R> map(Function<? super T, ? extends R> f) {
        return new AiResult<>(f.apply(value), provenance);
    }

    public AiResult<T> asFallbackFrom(String failedEngine, String reason) {
        return new AiResult<>(value, provenance.asFallbackFrom(failedEngine, reason));
    }
}
