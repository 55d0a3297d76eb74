package io.trainflow.connectors.sample;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sample state that lives as long as the JVM: tests and throw-away demos. */
public class InMemorySampleState implements SampleState {

    private final Map<String, String> documents = new ConcurrentHashMap<>();

    @Override
    public Optional<String> load(String key) {
        return Optional.ofNullable(documents.get(key));
    }

    @Override
    public void save(String key, String json) {
        documents.put(key, json);
    }
}
